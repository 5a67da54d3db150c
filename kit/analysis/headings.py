"""Column headings in the teacher's language for the tables of ``kit.analysis``, from ``headings.yaml``.

The analyses name their columns in English snake case so code and tests can rely on them; a
dashboard or an export renames them just before showing them. A column with no heading keeps its name.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import pandas as pd


def headings(lang: str = "ja") -> dict[str, str]:
    """Every known column name mapped to its heading in ``lang`` ("ja" or "en", falling back to Japanese)."""
    return {column: (texts.get(lang) or texts["ja"]) for column, texts in _headings().items()}


def with_headings(frame: pd.DataFrame, lang: str = "ja") -> pd.DataFrame:
    """A copy of ``frame`` with its columns renamed to headings in ``lang``."""
    return frame.rename(columns=headings(lang))


@cache
def _headings() -> dict[str, dict[str, str]]:
    import yaml

    return yaml.safe_load(resources.files("kit.analysis").joinpath("headings.yaml").read_text("utf-8"))
