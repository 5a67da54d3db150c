"""How well the checker does on posts it has never seen (the blind held-out set, written by someone who
never saw the checker) and on the lexicon's own labelled sentences; see docs/postchecker.md.

A lexicon or classifier change that makes the checker worse fails here. The goal of issue 16 (recall
0.8 and at most 5% false alarms on posts the checker has never seen) is met on the first blind
held-out set; on the second one (written later by another blind helper, measured once) recall is
met and false alarms are not: ``test_second_held_out_goal`` is an expected failure that turns into a
failing XPASS the day it is reached, so that the floors below are raised with it.
"""

from __future__ import annotations

import pytest

from kit.content.labelled import load_blind, load_labelled
from kit.content.lexicon import CATEGORIES, load_lexicon
from kit.models.post_tone import PostTone
from kit.models.post_tone_scores import by_kind, predictions, score
from tests.conftest import REPO

LEXICON = REPO / "datasets" / "lexicon"
BLIND_DEV = LEXICON / "blind_dev.csv"
BLIND_HELDOUT = REPO / "tests" / "models" / "blind_heldout.csv"
BLIND_HELDOUT2 = REPO / "tests" / "models" / "blind_heldout2.csv"  # a second blind set, measured once
HARM_KINDS = {"insult", "appearance", "exclusion", "contempt", "mockery", "threat", "doxxing", "pileon"}
FINE_KINDS = {"kind", "reporting", "help", "neutral", "criticism", "banter_safe"}


@pytest.fixture(scope="module")
def checker():
    return PostTone(load_lexicon(LEXICON / "lexicon.yaml"))


@pytest.fixture(scope="module")
def held_out(checker):
    posts = load_blind(BLIND_HELDOUT)
    return posts, predictions(checker, posts)


@pytest.fixture(scope="module")
def second_held_out(checker):
    posts = load_blind(BLIND_HELDOUT2)
    return posts, predictions(checker, posts)


@pytest.fixture(scope="module")
def labelled(checker):
    posts = load_labelled(LEXICON / "labelled.csv")
    return posts, predictions(checker, posts)


@pytest.mark.parametrize("blind", ["held_out", "second_held_out"])
def test_held_out_set_covers_every_kind_of_post(blind, request):
    posts, _ = request.getfixturevalue(blind)
    assert len(posts) >= 200
    kinds = {k.name: k.posts for k in by_kind(posts, {p.id: frozenset() for p in posts})}
    assert set(kinds) == HARM_KINDS | FINE_KINDS
    assert all(n >= 15 for name, n in kinds.items() if name != "banter_safe")


def test_held_out_false_alarms_stay_at_most_five_percent(held_out):
    posts, found = held_out
    overall = score(posts, found)["overall"]
    # measured 2026-12-01 with the classifier's threshold at 0.7: 4 of 102 fine posts flagged
    assert overall.false_alarm_rate <= 0.05
    for kind in by_kind(posts, found):
        if kind.name in ("reporting", "help"):
            assert kind.flagged <= 1, f"{kind.name}: the checker must not discourage reporting or asking for help"


def test_held_out_recall_stays_above_floor(held_out):
    posts, found = held_out
    # measured 2026-12-01: old checker 0.108; rules 0.623; rules and classifier 0.838 (docs/postchecker.md)
    assert score(posts, found)["overall"].recall >= 0.8
    for kind in by_kind(posts, found):
        if kind.harmful:
            assert kind.flagged / kind.posts >= 0.5, kind.name


def test_held_out_recall_of_the_rules_alone_stays_above_floor(checker):
    posts = load_blind(BLIND_HELDOUT)
    rules = PostTone(checker.lexicon, learned=False)
    overall = score(posts, predictions(rules, posts))["overall"]
    assert overall.recall >= 0.6 and overall.false_alarm_rate <= 0.05


def test_second_held_out_set_stays_above_floors(second_held_out):
    posts, found = second_held_out
    overall = score(posts, found)["overall"]
    # measured once, 2026-12-01: recall 0.868, 9 of 104 fine posts flagged
    assert overall.recall >= 0.8
    assert overall.false_alarm_rate <= 0.10
    for kind in by_kind(posts, found):
        if kind.harmful:
            assert kind.flagged / kind.posts >= 0.5, kind.name


@pytest.mark.xfail(strict=True, reason="issue 16 asks for at most 5% false alarms; 8.7% measured on the second blind set")
def test_second_held_out_goal(second_held_out):
    posts, found = second_held_out
    overall = score(posts, found)["overall"]
    assert overall.recall >= 0.8 and overall.false_alarm_rate <= 0.05


def test_blind_dev_set_stays_caught(checker):
    posts = load_blind(BLIND_DEV, "dev")
    overall = score(posts, predictions(checker, posts))["overall"]
    assert overall.recall >= 0.95  # the lexicon was written against this set: it shows nothing about new posts
    assert overall.false_alarm_rate <= 0.03


def test_labelled_set_is_large_and_balanced(labelled):
    posts, _ = labelled
    fine = [p for p in posts if not p.categories]
    assert len(posts) >= 150
    assert 0.4 <= len(fine) / len(posts) <= 0.6
    for category in CATEGORIES[:5]:
        assert sum(category in p.categories for p in posts) >= 12, category
    assert len([p for p in posts if p.split == "test"]) >= 60


def test_labelled_scores_stay_above_floors(labelled):
    posts, found = labelled
    held = score([p for p in posts if p.split == "test"], found)["overall"]
    assert held.precision >= 0.95 and held.recall >= 0.9
    fine = [p for p in posts if not p.categories]
    assert sum(bool(found[p.id]) for p in fine) <= 2, "kind, quoted and negated sentences must not be flagged"


def test_floors_can_fail(held_out):
    posts, _ = held_out
    nothing = {p.id: frozenset() for p in posts}
    everything = {p.id: frozenset({"insult"}) for p in posts}
    assert score(posts, nothing)["overall"].recall == 0.0
    assert score(posts, everything)["overall"].false_alarm_rate == 1.0
