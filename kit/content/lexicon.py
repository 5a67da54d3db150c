"""The PostChecker's lexicon: words and patterns a teacher can edit (``datasets/lexicon/*.yaml``).

A lexicon file has ``categories`` (the name, a kind explanation and a kinder way to say it for each
of the five kinds of problem) and ``entries`` (a word in its dictionary form, a regular expression
on the post in hiragana, or both). Every problem is reported at once, like every other content file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kit.content import schema
from kit.content.errors import ContentError, ContentProblem
from kit.content.tables import Row, read_table
from kit.content.text import Text
from kit.content.validate import checked_rows

CATEGORIES = ("insult", "threat", "appearance", "personal_info", "pile_on")
FORMS = ("any", "imperative", "volitional")


@dataclass(frozen=True)
class Category:
    """One kind of problem: its name, why it matters and what to say instead."""

    id: str
    label: Text
    why: Text
    suggestion: Text


@dataclass(frozen=True)
class Entry:
    """One thing to look for in a post and what to tell the student when it is found."""

    id: str
    category: str
    lemma: str = ""
    form: str = "any"
    pattern: re.Pattern | None = None
    near: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()  # phrases (in hiragana) in which a match is fine
    severity: int = 2
    why: Text = Text("")
    suggestion: Text = Text("")


@dataclass(frozen=True)
class Lexicon:
    """Every category and entry of one lexicon file."""

    file: str
    categories: dict[str, Category]
    entries: tuple[Entry, ...]

    def why(self, entry: Entry) -> Text:
        """The entry's own explanation, else its category's."""
        return entry.why if entry.why.ja else self.categories[entry.category].why

    def suggestion(self, entry: Entry) -> Text:
        """The entry's own kinder wording, else its category's."""
        return entry.suggestion if entry.suggestion.ja else self.categories[entry.category].suggestion


def kana_fold(text: str) -> str:
    """Katakana turned into hiragana (patterns and posts are compared in hiragana)."""
    return "".join(chr(ord(ch) - 0x60) if 0x30A1 <= ord(ch) <= 0x30F6 else ch for ch in text)


def load_lexicon(path: str | Path) -> Lexicon:
    """Read a lexicon file; raise ``ContentError`` listing every problem."""
    table = read_table(path, items_key="entries")
    rows, problems = checked_rows("lexicon-entry", table)
    categories, category_problems = _categories(table.file, table.meta.get("categories"))
    problems += category_problems
    bad = {p.place for p in problems}
    entries: dict[str, Entry] = {}
    for row in rows:
        v = row.values
        if row.place in bad:
            continue
        if v["id"] in entries:
            problems.append(ContentProblem(table.file, row.place, "id", f"id「{v['id']}」が2回あります。片方の id を変えてください。",
                                           f"id '{v['id']}' appears twice; rename one."))
            continue
        if not v.get("lemma") and not v.get("pattern"):
            problems.append(ContentProblem(table.file, row.place, "lemma", "lemma（言葉）か pattern（正規表現）のどちらかを書いてください。",
                                           "write a lemma (a word) or a pattern (a regular expression)."))
            continue
        pattern = None
        if v.get("pattern"):
            try:
                pattern = re.compile(kana_fold(str(v["pattern"])), re.IGNORECASE)
            except re.error as exc:
                problems.append(ContentProblem(table.file, row.place, "pattern",
                                               f"正規表現として読めません（{exc.msg}、{exc.pos}文字目）。かっこの数などを確かめてください。",
                                               f"not a valid regular expression ({exc.msg} at {exc.pos}); check brackets."))
                continue
        entries[v["id"]] = Entry(
            id=v["id"], category=v["category"], lemma=str(v.get("lemma") or ""), form=v.get("form") or "any",
            pattern=pattern, near=tuple(str(w) for w in v.get("near") or ()),
            unless=tuple(kana_fold(unicodedata.normalize("NFKC", str(w))).lower() for w in v.get("unless") or ()), severity=int(v.get("severity") or 2),
            why=Text.from_row(v, "why"), suggestion=Text.from_row(v, "suggestion"))
    if problems:
        raise ContentError(problems)
    return Lexicon(table.file, categories, tuple(entries.values()))


def _categories(file: str, raw) -> tuple[dict[str, Category], list[ContentProblem]]:
    if not isinstance(raw, dict):
        return {}, [ContentProblem(file, "categories", "categories",
                                   f"「categories:」の下に {', '.join(CATEGORIES)} の5つを書いてください。",
                                   f"put the five categories {', '.join(CATEGORIES)} under 'categories:'.")]
    problems = []
    categories = {}
    for key in raw:
        if key not in CATEGORIES:
            problems.append(ContentProblem(file, f"categories.{key}", "", f"知らない種類です。{', '.join(CATEGORIES)} のどれかにしてください。",
                                           f"unknown category; use one of {', '.join(CATEGORIES)}."))
    for key in CATEGORIES:
        values = raw.get(key)
        if not isinstance(values, dict):
            problems.append(ContentProblem(file, f"categories.{key}", "", "この種類の名前・理由・かわりの言い方がありません。",
                                           "this category's label, why and suggestion are missing."))
            continue
        row = Row({k: schema.coerce("lexicon-category", k, v) for k, v in values.items()}, f"categories.{key}", 0)
        found = schema.check_row("lexicon-category", file, row)
        problems += found
        if not found:
            categories[key] = Category(key, Text.from_row(values, "label"), Text.from_row(values, "why"),
                                       Text.from_row(values, "suggestion"))
    return categories, problems
