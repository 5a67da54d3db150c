"""Interface strings (buttons, messages) from ``ui.yaml``, in Japanese or English."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _strings() -> dict[str, dict[str, str]]:
    import yaml

    return yaml.safe_load(resources.files("kit.text").joinpath("ui.yaml").read_text("utf-8"))


def labels(lang: str) -> dict[str, str]:
    """Every interface string in ``lang`` ("ja" or "en"), falling back to Japanese."""
    return {key: (texts.get(lang) or texts["ja"]) for key, texts in _strings().items()}


def label(key: str, lang: str, **values) -> str:
    """One interface string in ``lang``, with ``{placeholders}`` filled from ``values``."""
    return labels(lang)[key].format(**values)
