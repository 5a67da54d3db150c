"""Readings a teacher writes by hand: ``｜漢字《かんじ》`` (the notation of Japanese novel sites).

pykakasi guesses readings from a dictionary and can be wrong for names and rare words; a teacher
fixes one by writing it out. With furigana on, the hand reading is shown over the base text; with
furigana off (and in English), only the base text is shown. The ``｜`` (or ``|``) marks where the
base starts; without it, the run of kanji just before ``《`` is the base.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

MARK = re.compile(r"[｜|]([^｜|《》\n]+)《([^《》\n]+)》|([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆]+)《([^《》\n]+)》")


def has_marks(text: str) -> bool:
    """Whether ``text`` holds a hand-written reading."""
    return "《" in text and MARK.search(text) is not None


def strip_marks(text: str) -> str:
    """``text`` with every hand-written reading removed, keeping the base text."""
    return MARK.sub(lambda m: m.group(1) or m.group(3), text)


def marked_html(text: str, auto: Callable[[str], str]) -> str:
    """``text`` as HTML: hand readings as ``<ruby>``, the rest through ``auto`` (escaping, furigana)."""
    parts, last = [], 0
    for m in MARK.finditer(text):
        if m.start() > last:
            parts.append(auto(text[last:m.start()]))
        base, reading = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        parts.append(f"<ruby>{html.escape(base)}<rp>(</rp><rt>{html.escape(reading)}</rt><rp>)</rp></ruby>")
        last = m.end()
    if last < len(text):
        parts.append(auto(text[last:]))
    return "".join(parts)
