"""The download-rule decision against a table of cases covering every branch of the law file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kit.content.law_rules import Outcome, all_cases, coverage, load_law_rules
from kit.models.download_rule import CaseError, decide, next_question, relevant
from tests.conftest import REPO

CASES = Path(__file__).with_name("download_rule_cases.csv")
CONDITIONS = ["action", "work", "source", "incidental", "minor", "parody", "sold", "repeated", "permission", "link_to"]


def read_cases() -> list[dict]:
    with open(CASES, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def law():
    return load_law_rules(REPO / "datasets" / "law_rules" / "download_rule.yaml")


def answers_of(case: dict) -> dict[str, str]:
    return {k: case[k] for k in CONDITIONS if case[k]}


@pytest.mark.parametrize("case", read_cases(), ids=lambda c: c["case"])
def test_case_table(law, case):
    decision = decide(law, answers_of(case))
    assert decision.outcome is Outcome(case["outcome"])
    assert decision.rule.id == case["rule"]
    assert [a.id for a in decision.articles] == case["articles"].split(";")
    assert decision.reason.ja and decision.reason.en  # every outcome says why, in both languages
    assert all(a.label.ja and a.label.en for a in decision.articles)
    assert (decision.penalty is not None) == (decision.outcome is Outcome.CRIME)


def test_the_table_lists_every_possible_case_and_every_rule(law):
    table = [answers_of(c) for c in read_cases()]
    possible = list(all_cases(law))
    assert sorted(map(sorted, map(dict.items, possible))) == sorted(map(sorted, map(dict.items, table)))
    assert {c["rule"] for c in read_cases()} == {r.id for r in law.rules}
    assert coverage(law) == ([], [])


def test_stream_viewing_is_not_presented_as_a_loophole(law):
    decision = decide(law, {"action": "stream"})
    assert decision.outcome is Outcome.NOT_ILLEGAL
    for word in ("ウイルス", "詐欺", "広告", "抜け道"):
        assert word in decision.caution.ja
    for word in ("malware", "scam", "loophole"):
        assert word in decision.caution.en


def test_questions_follow_the_answers(law):
    assert next_question(law, {}).id == "action"
    assert next_question(law, {"action": "upload"}).id == "permission"
    assert next_question(law, {"action": "download", "work": "music_video", "source": "known"}).id == "sold"
    assert next_question(law, {"action": "download", "work": "music_video", "source": "known", "sold": "yes"}) is None
    # manga that is not sold: repetition cannot make it a crime, so it is not asked
    assert next_question(law, {"action": "download", "work": "other", "source": "known", "incidental": "no",
                               "minor": "no", "parody": "no", "sold": "no"}) is None


def test_changing_an_early_answer_drops_answers_that_no_longer_apply(law):
    answers = {"action": "download", "work": "other", "source": "known", "incidental": "yes"}
    answers["action"] = "stream"
    assert relevant(law, answers) == {"action": "stream"}
    assert decide(law, answers).rule.id == "stream"


def test_incomplete_or_unknown_cases_are_refused(law):
    with pytest.raises(CaseError, match="not answered"):
        decide(law, {"action": "download", "work": "other"})
    with pytest.raises(CaseError, match="unknown answer"):
        decide(law, {"action": "photocopy"})
    with pytest.raises(CaseError, match="unknown answer"):
        decide(law, {"action": "stream", "mood": "happy"})


def test_penalties_come_from_dated_facts_in_the_2026_wording(law):
    from kit.content.facts import load_all_facts

    facts = load_all_facts(REPO / "datasets" / "facts")
    for penalty in law.penalties.values():
        fact = facts[penalty.fact]
        assert "拘禁刑" in fact.text.ja and "懲役" not in fact.text.ja and fact.as_of >= "2025-06-01"
    assert law.as_of >= "2025-06-01"


def test_paid_music_is_a_crime_even_once_other_works_only_when_repeated(law):
    base = {"action": "download", "source": "known", "sold": "yes"}
    assert decide(law, {**base, "work": "music_video"}).crime
    other = {**base, "work": "other", "incidental": "no", "minor": "no", "parody": "no"}
    assert not decide(law, {**other, "repeated": "once"}).crime
    assert decide(law, {**other, "repeated": "repeated"}).crime


def test_outcomes_grow_more_serious_with_repetition(law):
    base = {"action": "download", "work": "other", "source": "known", "incidental": "no", "minor": "no",
            "parody": "no", "sold": "yes"}
    once = decide(law, {**base, "repeated": "once"})
    again = decide(law, {**base, "repeated": "repeated"})
    assert once.illegal and not once.crime
    assert again.crime
