"""Published estimates for the estimate explorer (``datasets/estimates/*.yaml``).

Each estimate names the fact that holds its number, source and date, so a figure is written once
(in ``datasets/facts``). One estimate carries the assumptions it was computed with; the explorer
lets students change them. ``load_estimates`` checks the file; ``with_facts`` joins the facts and
raises ``ContentError`` when a named fact is missing or has no number. The assumptions are the piracy
estimate model's parameters, so the model checks them (``kit.models.lab_settings.assumption_problems``,
run by ``netkit validate`` and by the explorer).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kit.content import schema
from kit.content.errors import ContentError, ContentProblem
from kit.content.facts import Fact
from kit.content.tables import Row, read_table
from kit.content.text import Text
from kit.content.validate import checked_rows


@dataclass(frozen=True)
class Estimate:
    """One published figure: what it counts, how, and the fact that holds its number."""

    id: str
    fact: str
    yen_per_unit: float
    label: Text
    counts: Text
    method: Text
    assumptions: Mapping[str, float] | None = None  # as written in the file, by parameter name


@dataclass(frozen=True)
class EstimateSet:
    """The estimates of one file, the one to explore and the discussion prompts."""

    file: str
    id: str
    title: Text
    explore: str
    prompts: tuple[Text, ...]
    estimates: tuple[Estimate, ...]

    @property
    def explored(self) -> Estimate:
        return next(e for e in self.estimates if e.id == self.explore)

    def with_facts(self, facts: Mapping[str, Fact]) -> dict[str, Fact]:
        """The fact of each estimate; ``ContentError`` if one is missing or has no number."""
        problems, found = [], {}
        for e in self.estimates:
            fact = facts.get(e.fact)
            if fact is None or fact.value is None:
                why = "がありません" if fact is None else "に数（value）がありません"
                problems.append(ContentProblem(
                    self.file, e.id, "fact", f"事実「{e.fact}」{why}。datasets/facts を確かめてください。",
                    f"fact '{e.fact}' is {'missing' if fact is None else 'without a value'}; check datasets/facts."))
            else:
                found[e.id] = fact
        if problems:
            raise ContentError(problems)
        return found


def load_estimates(path: str | Path) -> EstimateSet:
    """Read an estimates file; raise ``ContentError`` listing every problem."""
    table = read_table(path, items_key="estimates")
    rows, problems = checked_rows("estimate", table)
    meta = dict(table.meta)
    problems += schema.check_row("estimate_set", table.file, Row(meta, "", 0, table.lines))
    estimates, seen = [], set()
    for row in rows:
        v = row.values
        if row.place in {p.place for p in problems}:
            continue
        if v["id"] in seen:
            problems.append(ContentProblem(table.file, row.place, "id", f"id「{v['id']}」が2回あります。", f"id '{v['id']}' appears twice."))
            continue
        seen.add(v["id"])
        assumptions = v.get("assumptions")  # as written: the model checks the values
        if assumptions is not None:
            assumptions = dict(assumptions)
        estimates.append(Estimate(v["id"], v["fact"], float(v["yen_per_unit"]), Text.from_row(v, "label"),
                                  Text.from_row(v, "counts"), Text.from_row(v, "method"), assumptions))
    explore = meta.get("explore")
    target = next((e for e in estimates if e.id == explore), None)
    if explore and not problems and (target is None or target.assumptions is None):
        problems.append(ContentProblem(
            table.file, "", "explore", f"「{explore}」は、assumptions: を持つ推計の id にしてください。",
            f"'{explore}' must be the id of an estimate that has assumptions:."))
    if problems:
        raise ContentError(problems)
    prompts = tuple(Text(str(p["ja"]).strip(), str(p["en"]).strip()) for p in meta["prompts"])
    return EstimateSet(table.file, meta["id"], Text(meta["title_ja"], meta["title_en"]), explore, prompts, tuple(estimates))


def fact_problems(estimates: EstimateSet, facts: Mapping[str, Fact]) -> list[ContentProblem]:
    """What ``with_facts`` refuses, as problems (none when there are no facts to compare with)."""
    try:
        if facts:
            estimates.with_facts(facts)
    except ContentError as exc:
        return exc.problems
    return []
