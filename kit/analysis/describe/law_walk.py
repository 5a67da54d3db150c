"""A step of the law walk (``law:<walk id>:<step id>``, response ``(choice,)``) in words."""

from __future__ import annotations

from kit.analysis.describe.words import Described, chosen, parts
from kit.content.law import LawWalk


def describe(content: LawWalk, item: str, response: tuple[int, ...], lang: str) -> Described | None:
    """The step's question, and the chosen answer's text."""
    found = parts(item, 2)
    if found is None or found[0] != content.id:
        return None
    step = next((s for s in content.steps if s.id == found[1]), None)
    choice = chosen(step.choices, response) if step is not None else None
    if choice is None:
        return None
    return Described(step.ask.get(lang) or step.heading.get(lang), choice.text.get(lang))
