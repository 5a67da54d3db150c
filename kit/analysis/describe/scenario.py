"""A role-play choice (``scenario:<scenario id>:<node id>``, response ``(choice,)``) in words."""

from __future__ import annotations

from kit.analysis.describe.words import Described, child, chosen
from kit.content.scenario import Scenario
from kit.text.ui import label


def describe(content: Scenario, item: str, response: tuple[int, ...], lang: str) -> Described | None:
    """The scenario's title and what was said at the node (and by whom), and the choice the student took there."""
    node = child(content, content.nodes, item)
    choice = chosen(node.choices, response) if node is not None else None
    if choice is None:
        return None
    who = content.character(node.speaker)
    text = node.text.get(lang)
    if who is not None:
        text = label("item_said", lang, who=who.name.get(lang), text=text)
    return Described(label("item_scenario_node", lang, title=content.title.get(lang), text=text), choice.text.get(lang))
