"""Text to HTML for components: escaped, with furigana when the lesson asks for it."""

from __future__ import annotations

from kit.content.text import Text
from kit.text import furigana


def text_html(text: Text, lang: str, furigana_on: bool) -> str:
    """``text`` in ``lang`` as safe HTML; Japanese gets ruby readings if ``furigana_on``."""
    return furigana.text_html(text.get(lang), ruby=furigana_on and lang == "ja")
