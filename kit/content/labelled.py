"""Sentences labelled by hand for measuring the PostChecker (``datasets/lexicon/labelled.csv``).

Each row is one sentence, a ``split`` (``dev``: used while writing the lexicon; ``test``: held out,
only measured) and a 0/1 column per category. Read like every other content file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.content.errors import ContentError, ContentProblem
from kit.content.lexicon import CATEGORIES
from kit.content.tables import read_table
from kit.content.validate import checked_rows


@dataclass(frozen=True)
class LabelledPost:
    """One sentence and the categories a person said it belongs to (none: a fine post)."""

    id: str
    split: str
    text: str
    categories: frozenset[str]


def load_labelled(path: str | Path) -> list[LabelledPost]:
    """Read the labelled sentences; raise ``ContentError`` listing every problem."""
    table = read_table(path)
    rows, problems = checked_rows("labelled-post", table)
    bad = {p.place for p in problems}
    seen: set[str] = set()
    posts = []
    for row in rows:
        v = row.values
        if row.place in bad:
            continue
        if v["id"] in seen:
            problems.append(ContentProblem(table.file, row.place, "id", f"id「{v['id']}」が2回あります。",
                                           f"id '{v['id']}' appears twice."))
            continue
        seen.add(v["id"])
        posts.append(LabelledPost(v["id"], v["split"], str(v["text"]),
                                  frozenset(c for c in CATEGORIES if str(v[c]).strip() == "1")))
    if problems:
        raise ContentError(problems)
    return posts
