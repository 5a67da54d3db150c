"""'Did you mean …?' for a misspelt id, tag or role, in both languages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(value: str, known: Iterable[str]) -> str | None:
    """The known name closest to ``value``, if one is close enough to be a likely typo."""
    found = difflib.get_close_matches(str(value), list(known), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(value: str, known: Iterable[str]) -> tuple[str, str]:
    """A Japanese and an English hint naming the closest known name, or two empty strings."""
    close = closest(value, known)
    return (f"「{close}」のまちがいではありませんか。", f"did you mean '{close}'? ") if close else ("", "")
