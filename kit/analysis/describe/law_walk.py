"""A step of the law walk (``law:<walk id>:<step id>``, response ``(choice,)``) in words."""

from __future__ import annotations

from kit.analysis.describe.words import Described, child, chosen
from kit.content.law import LawWalk


def describe(content: LawWalk, item: str, response: tuple[int, ...], lang: str) -> Described | None:
    """The step's question, and the chosen answer's text."""
    step = child(content, content.steps, item)
    choice = chosen(step.choices, response) if step is not None else None
    if choice is None:
        return None
    return Described(step.ask.get(lang) or step.heading.get(lang), choice.text.get(lang))
