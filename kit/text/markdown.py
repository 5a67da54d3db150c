"""Small fixes to Markdown written in Japanese before the page renders it.

CommonMark only closes ``**bold**`` when the closing marks are not between punctuation and a
letter, so ``**約半分（50.9%）**が`` stays literal in Japanese text, where no spaces separate
words. Bold is turned into ``<strong>`` here, which every Markdown renderer keeps.
"""

from __future__ import annotations

import re

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def cjk_emphasis(text: str) -> str:
    """``text`` with ``**bold**`` written as ``<strong>bold</strong>``."""
    return _BOLD.sub(r"<strong>\1</strong>", text)
