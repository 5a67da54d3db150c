"""A timeline choice in words: ``timeline:<file id>:<post id>`` (share, check, ignore) and ``…:<post id>:decide``.

The first is the choice on seeing the post (``ACTIONS``' order); the second, after checking,
whether to share it after all (``SHARE`` or ``IGNORE``).
"""

from __future__ import annotations

from kit.analysis.describe.words import Described, chosen, parts
from kit.content.timeline import ACTIONS, Timeline
from kit.models.sharing import IGNORE, SHARE
from kit.text.ui import label

DECIDE = ":decide"
DECISIONS = {SHARE: "tl_decide_share", IGNORE: "tl_decide_keep"}


def describe(content: Timeline, item: str, response: tuple[int, ...], lang: str) -> Described | None:
    """The post's text (after checking: marked so), and the choice in the timeline's own button words."""
    found = parts(item, 2)
    if found is None or found[0] != content.id:
        return None
    post_id = found[1].removesuffix(DECIDE)
    post = next((p for p in content.posts if p.id == post_id), None)
    if post is None:
        return None
    if found[1].endswith(DECIDE):
        key = DECISIONS.get(response[0]) if len(response) == 1 else None
        return Described(label("item_after_check", lang, text=post.text.get(lang)), label(key, lang)) if key else None
    action = chosen(ACTIONS, response)
    return Described(post.text.get(lang), label(f"tl_{action}", lang)) if action else None
