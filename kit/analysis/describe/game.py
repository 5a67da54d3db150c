"""A choice in the manipulator game (``game:<game id>:<stage id>``, response ``(choice,)``) in words.

The game stores every choice as "correct": a choice there is a move in a made-up account's play,
neither right nor wrong, so its registry line says ``scored=False``.
"""

from __future__ import annotations

from kit.analysis.describe.words import Described, child, chosen
from kit.content.manipulator import Game
from kit.text.ui import label


def describe(content: Game, item: str, response: tuple[int, ...], lang: str) -> Described | None:
    """The stage's technique and target, and the post the student chose to make."""
    stage = child(content, content.stages, item)
    choice = chosen(stage.choices, response) if stage is not None else None
    if choice is None:
        return None
    text = label("item_game_stage", lang, technique=stage.technique.get(lang), target=stage.target.get(lang))
    return Described(text, choice.text.get(lang))
