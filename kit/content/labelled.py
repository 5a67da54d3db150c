"""Posts labelled by hand for measuring the PostChecker.

Two formats, read like every other content file. ``datasets/lexicon/labelled.csv`` (written with
the lexicon): one row per sentence, a ``split`` (``dev``: used while writing the lexicon; ``test``:
held out, only measured) and a 0/1 column per category. ``blind_*.csv`` (written by someone who
never saw the checker, from the categories only) and ``examples_*.csv`` (more posts written by the
lexicon's authors, for training the classifier): ``label`` harmful or ok and one ``category``, the
kind of harm or the kind of fine post (kind, reporting, help, neutral, criticism, banter_safe).
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
    kind: str = ""  # the writer's own category (blind sets): insult, doxxing, … or kind, reporting, help, …


# The blind sets' harm names, as the checker's categories.
BLIND_CATEGORIES = {"insult": "insult", "appearance": "appearance", "exclusion": "exclusion", "contempt": "contempt",
                    "mockery": "mockery", "threat": "threat", "doxxing": "personal_info", "pileon": "pile_on",
                    "rumour": "rumour"}


def is_blind(path: str | Path) -> bool:
    """Whether ``path`` has one category per post (``blind_*.csv``, ``examples_*.csv``) rather than 0/1 columns."""
    return Path(path).name.lower().startswith(("blind_", "examples_"))


def _unique_rows(path: str | Path, schema: str):
    """The file's rows that pass ``schema``, each id once; the problems of the others."""
    table = read_table(path)
    rows, problems = checked_rows(schema, table)
    bad = {p.place for p in problems}
    seen: set[str] = set()
    good = []
    for row in rows:
        if row.place in bad:
            continue
        if row.values["id"] in seen:
            problems.append(ContentProblem(table.file, row.place, "id",
                                           f"id「{row.values['id']}」が2回あります。片方の id を変えてください。",
                                           f"id '{row.values['id']}' appears twice; rename one."))
            continue
        seen.add(row.values["id"])
        good.append(row)
    return table, good, problems


def load_blind(path: str | Path, split: str = "test") -> list[LabelledPost]:
    """Read a blind set; raise ``ContentError`` listing every problem."""
    table, rows, problems = _unique_rows(path, "blind-post")
    posts = []
    for row in rows:
        v = row.values
        harmful = v["label"] == "harmful"
        if harmful != (v["category"] in BLIND_CATEGORIES):
            problems.append(ContentProblem(
                table.file, row.place, "category",
                f"label が {v['label']} なのに category が「{v['category']}」です。どちらかを直してください。",
                f"label is {v['label']} but category is '{v['category']}'; correct one of them."))
            continue
        categories = frozenset({BLIND_CATEGORIES[v["category"]]}) if harmful else frozenset()
        posts.append(LabelledPost(v["id"], split, str(v["text"]), categories, v["category"]))
    if problems:
        raise ContentError(problems)
    return posts


def load_labelled(path: str | Path) -> list[LabelledPost]:
    """Read the labelled sentences; raise ``ContentError`` listing every problem."""
    table, rows, problems = _unique_rows(path, "labelled-post")
    posts = []
    for row in rows:
        v = row.values
        posts.append(LabelledPost(v["id"], v["split"], str(v["text"]),
                                  frozenset(c for c in CATEGORIES if str(v.get(c, "0")).strip() == "1")))
    if problems:
        raise ContentError(problems)
    return posts
