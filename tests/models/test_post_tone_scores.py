"""How well the checker does on posts written by other hands, and on the lexicon's own labelled sentences; see
docs/postchecker.md.

Issue 16's goal (recall 0.8 and at most 5% false alarms on posts the checker has never seen) is checked on the
eleventh and twelfth blind sets. Each was written on 2026-12-03 by a helper who saw no code, data, earlier set or
note of the kit, from the categories and the audience alone, imported unread (tools/import_blind_set.py) and never
trained on (tests/models/test_post_classifier.py holds that), and measured once, after the learned judge of issue
16's tenth round was designed and its thresholds chosen without them: 0.869 / 1.5% and 0.877 / 2.3%.

Sets 1-10 were each measured blind once (those figures are in docs/postchecker.md), then read and tuned on, and
since the tenth round they are training data of the judge: their floors guard against regressions and say nothing
about new posts.
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
BLIND_HELDOUT2 = REPO / "tests" / "models" / "blind_heldout2.csv"  # the threshold set (see the module's text)
BLIND_HELDOUT3 = REPO / "tests" / "models" / "blind_heldout3.csv"  # the third blind held-out set
BLIND_HELDOUT5 = REPO / "tests" / "models" / "blind_heldout5.csv"  # the fifth blind set
BLIND_HELDOUT6 = REPO / "tests" / "models" / "blind_heldout6.csv"  # the sixth blind set, written after the fourth round
BLIND_HELDOUT7 = REPO / "tests" / "models" / "blind_heldout7.csv"  # the seventh, written blind before the fifth round landed
BLIND_HELDOUT8 = REPO / "tests" / "models" / "blind_heldout8.csv"  # the eighth, written blind while the seventh round was made
BLIND_HELDOUT9 = REPO / "tests" / "models" / "blind_heldout9.csv"  # the ninth, written blind while the eighth round was made
BLIND_HELDOUT10 = REPO / "tests" / "models" / "blind_heldout10.csv"  # the tenth, written blind while the ninth round was made
BLIND_HELDOUT11 = REPO / "tests" / "models" / "blind_heldout11.csv"  # the eleventh and twelfth: written before the learned
BLIND_HELDOUT12 = REPO / "tests" / "models" / "blind_heldout12.csv"  # judge was designed, never trained on, measured once each
BLIND_HELDOUT13 = REPO / "tests" / "models" / "blind_heldout13.csv"  # written and measured once after the review's fixes
BLIND_SHINE = REPO / "tests" / "models" / "blind_shine.csv"  # 〜しね: the conjunctive し + ね, and 死ね (after issue 16)
HARM_KINDS = {"insult", "appearance", "exclusion", "contempt", "mockery", "threat", "doxxing", "pileon"}
FINE_KINDS = {"kind", "reporting", "help", "neutral", "criticism", "banter_safe"}


def measured(checker, path) -> tuple:
    """A blind set's posts and what the checker found in each."""
    posts = load_blind(path)
    return posts, predictions(checker, posts)


def assert_floors(held_out, recall: float, fp: int, never_flagged=("reporting", "help", "kind", "criticism"), why: str = ""):
    """The set's recall and false alarms stay where they were measured, and none of ``never_flagged`` is flagged."""
    posts, found = held_out
    overall = score(posts, found)["overall"]
    assert overall.recall >= recall
    assert overall.fp <= fp, why
    for kind in by_kind(posts, found):
        if kind.name in never_flagged:
            assert kind.flagged == 0, f"{kind.name}: the checker must not discourage reporting, asking for help or kindness"


def meets_goal(held_out) -> bool:
    """Issue 16's goal on posts written by other hands: recall at least 0.8, at most 5% of fine posts flagged."""
    posts, found = held_out
    overall = score(posts, found)["overall"]
    return overall.recall >= 0.8 and overall.false_alarm_rate <= 0.05


@pytest.fixture(scope="module")
def checker():
    return PostTone(load_lexicon(LEXICON / "lexicon.yaml"))


@pytest.fixture(scope="module")
def eleventh(checker):
    return measured(checker, BLIND_HELDOUT11)


@pytest.fixture(scope="module")
def twelfth(checker):
    return measured(checker, BLIND_HELDOUT12)


@pytest.fixture(scope="module")
def labelled(checker):
    posts = load_labelled(LEXICON / "labelled.csv")
    return posts, predictions(checker, posts)


@pytest.mark.parametrize("blind", ["eleventh", "twelfth"])
def test_the_goal_sets_cover_every_kind_of_post(blind, request):
    posts, _ = request.getfixturevalue(blind)
    assert len(posts) >= 200 and sum(bool(p.categories) for p in posts) == 130
    kinds = {k.name: k.posts for k in by_kind(posts, {p.id: frozenset() for p in posts})}
    assert set(kinds) == HARM_KINDS | FINE_KINDS
    assert all(n >= 10 for n in kinds.values())


def test_eleventh_blind_set_meets_the_goal(eleventh):
    """The eleventh blind set, 260 posts (130 hurtful, 10 of each of the writer's 13 kinds; 130 fine, 30 friendly jokes,
    10 game banter, 10 each of self-mockery, strong words about things, polite criticism, quoting abuse to report it,
    urging a report, asking for help, kind messages, everyday chat and sincere praise), measured once on 2026-12-03:
    recall 0.869 (113 of 130), false alarms 2 of 130 (1.5%: one game banter, one sincere praise). The checker before
    the tenth round (main at b199650) scored 0.723 and 8 of 130 (6.2%) on it; the rules alone 0.515 and 9 of 130.
    After the fixes of a review as a student trying to get past the checker (rules for death wishes, slurs, meeting
    alone and threats to a school; threats and personal information never a note; written without this set, but
    after its misses had been read, so this is no longer a blind figure): 0.892 (116 of 130), still 2 of 130."""
    assert meets_goal(eleventh)
    assert_floors(eleventh, recall=0.88, fp=2, never_flagged=("reporting", "help", "criticism"))


