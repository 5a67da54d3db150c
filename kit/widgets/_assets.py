"""Find the browser half (ES module and CSS) of a component, in the checkout or the wheel."""

from __future__ import annotations

from functools import cache

from kit.content.paths import bundled_root

COMMON = "_common.js"
COMMON_CSS = "_common.css"


@cache
def asset(name: str) -> str:
    """The text of ``widgets/<name>`` (e.g. ``"quiz_card.js"``); an ES module gets ``_common.js`` in
    front, a stylesheet ``_common.css``.

    A module that still declares its own ``h`` is left alone (two declarations would not load).
    """
    text = (bundled_root() / "widgets" / name).read_text("utf-8")
    if name.endswith(".js") and name != COMMON and "\nfunction h(" not in "\n" + text:  # own h(): kept
        return asset(COMMON) + "\n" + text
    if name.endswith(".css") and name != COMMON_CSS:
        return asset(COMMON_CSS) + "\n" + text
    return text
