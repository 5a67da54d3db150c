"""The download-rule decision: a pure function from a described case to the law's outcome.

The law lives in data (``datasets/law_rules/download_rule.yaml``, read by ``kit.content.law``); this
module only applies it. A case is the student's answers ``{condition id: answer id}``. Questions
are asked in file order, skipping those whose ``ask_when`` does not fit the answers so far. The
decision is **the first rule, in file order, whose ``when`` fits every answer** (a first-match
rule list, like a firewall's), so special cases such as "caught in a screenshot" sit above the
general "knowingly downloaded" rule. ``coverage`` proves over every possible case that each one
reaches a rule and that each rule decides at least one case.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from kit.content.law_rules import MAX_CASES, Article, Condition, LawRules, Outcome, Penalty, Rule
from kit.content.text import Text

OUTCOMES = (Outcome.NOT_ILLEGAL, Outcome.ILLEGAL, Outcome.CRIME)  # the order of the prediction buttons


class CaseError(ValueError):
    """A case that cannot be decided: an unknown answer, or a question not yet answered."""


@dataclass(frozen=True)
class Decision:
    """What the law says about one case, with the reason and the articles it rests on."""

    rule: Rule
    answers: tuple[tuple[str, str], ...]  # the answers that counted, in asking order
    articles: tuple[Article, ...]
    penalty: Penalty | None

    @property
    def outcome(self) -> Outcome:
        return self.rule.outcome

    @property
    def reason(self) -> Text:
        return self.rule.reason

    @property
    def caution(self) -> Text:
        return self.rule.caution

    @property
    def illegal(self) -> bool:
        return self.outcome is not Outcome.NOT_ILLEGAL

    @property
    def crime(self) -> bool:
        return self.outcome is Outcome.CRIME


def relevant(law: LawRules, answers: Mapping[str, str]) -> dict[str, str]:
    """The answers that count, in asking order: those to questions still asked given the others.

    When a student goes back and changes an early answer, later answers to questions that no
    longer apply drop out here.
    """
    kept: dict[str, str] = {}
    for condition in law.conditions:
        if condition.applies(kept) and condition.id in answers:
            kept[condition.id] = answers[condition.id]
    return kept


def next_question(law: LawRules, answers: Mapping[str, str]) -> Condition | None:
    """The next question to ask, or ``None`` when the case is fully described."""
    kept = relevant(law, answers)
    for condition in law.conditions:
        if condition.id not in kept and condition.applies(kept):
            return condition
    return None


def _check(law: LawRules, answers: Mapping[str, str]) -> dict[str, str]:
    for cid, oid in answers.items():
        try:
            law.condition(cid).option(oid)
        except KeyError:
            raise CaseError(f"unknown answer {cid}={oid!r}") from None
    kept = relevant(law, answers)
    missing = next_question(law, kept)
    if missing is not None:
        raise CaseError(f"the case is not fully described: '{missing.id}' is not answered")
    return kept


def first_rule(rules: tuple[Rule, ...], answers: Mapping[str, str]) -> Rule | None:
    """The first rule whose ``when`` fits ``answers``, or ``None``."""
    return next((r for r in rules if r.fits(answers)), None)


def decide(law: LawRules, answers: Mapping[str, str]) -> Decision:
    """The outcome of a fully described case; ``CaseError`` if it is incomplete or wrong."""
    kept = _check(law, answers)
    rule = first_rule(law.rules, kept)
    if rule is None:  # load_law_rules refuses such files; kept for rules built in code
        raise CaseError(f"no rule decides {kept}")
    return Decision(
        rule=rule,
        answers=tuple(kept.items()),
        articles=tuple(law.articles[a] for a in rule.articles),
        penalty=law.penalties.get(rule.penalty) if rule.penalty else None,
    )


def all_cases(law: LawRules) -> Iterator[dict[str, str]]:
    """Every fully described case, following the questions as the checker asks them."""
    count = 0

    def walk(index: int, answers: dict[str, str]):
        nonlocal count
        if index == len(law.conditions):
            count += 1
            if count > MAX_CASES:
                raise CaseError(f"more than {MAX_CASES} cases")
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
