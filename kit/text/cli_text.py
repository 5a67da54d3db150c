"""Messages of the teacher's commands, from ``cli.yaml``: Japanese first, then English."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _strings() -> dict[str, dict[str, str]]:
    import yaml

    return yaml.safe_load(resources.files("kit.text").joinpath("cli.yaml").read_text("utf-8"))


def say(key: str, **values) -> str:
    """The message ``key`` as one line, "日本語 / English", with ``{placeholders}`` filled in."""
    texts = _strings()[key]
    return f"{texts['ja'].format(**values)} / {texts['en'].format(**values)}"


def say_ja(key: str, **values) -> str:
    """Only the Japanese of message ``key``."""
    return _strings()[key]["ja"].format(**values)


def word(key: str, lang: str, **values) -> str:
    """Message ``key`` in ``lang`` alone ("ja" or "en"; Japanese where English is missing)."""
    texts = _strings()[key]
    return (texts.get(lang) or texts["ja"]).format(**values)
