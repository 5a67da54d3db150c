"""Messages of the teacher's commands, from ``cli.yaml``: Japanese first, then English."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _strings() -> dict[str, dict[str, str]]:
    import yaml

    return yaml.safe_load(resources.files("kit.text").joinpath("cli.yaml").read_text("utf-8"))


def _texts(key: str, values: dict) -> dict[str, str]:
    """The texts of ``key``; with ``count`` 1, its ``ja_one`` / ``en_one`` where written ("1 problem", not "1 problems")."""
    texts = _strings()[key]
    if values.get("count") != 1:
        return texts
    return {**texts, **{lang: texts[f"{lang}_one"] for lang in ("ja", "en") if f"{lang}_one" in texts}}


def say(key: str, **values) -> str:
    """The message ``key`` as one line, "日本語 / English", with ``{placeholders}`` filled in."""
    texts = _texts(key, values)
    return f"{texts['ja'].format(**values)} / {texts['en'].format(**values)}"


def say_ja(key: str, **values) -> str:
    """Only the Japanese of message ``key``."""
    return _texts(key, values)["ja"].format(**values)


def word(key: str, lang: str, **values) -> str:
    """Message ``key`` in ``lang`` alone ("ja" or "en"; Japanese where English is missing)."""
    texts = _texts(key, values)
    return (texts.get(lang) or texts["ja"]).format(**values)
