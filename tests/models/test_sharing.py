"""Share rates from timeline choices: one sitting, and a class rebuilt from stored answers."""

from __future__ import annotations

from kit.content.timeline import load_timeline
from kit.models.sharing import CHECK, IGNORE, SHARE, Outcome, class_tally, outcomes_from_answers, tally
from kit.store.records import Answer
from tests.conftest import FIXTURES

TIMELINE = load_timeline(FIXTURES / "datasets" / "timelines" / "sample.yaml")


def test_outcome_shared_and_finished():
    assert Outcome(SHARE).shared and Outcome(SHARE).finished
    assert not Outcome(IGNORE).shared
    assert not Outcome(CHECK).finished and not Outcome(CHECK).shared
    assert Outcome(CHECK, True).shared and not Outcome(CHECK, False).shared


def test_tally_splits_untrue_and_true_and_skips_unfinished():
    t = tally({"rumour": Outcome(SHARE), "official": Outcome(CHECK, True), "unknown": Outcome(CHECK)}, TIMELINE)
    assert (t.untrue.shared, t.untrue.total, t.untrue.rate) == (1, 1, 1.0)
    assert (t.true.shared, t.true.total) == (1, 1)
    assert t.first_choices == (1, 1, 0)
    assert tally({}, TIMELINE).untrue.rate is None


def a(session, item, choice, phase="practice", lesson="x"):
    return Answer(lesson, f"timeline:sample:{item}", (choice,), True, phase, session)


def test_class_tally_counts_each_sitting_first_answer_only():
    answers = [
        a("s1", "rumour", SHARE), a("s1", "rumour", IGNORE),  # a repeat never counts
        a("s1", "unknown", CHECK), a("s1", "unknown:decide", SHARE),
        a("s2", "rumour", CHECK), a("s2", "rumour:decide", IGNORE),
        a("s2", "unknown", IGNORE), a("s2", "official", SHARE),
        a("s3", "rumour", SHARE, phase="pre"),  # not a timeline choice
        Answer("x", "timeline:other:rumour", (0,), False, "practice", "s4"),  # another timeline
        a("s5", "gone", SHARE),  # a post no longer in the file
    ]
    assert set(outcomes_from_answers(answers, TIMELINE)) == {"s1", "s2"}
    t = class_tally(answers, TIMELINE)
    assert t.students == 2
    assert (t.untrue.shared, t.untrue.total) == (2, 4)
    assert (t.true.shared, t.true.total) == (1, 1)
    assert t.untrue.rate == 0.5
