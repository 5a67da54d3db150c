"""Legal rules as data (``datasets/law_rules/*.yaml``): questions, articles, penalties and ordered rules.

A teacher updates the law by editing the file: each rule names the answers it applies to, the
outcome (not illegal / illegal / a crime), the reason and the articles, and the file carries its
as-of date and sources. The rule that decides a case is the first, in file order, whose ``when``
fits (``first_rule``, a first-match list like a firewall's; ``kit.models.download_rule`` applies it). ``load_law_rules`` checks every list against its schema
(``schema/lawrules*.schema.json``) and the rules a schema cannot say: names that refer to an unknown
question, answer, article or penalty; a question that depends on a later one; a case no rule
decides; a rule hidden behind earlier ones. It raises one ``ContentError`` listing them all.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from kit.content import schema
from kit.content.errors import ContentError, ContentProblem
from kit.content.tables import Row, read_table
from kit.content.text import Text
from kit.content.validate import checked_rows

Pattern = tuple[tuple[str, frozenset[str]], ...]  # (condition id, allowed answers) pairs, all must fit
MAX_CASES = 20000  # a file asking more combinations than this is a mistake, not a law


class Outcome(str, enum.Enum):
    """What the law says about a case, from mildest to most serious."""

    NOT_ILLEGAL = "not_illegal"
    ILLEGAL = "illegal"
    CRIME = "crime"  # illegal and punishable


def fits(pattern: Pattern, answers: Mapping[str, str]) -> bool:
    """Whether ``answers`` give one of the allowed answers for every condition in ``pattern``."""
    return all(answers.get(cid) in allowed for cid, allowed in pattern)


@dataclass(frozen=True)
class Option:
    """One answer to a question, shown as a button."""

    id: str
    label: Text


@dataclass(frozen=True)
class Condition:
    """A question about the case; asked only when one of ``ask_when`` fits (always if empty)."""

    id: str
    question: Text
    options: tuple[Option, ...]
    ask_when: tuple[Pattern, ...] = ()

    def applies(self, answers: Mapping[str, str]) -> bool:
        """Whether this question is asked, given the earlier answers."""
        return not self.ask_when or any(fits(p, answers) for p in self.ask_when)

    def option(self, option_id: str) -> Option:
        """The answer with ``option_id`` (``KeyError`` if there is none)."""
        for o in self.options:
            if o.id == option_id:
                return o
        raise KeyError(option_id)


@dataclass(frozen=True)
class Article:
    """An article of a law an outcome rests on; ``mark`` M means not yet confirmed."""

    id: str
    label: Text
    about: Text
    mark: str

    @property
    def confirmed(self) -> bool:
        return self.mark != "M"


@dataclass(frozen=True)
class Penalty:
    """The punishment a crime carries: the id of the dated fact in ``datasets/facts`` that states it.

    The penalty is never typed into the rules file: a change of the law (such as 懲役 becoming 拘禁刑)
    is made once, in the fact, and every page that shows the penalty follows.
    """

    id: str
    fact: str


@dataclass(frozen=True)
class Rule:
    """When a case fits ``when``: the outcome, why, and on which articles."""

    id: str
    when: Pattern
    outcome: Outcome
    articles: tuple[str, ...]
    reason: Text
    caution: Text = Text("")
    penalty: str = ""

    def fits(self, answers: Mapping[str, str]) -> bool:
        return fits(self.when, answers)


@dataclass(frozen=True)
class LawRules:
    """One file of rules: its questions in asking order, articles, penalties and ordered rules."""

    file: str
    id: str
    title: Text
    as_of: str
    sources: tuple[str, ...]
    conditions: tuple[Condition, ...]
    articles: Mapping[str, Article]
    penalties: Mapping[str, Penalty]
    rules: tuple[Rule, ...]

    def condition(self, condition_id: str) -> Condition:
        for c in self.conditions:
            if c.id == condition_id:
                return c
        raise KeyError(condition_id)

    @property
    def fact_ids(self) -> list[tuple[str, str]]:
        """(penalty id, fact id) for every penalty: the facts the file depends on."""
        return [(p.id, p.fact) for p in self.penalties.values()]


class TooManyCases(ValueError):
    """The questions of a file combine into more than ``MAX_CASES`` cases."""


def first_rule(rules: tuple[Rule, ...], answers: Mapping[str, str]) -> Rule | None:
    """The first rule whose ``when`` fits ``answers``, or ``None``."""
    return next((r for r in rules if r.fits(answers)), None)


def all_cases(law: LawRules) -> Iterator[dict[str, str]]:
    """Every fully described case, following the questions as the checker asks them."""
    count = 0

    def walk(index: int, answers: dict[str, str]):
        nonlocal count
        if index == len(law.conditions):
            count += 1
            if count > MAX_CASES:
                raise TooManyCases(f"more than {MAX_CASES} cases")
            yield dict(answers)
            return
        condition = law.conditions[index]
        if not condition.applies(answers):
            yield from walk(index + 1, answers)
            return
        for option in condition.options:
            answers[condition.id] = option.id
            yield from walk(index + 1, answers)
            del answers[condition.id]

    yield from walk(0, {})


def coverage(law: LawRules) -> tuple[list[dict[str, str]], list[str]]:
    """(cases no rule decides, ids of rules that decide no case) over every possible case."""
    uncovered, used = [], set()
    for case in all_cases(law):
        rule = first_rule(law.rules, case)
        if rule is None:
            uncovered.append(case)
        else:
            used.add(rule.id)
    return uncovered, [r.id for r in law.rules if r.id not in used]


def load_law_rules(path: str | Path) -> LawRules:
    """Read a rules file; raise ``ContentError`` listing every problem in it."""
    head = read_table(path, items_key="conditions")
    file = head.file
    problems = schema.check_version("lawrules", file, head.schema_version)
    lists = {k: head.meta.pop(k, None) for k in ("articles", "penalties", "rules")}
    meta = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in head.meta.items()}  # YAML dates
    problems += schema.check_row("lawrules", file, Row(meta, "", 0, head.lines))
    tables = {"conditions": head}
    for key, value in lists.items():
        if not isinstance(value, list):
            problems.append(ContentProblem(file, "", key, f"「{key}:」の下に「- 」で始まる項目の一覧を書いてください。",
                                           f"put a list of items (lines starting with '- ') under '{key}:'."))
            continue
        tables[key] = read_table(path, items_key=key)
    rows = {}
    for key, name in (("conditions", "lawrules_condition"), ("articles", "lawrules_article"),
                      ("penalties", "lawrules_penalty"), ("rules", "lawrules_rule")):
        if key in tables:
            tables[key].schema_version = 1  # checked once above, not once per list
            rows[key], found = checked_rows(name, tables[key])
            problems += found
    if problems:
        raise ContentError(problems)

    conditions = _conditions(file, rows["conditions"], problems)
    articles = {v["id"]: Article(v["id"], Text.from_row(v, "label"), Text.from_row(v, "about"), v["mark"])
                for v in _unique(file, rows["articles"], problems)}
    penalties = {v["id"]: Penalty(v["id"], v["fact"])
                 for v in _unique(file, rows["penalties"], problems)}
    rules = _rules(file, rows["rules"], conditions, articles, penalties, problems)
    if problems:
        raise ContentError(problems)
    law = LawRules(file, meta["id"], Text(meta["title_ja"], meta["title_en"]), meta["as_of"],
                   tuple(meta["sources"]), tuple(conditions), articles, penalties, tuple(rules))
    try:
        uncovered, hidden = coverage(law)
    except TooManyCases:
        raise ContentError.single(file, f"質問と答えの組み合わせが {MAX_CASES} 通りを超えます。質問か答えの数を減らしてください。",
                                  f"the questions combine into more than {MAX_CASES} cases; ask fewer questions or offer fewer answers.", place="conditions") from None
    for case in uncovered[:5]:
        shown = ", ".join(f"{k}: {v}" for k, v in case.items())
        problems.append(ContentProblem(
            file, "rules", "when", f"答えが {{{shown}}} のとき、あてはまるルールがありません。この場合のルールを加えてください。",
            f"no rule decides the case {{{shown}}}; add a rule for it."))
    if len(uncovered) > 5:
        problems.append(ContentProblem(file, "rules", "when", f"ほかに {len(uncovered) - 5} 通りの場合にも、ルールがありません。",
                                       f"{len(uncovered) - 5} more cases have no rule."))
    for rule_id in hidden:
        problems.append(ContentProblem(
            file, rule_id, "when", "このルールは、上のルールが先にすべての場合にあてはまるため、使われません。順番を上に移すか、when を直してください。",
            "this rule is never used: rules above it decide every case it fits; move it up or fix its when."))
    if problems:
        raise ContentError(problems)
    return law


def _unique(file: str, rows: list[Row], problems: list[ContentProblem]):
    seen = set()
    for row in rows:
        v = row.values
        if v["id"] in seen:
            problems.append(ContentProblem(file, row.place, "id", f"id「{v['id']}」が2回あります。", f"id '{v['id']}' appears twice."))
            continue
        seen.add(v["id"])
        yield v


def _pattern(file: str, place: str, field: str, raw, known: dict[str, Condition],
             problems: list[ContentProblem]) -> Pattern | None:
    """A ``{condition: answer or [answers]}`` mapping checked against the questions in ``known``."""
    pattern, ok = [], True
    for cid, allowed in raw.items():
        cid = str(cid)
        if cid not in known:
            names = ", ".join(known) or "—"
            problems.append(ContentProblem(
                file, place, field, f"知らない質問「{cid}」を使っています。使えるのは（この質問より上の）{names} です。",
                f"refers to an unknown condition '{cid}'; use one defined above it ({names})."))
            ok = False
            continue
        values = allowed if isinstance(allowed, list) else [allowed]
        values = [schema.coerce("lawrules_condition", "id", v) if isinstance(v, bool) else str(v) for v in values]
        options = {o.id for o in known[cid].options}
        wrong = [v for v in values if v not in options]
        if wrong:
            problems.append(ContentProblem(
                file, place, field, f"質問「{cid}」に答え「{', '.join(wrong)}」はありません。{', '.join(sorted(options))} のどれかにしてください。",
                f"condition '{cid}' has no answer '{', '.join(wrong)}'; use one of {', '.join(sorted(options))}."))
            ok = False
            continue
        pattern.append((cid, frozenset(values)))
    return tuple(pattern) if ok else None


def _conditions(file: str, rows: list[Row], problems: list[ContentProblem]) -> list[Condition]:
    conditions: dict[str, Condition] = {}
    for row in rows:
        v = row.values
        if v["id"] in conditions:
            problems.append(ContentProblem(file, row.place, "id", f"id「{v['id']}」が2回あります。", f"id '{v['id']}' appears twice."))
            continue
        options = tuple(Option(str(o["id"]), Text(o["label_ja"].strip(), o["label_en"].strip())) for o in v["options"])
        if len({o.id for o in options}) < len(options):
            problems.append(ContentProblem(file, row.place, "options", "同じ id の答えが2つあります。", "two answers have the same id."))
        raw = v.get("ask_when") or []
        raw = raw if isinstance(raw, list) else [raw]
        patterns = [_pattern(file, row.place, "ask_when", r, conditions, problems) for r in raw]
        conditions[v["id"]] = Condition(v["id"], Text.from_row(v, "question"), options,
                                        tuple(p for p in patterns if p is not None))
    return list(conditions.values())


def _rules(file, rows, conditions, articles, penalties, problems) -> list[Rule]:
    known = {c.id: c for c in conditions}
    rules = []
    for v in _unique(file, rows, problems):
        place = v["id"]
        when = _pattern(file, place, "when", v["when"], known, problems)
        missing = [a for a in v["articles"] if a not in articles]
        if missing:
            problems.append(ContentProblem(
                file, place, "articles", f"条文「{', '.join(missing)}」が articles: にありません。id を直すか条文を加えてください。",
                f"article '{', '.join(missing)}' is not under articles:; fix the id or add the article."))
        penalty = v.get("penalty") or ""
        if penalty and penalty not in penalties:
            problems.append(ContentProblem(
                file, place, "penalty", f"刑「{penalty}」が penalties: にありません。", f"penalty '{penalty}' is not under penalties:."))
        if v["outcome"] == Outcome.CRIME.value and not penalty:
            problems.append(ContentProblem(
                file, place, "penalty", "crime（刑罰の対象）には、刑の重さ（penalty:）を書いてください。",
                "a crime needs its penalty (penalty:)."))
        if when is not None:
            rules.append(Rule(v["id"], when, Outcome(v["outcome"]), tuple(v["articles"]), Text.from_row(v, "reason"),
                              Text.from_row(v, "caution"), penalty))
    return rules


def fact_problems(law: LawRules, facts: Mapping) -> list[ContentProblem]:
    """A problem for every fact id a rule names that ``facts`` does not have (none when there are no facts)."""
    return [ContentProblem(law.file, pid, "fact", f"事実「{fid}」が datasets/facts にありません。id を直すか事実を加えてください。",
                           f"fact '{fid}' is not in datasets/facts; fix the id or add the fact.")
            for pid, fid in law.fact_ids if facts and fid not in facts]
