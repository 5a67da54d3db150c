"""Help desks (相談窓口) with their contact and the date it was checked (``datasets/help``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.content.errors import ContentError
from kit.content.tables import read_table
from kit.content.text import Text
from kit.content.validate import checked_rows


@dataclass(frozen=True)
class HelpDesk:
    """One place to get help: who it is for, how to reach it, when the contact was checked."""

    id: str
    name: Text
    purpose: Text
    contact: str
    wants: tuple[str, ...]
    checked: str
    source: str
    hours: Text = Text("")
    audience: tuple[str, ...] = ("children", "adults")


def load_help(path: str | Path) -> list[HelpDesk]:
    """Read a help-desk file; raise ``ContentError`` listing every problem."""
    table = read_table(path, items_key="desks")
    rows, problems = checked_rows("desk", table)
    if problems:
        raise ContentError(problems)
    return [
        HelpDesk(
            id=v["id"], name=Text.from_row(v, "name"), purpose=Text.from_row(v, "for"),
            contact=str(v["contact"]), wants=tuple(v["wants"]), checked=str(v["checked"]),
            source=v["source"], hours=Text.from_row(v, "hours"),
            audience=tuple(v.get("audience") or ("children", "adults")),
        )
        for v in (row.values for row in rows)
    ]
