"""The download-rule decision: a pure function from a described case to the law's outcome.

The law lives in data (``datasets/law_rules/download_rule.yaml``, read by ``kit.content.law``); this
module only applies it. A case is the student's answers ``{condition id: answer id}``. Questions
are asked in file order, skipping those whose ``ask_when`` does not fit the answers so far. The
decision is **the first rule, in file order, whose ``when`` fits every answer** (a first-match
rule list, like a firewall's), so special cases such as "caught in a screenshot" sit above the
general "knowingly downloaded" rule (``kit.content.law_rules.first_rule``, which the file's check
also uses to prove that every possible case reaches a rule).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kit.content.law_rules import Article, Condition, LawRules, Outcome, Penalty, Rule, first_rule
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
