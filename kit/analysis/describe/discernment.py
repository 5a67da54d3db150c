"""A discernment judgment (``discern:<file id>:<post id>``, response ``(0 believe / 1 doubt,)``) in words."""

from __future__ import annotations

from kit.analysis.describe.words import Described, chosen
from kit.content.discernment import Discernment
from kit.text.ui import label

JUDGMENTS = ("dc_believe", "dc_doubt")


def describe(content: Discernment, item: str, response: tuple[int, ...], lang: str) -> Described | None:
    """The post's text, and 「信じる」 or 「あやしい」 as the student's buttons said."""
    post = next((p for p in content.posts if content.item(p) == item), None)
    judged = chosen(JUDGMENTS, response) if post is not None else None
    return Described(post.text.get(lang), label(judged, lang)) if judged else None
