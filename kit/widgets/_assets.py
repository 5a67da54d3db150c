"""Find the browser half (ES module and CSS) of a component, in the checkout or the wheel."""

from __future__ import annotations

from functools import cache

from kit.content.paths import bundled_root


@cache
def asset(name: str) -> str:
    """The text of ``widgets/<name>`` (e.g. ``"quiz_card.js"``)."""
    return (bundled_root() / "widgets" / name).read_text("utf-8")
