"""Find the browser half (ES module and CSS) of a component, in the checkout or the wheel."""

from __future__ import annotations

from functools import cache

from kit.content.paths import bundled_root

COMMON = "_common.js"
COMMON_CSS = "_common.css"
TOKENS = "_tokens.css"  # the colours, spacing, radii and fonts, as CSS custom properties


def _read(name: str) -> str:
    return (bundled_root() / "widgets" / name).read_text("utf-8")


@cache
def asset(name: str, *shared: str) -> str:
    """The text of ``widgets/<name>`` (e.g. ``"quiz_card.js"``); an ES module gets ``_common.js`` in
    front, a stylesheet ``_tokens.css`` and ``_common.css`` (the base card), then the ``shared`` files
    named (a lab's ``_lab.js``).

    A module that still declares its own ``h`` is left alone (two declarations would not load).
    """
    text = _read(name)
    if name.endswith(".js") and name != COMMON and "\nfunction h(" not in "\n" + text:  # own h(): kept
        return "\n".join([_read(COMMON), *map(_read, shared), text])
    if name.endswith(".css") and name not in (COMMON_CSS, TOKENS):
        return "\n".join([_read(TOKENS), _read(COMMON_CSS), *map(_read, shared), text])
    return text
