"""Law content (``datasets/law``): step-by-step walk-throughs with a question at each step, and law cards.

A walk (``law_walk.schema.json``) tells a procedure in steps — each with plain words, the facts
that back it (ids from ``datasets/facts``, shown with source and as-of date) and one question with
exactly one right choice. A card file (named ``cards*.yaml``; ``law_card.schema.json``, items under ``cards:``) holds one
offence or liability per card; its penalty is never written on the card but taken from a fact, so
the number a student reads and its date live in one place. Fact ids are checked against the facts
by ``missing_facts`` (``netkit validate`` and ``Lesson`` do so).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.content import schema
from kit.content.errors import ContentError, ContentProblem
from kit.content.tables import Row, read_table
from kit.content.text import Text
from kit.content.validate import checked_rows


@dataclass(frozen=True)
class LawChoice:
    text: Text
    feedback: Text
    correct: bool = False


@dataclass(frozen=True)
class LawStep:
    """One step of a procedure and its question."""

    id: str
    heading: Text
    body: Text
    ask: Text
    choices: tuple[LawChoice, ...]
    facts: tuple[str, ...] = ()

    @property
    def answer(self) -> int:
        """The index of the right choice."""
        return next(i for i, c in enumerate(self.choices) if c.correct)


@dataclass(frozen=True)
class LawWalk:
    file: str
    id: str
    title: Text
    intro: Text
    outro: Text
    steps: tuple[LawStep, ...]

    @property
    def fact_ids(self) -> list[tuple[str, str]]:
        """(step id, fact id) for every fact the walk shows."""
        return [(s.id, f) for s in self.steps for f in s.facts]


@dataclass(frozen=True)
class LawCard:
    """One offence or liability: when it applies, a mild example, and the facts with its penalty."""

    id: str
    title: Text
    law: Text
    what: Text
    example: Text
    penalty_fact: str
    facts: tuple[str, ...]
    as_of: str


@dataclass(frozen=True)
class LawCards:
    file: str
    cards: tuple[LawCard, ...]

    def card(self, card_id: str) -> LawCard:
        for c in self.cards:
            if c.id == card_id:
                return c
        raise ContentError.single(
            self.file, f"id「{card_id}」のカードがありません（あるのは {', '.join(c.id for c in self.cards)}）。",
            f"no card with id '{card_id}' (there are {', '.join(c.id for c in self.cards)}).", field="cards")

    @property
    def fact_ids(self) -> list[tuple[str, str]]:
        return [(c.id, f) for c in self.cards for f in (c.penalty_fact, *c.facts)]


def load_law_walk(path: str | Path) -> LawWalk:
    """Read and check a walk-through; ``ContentError`` lists every problem."""
    table = read_table(path, items_key="steps")
    file = table.file
    meta = dict(table.meta)
    problems = schema.check_version("law_walk", file, table.schema_version)
    top = Row({**meta, "steps": [r.values for r in table.rows]}, "", 0, table.lines)
    problems += [p for p in schema.check_row("law_walk", file, top) if p.field != "schema_version"]
    steps: list[LawStep] = []
    for row in table.rows:
        v = row.values
        sid = str(v.get("id") or "")
        place = f"段階「{sid}」" if sid else row.place
        if "__not_a_mapping__" in v:
            problems.append(ContentProblem(file, row.place, "", "「名前: 値」の組を並べた項目にしてください。",
                                           "each item must be a set of 'name: value' pairs."))
            continue
        step_problems = schema.check_row("law_walk#step", file, Row(v, place, row.number))
        if sid and sid in {s.id for s in steps}:
            step_problems.append(ContentProblem(file, place, "id", f"id「{sid}」が2回使われています。別の id にしてください。",
                                                f"the id '{sid}' is used twice; use another id."))
        choices = []
        raw = v.get("choices")
        for n, item in enumerate(raw if isinstance(raw, list) else [], start=1):
            if not isinstance(item, dict):
                step_problems.append(ContentProblem(file, f"{place}の選択肢{n}", "", "「text_ja: …」の組で書いてください。",
                                                    "write the choice as 'text_ja: …' pairs."))
                continue
            step_problems += schema.check_row("law_walk#choice", file, Row(item, f"{place}の選択肢{n}", n))
            choices.append(LawChoice(Text.from_row(item, "text"), Text.from_row(item, "feedback"), item.get("correct") is True))
        if choices and sum(c.correct for c in choices) != 1:
            step_problems.append(ContentProblem(
                file, place, "choices", "正しい選択肢を1つだけ決めて、それに correct: true と書いてください。",
                "mark exactly one choice with correct: true."))
        problems += step_problems
        if not step_problems:
            steps.append(LawStep(sid, Text.from_row(v, "heading"), Text.from_row(v, "body"), Text.from_row(v, "ask"),
                                 tuple(choices), tuple(v.get("facts") or ())))
    if problems:
        raise ContentError(problems)
    return LawWalk(file, str(meta["id"]), Text.from_row(meta, "title"), Text.from_row(meta, "intro"),
                   Text.from_row(meta, "outro"), tuple(steps))


def load_law_cards(path: str | Path) -> LawCards:
    """Read and check a law-card file; ``ContentError`` lists every problem."""
    table = read_table(path, items_key="cards")
    rows, problems = checked_rows("law_card", table)
    seen: set[str] = set()
    for row in rows:
        cid = str(row.values.get("id") or "")
        if cid in seen:
            problems.append(ContentProblem(table.file, row.place, "id", f"id「{cid}」が2回使われています。別の id にしてください。",
                                           f"the id '{cid}' is used twice; use another id."))
        seen.add(cid)
    if problems:
        raise ContentError(problems)
    cards = tuple(
        LawCard(v["id"], Text.from_row(v, "title"), Text.from_row(v, "law"), Text.from_row(v, "what"),
                Text.from_row(v, "example"), v["penalty_fact"], tuple(v.get("facts") or ()), str(v["as_of"]))
        for v in (r.values for r in rows))
    return LawCards(table.file, cards)


def missing_facts(content: LawWalk | LawCards, facts) -> list[ContentProblem]:
    """A problem for every fact id the walk or cards name that ``facts`` does not have."""
    is_walk = isinstance(content, LawWalk)
    return [
        ContentProblem(content.file, f"段階「{place}」" if is_walk else f"カード「{place}」", "facts",
                       f"事実「{fid}」が datasets/facts にありません。id を直すか事実を加えてください。",
                       f"fact '{fid}' is not in datasets/facts; fix the id or add the fact.")
        for place, fid in content.fact_ids if fid not in facts
    ]


def fact_problems(content: LawWalk | LawCards, facts) -> list[ContentProblem]:
    """``missing_facts`` when there are facts to compare with (``netkit validate``)."""
    return missing_facts(content, facts) if facts else []
