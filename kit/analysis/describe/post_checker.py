"""A PostChecker check (``postchecker:<n>``, the n-th check of a sitting; response: the kinds of words found) in words.

The stored "correct" is whether the check found nothing to point out in the student's own
draft: a fact about the draft, not a right or wrong answer, so its registry line says ``scored=False``.
"""

from __future__ import annotations

from kit.analysis.describe.words import Described, parts
from kit.content.lexicon import CATEGORIES, Lexicon
from kit.text.ui import label


def describe(content: Lexicon, item: str, response: tuple[int, ...], lang: str) -> Described | None:
    """「投稿チェック（2回目）」, and the kinds of words the check found (or that it found none)."""
    found = parts(item, 1)
    if found is None or not found[0].isdigit():
        return None
    if any(not 0 <= i < len(CATEGORIES) or CATEGORIES[i] not in content.categories for i in response):
        return None
    kinds = [content.categories[CATEGORIES[i]].label.get(lang) for i in response]
    answer = label("item_and", lang).join(kinds) if kinds else label("item_postchecker_none", lang)
    return Described(label("item_postchecker", lang, number=int(found[0])), answer)