def test_twelfth_blind_set_meets_the_goal(twelfth):
    """The twelfth blind set, 260 posts of the same kinds written by another helper at the same time, measured once
    on 2026-12-03 after the eleventh: recall 0.877 (114 of 130), false alarms 3 of 130 (2.3%: two friendly jokes or
    game banter, one post quoting abuse to support the victim). Before the tenth round: 0.769 and 14 of 130 (10.8%);
    the rules alone 0.669 and 20 of 130. After the review's fixes (see the eleventh): 0.885 (115 of 130), still 3."""
    assert meets_goal(twelfth)
    # 0.877 again since the retraining with the 〜しね examples (one appearance remark fewer; docs/postchecker.md)
    assert_floors(twelfth, recall=0.87, fp=3, never_flagged=("help", "kind", "criticism"))


def test_thirteenth_blind_set_meets_the_goal(checker):
    """The thirteenth blind set, 260 posts of the same kinds (some of two or three sentences), written by another helper
    on 2026-12-03 while the review's fixes were made, imported unread and measured once after them, the last change to
    the checker: recall 0.854 (111 of 130), false alarms 5 of 130 (3.8%: three friendly jokes, two kind messages); the
    rules alone 0.654 and 13 of 130."""
    held_out = measured(checker, BLIND_HELDOUT13)
    assert meets_goal(held_out)
    assert_floors(held_out, recall=0.85, fp=5, never_flagged=("reporting", "help", "criticism"))


def test_everyday_sentences_ending_in_shi_ne_are_not_taken_for_shine(checker):
    """「まあ雨だしね」 was flagged as a threat: the judge weighed the characters しね. A blind set of 80 posts (50 fine
    sentences with the conjunctive し + ね, シネマ and 思念 among them; 30 telling someone to die, in every spelling),
    written by a helper who saw nothing of the kit, was measured once before and once after the retraining with the
    author's examples (datasets/lexicon/examples_shi.csv): false alarms 11 of 50 before, 2 of 50 after (シネコン,
    しねんの力), 1 of 50 after four teasing examples were taken out again (not blind then); every 死ね caught."""
    posts, found = measured(checker, BLIND_SHINE)
    overall = score(posts, found)["overall"]
    assert overall.tp == 30 and overall.fp <= 2, [p.text for p in posts if not p.categories and found[p.id]]


# Sets the judge is trained on (sets 1-10) or the rules were written against (dev): recall floor and most false alarms,
# as measured after the tenth round (2026-12-03). A drop means a change to the rules or the training lost what it knew.
TRAINED = {
    BLIND_HELDOUT: (0.98, 0), BLIND_HELDOUT2: (0.97, 0), BLIND_HELDOUT3: (0.95, 1), BLIND_HELDOUT5: (0.97, 0),
    BLIND_HELDOUT6: (0.99, 2), BLIND_HELDOUT7: (0.95, 1), BLIND_HELDOUT8: (0.99, 1), BLIND_HELDOUT9: (0.98, 1),
    BLIND_HELDOUT10: (0.97, 4), BLIND_DEV: (0.99, 0),
}


@pytest.mark.parametrize("path", list(TRAINED), ids=lambda p: p.name)
def test_sets_trained_on_stay_caught(checker, path):
    recall, fp = TRAINED[path]
    assert_floors(measured(checker, path), recall=recall, fp=fp, never_flagged=("reporting", "help"))


def test_held_out_recall_of_the_rules_alone_stays_above_floor(checker):
    posts = load_blind(BLIND_HELDOUT)
    rules = PostTone(checker.lexicon, learned=False)
    overall = score(posts, predictions(rules, posts))["overall"]
    assert overall.recall >= 0.6 and overall.false_alarm_rate <= 0.05


def test_friendly_teasing_examples_get_notes_and_their_hurtful_look_alikes_stay_caught(checker):
    """datasets/lexicon/examples_teasing.csv: friendly teasing and hurtful posts with the same mild words, written by
    the hands that wrote the friendly patterns (so it shows the rules work as meant, not how they do on new posts)."""
    posts = load_blind(LEXICON / "examples_teasing.csv", "dev")
    checks = {p.id: checker.check(p.text) for p in posts}
    harmful = [p for p in posts if p.categories]
    teasing = [p for p in posts if p.kind == "banter_safe"]
    assert len(harmful) >= 20 and len(teasing) >= 40
    assert all(checks[p.id].flags and not checks[p.id].noted for p in harmful), \
        [p.text for p in harmful if not checks[p.id].flags]  # a note is never a catch: every hurtful one is flagged
    assert sum(checks[p.id].noted for p in teasing) >= 30
    assert sum(bool(checks[p.id].flags) for p in teasing) <= 5


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


def test_floors_can_fail(eleventh):
    posts, _ = eleventh
    nothing = {p.id: frozenset() for p in posts}
    everything = {p.id: frozenset({"insult"}) for p in posts}
    assert score(posts, nothing)["overall"].recall == 0.0
    assert score(posts, everything)["overall"].false_alarm_rate == 1.0
    assert not meets_goal((posts, nothing)) and not meets_goal((posts, everything))
