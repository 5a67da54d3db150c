"""Interface strings (buttons, messages) from ``ui.yaml``, in Japanese or English."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _strings() -> dict[str, dict[str, str]]:
    import yaml

    return yaml.safe_load(resources.files("kit.text").joinpath("ui.yaml").read_text("utf-8"))


RUBY = "__ruby"  # in a component's labels: plain text -> the same with <ruby> readings


def labels(lang: str, ruby: tuple[str, ...] | list[str] = ()) -> dict:
    """Every interface string in ``lang`` ("ja" or "en"), falling back to Japanese.

    ``ruby``: keys of the strings a component shows on its buttons; for a Japanese lesson with
    furigana (小学生) their readings go along under ``labels["__ruby"]``, keyed by the plain text,
    and the browser's ``h()`` (widgets/_common.js) shows them wherever that text is drawn.
    """
    found: dict = {key: (texts.get(lang) or texts["ja"]) for key, texts in _strings().items()}
    if ruby and lang == "ja":
        found[RUBY] = ruby_map(found[key] for key in ruby if key in found)
    return found


def ruby_map(texts) -> dict[str, str]:
    """Plain text -> escaped HTML with ``<ruby>`` readings, for the texts that have kanji."""
    return {text: _ruby(text) for text in texts if _has_kanji(text)}


@cache
def _ruby(text: str) -> str:
    from kit.text.furigana import ruby_html

    return ruby_html(text)


def _has_kanji(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or ch == "\u3005" for ch in text)


def both_languages(keys) -> str:
    """Interface strings ``keys`` in both languages as JSON (``{key: {"ja": …, "en": …}}``) for a page script."""
    import json

    found = _strings()
    return json.dumps({k: {"ja": found[k]["ja"], "en": found[k].get("en") or found[k]["ja"]} for k in keys},
                      ensure_ascii=False).replace("</", "<\\/")


def key_hint(count: int, lang: str) -> str:
    """The hint under ``count`` choices that number keys pick: 「数字キー 1〜3 でも選べます」 for three, never more keys than choices."""
    return label("key_hint_one", lang) if count <= 1 else label("key_hint", lang, last=count)


def label(key: str, lang: str, **values) -> str:
    """One interface string in ``lang``, with ``{placeholders}`` filled from ``values``."""
    return labels(lang)[key].format(**values)
