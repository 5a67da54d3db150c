"""Text to HTML for components: escaped, with furigana when the lesson asks for it."""

from __future__ import annotations

from kit.content.text import Text
from kit.text.furigana import plain_html, ruby_html


def text_html(text: Text, lang: str, furigana: bool) -> str:
    """``text`` in ``lang`` as safe HTML; Japanese gets ruby readings if ``furigana``."""
    value = text.get(lang)
    if furigana and lang == "ja":
        return ruby_html(value).replace("\n", "<br>")
    return plain_html(value).replace("\n", "<br>")
