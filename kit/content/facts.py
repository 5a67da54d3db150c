"""Facts a lesson states, each with its source and as-of date (``datasets/facts/*.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.content.errors import ContentError, ContentProblem
from kit.content.tables import read_table
from kit.content.text import Text
from kit.content.validate import checked_rows


@dataclass(frozen=True)
class Fact:
    """One checked fact: what it says, the number if it is one, where it comes from and when."""

    id: str
    topic: str
    text: Text
    source: str
    as_of: str
    mark: str
    value: float | None = None
    unit: Text = Text("")
    url: str = ""
    read: str = ""  # when the source was read and the fact checked against it
    claim: str = ""  # the exact claim the source supports


def load_facts(path: str | Path) -> dict[str, Fact]:
    """Read one facts file into ``{id: Fact}``; raise ``ContentError`` listing every problem."""
    table = read_table(path, items_key="facts")
    rows, problems = checked_rows("fact", table)
    facts: dict[str, Fact] = {}
    bad_places = {p.place for p in problems}
    for row in rows:
        v = row.values
        if row.place in bad_places:
            continue
        if v["id"] in facts:
            problems.append(ContentProblem(table.file, row.place, "id", f"id「{v['id']}」が2回あります。",
                                           f"id '{v['id']}' appears twice."))
            continue
        facts[v["id"]] = Fact(
            id=v["id"], topic=v["topic"], text=Text.from_row(v, "text"), source=v["source"],
            as_of=str(v["as_of"]), mark=v["mark"], value=v.get("value"),
            unit=Text.from_row(v, "unit"), url=v.get("url", ""),
            read=str(v.get("read") or ""), claim=v.get("claim", ""),
        )
    if problems:
        raise ContentError(problems)
    return facts


def load_all_facts(folder: str | Path) -> dict[str, Fact]:
    """Every fact of every ``*.yaml`` file in ``folder``; ids must be unique across files."""
    facts: dict[str, Fact] = {}
    problems: list[ContentProblem] = []
    for path in sorted(Path(folder).glob("*.y*ml")):
        try:
            for fid, fact in load_facts(path).items():
                if fid in facts:
                    problems.append(ContentProblem(path.name, fid, "id", "同じ id の事実が別のファイルにもあります。",
                                                   "a fact with this id is in another file too."))
                facts[fid] = fact
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    return facts
