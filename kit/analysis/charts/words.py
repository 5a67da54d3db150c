"""The charts' words from ``charts.yaml``, Japanese first, English second."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _words() -> dict[str, dict[str, str]]:
    import yaml

    return yaml.safe_load(resources.files("kit.analysis.charts").joinpath("charts.yaml").read_text("utf-8"))


def say(key: str, lang: str = "ja", **values) -> str:
    """The words for ``key`` in ``lang`` ("ja" or "en", falling back to Japanese), filled with ``values``."""
    texts = _words()[key]
    return (texts.get(lang) or texts["ja"]).format(**values)
