"""What a component's ``describe`` returns, and the words several of them share."""

from __future__ import annotations

from dataclasses import dataclass

from kit.text.ui import label


@dataclass(frozen=True)
class Described:
    """An item and one response to it, as a teacher reads them."""

    text: str  # what the item asked or showed (the question, the post, the step)
    answer: str  # the response in words (the chosen option's text)
    scored: bool = True  # False: the stored "correct" means neither right nor wrong (a game's choice)
    from_file: bool = True  # False: no content file explains it, so ids and choice numbers stand in


def parts(item: str, count: int) -> list[str] | None:
    """The ``count`` parts after the component's name (``"lateral:f:t"`` → ``["f", "t"]``), the last keeping its colons."""
    found = item.split(":", count)[1:]
    return found if len(found) == count and all(found) else None


def child(content, children, item: str):
    """The one of ``children`` an item ``<component>:<content id>:<child id>`` of ``content`` names (None when the
    item belongs to another file, or the child is no longer in this one: the file changed)."""
    found = parts(item, 2)
    if found is None or found[0] != content.id:
        return None
    return next((c for c in children if c.id == found[1]), None)


def chosen(options, response: tuple[int, ...]):
    """The option a one-number response chose (None when the number is not one of ``options``: the file changed)."""
    if len(response) != 1 or not 0 <= response[0] < len(options):
        return None
    return options[response[0]]


def numbers(response: tuple[int, ...], lang: str) -> str:
    """A response as the choice numbers people count from 1 (「選んだ番号 3」), for an answer no file explains."""
    return label("item_numbers", lang, numbers="・".join(str(i + 1) for i in response)) if response else ""
