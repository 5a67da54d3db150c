"""How well the checker does on posts it has never seen (blind sets, each written by a helper who never
saw the checker or the kit's data, from the categories only) and on the lexicon's own labelled
sentences; see docs/postchecker.md.

A lexicon or classifier change that makes the checker worse fails here. The goal of issue 16 (recall
0.8 and at most 5% false alarms on posts the checker has never seen) is checked on the third and fifth
blind sets. The second set chooses the classifier's threshold (tools/train_post_classifier.py). Since
issue 16's fourth round (2026-12-02) the false alarms of all five sets have been read and the friendly
signals widened on them, so none of these sets is blind any more: the floors guard against
regressions and say nothing about new posts. Since the fifth round (2026-12-02: a laugh spoken to a friend with
only mild words gets the note; remarks about oneself or anger at a thing are not flagged) the sixth set was read
and tuned on too: sets 1-6 are all tuning sets, and a seventh blind set is measured by someone else. Since the sixth
round (2026-12-02: sexual harassment and wishing death or harm became kinds of their own, after the seventh set showed
them missing) the seventh set is a tuning set too: an eighth blind set is the next honest figure. The eighth set,
written blind while the seventh round (rumours, sarcasm) was made, was measured once after it (recall 0.831, false
alarms 18.5%). The eighth and ninth rounds read the eighth and ninth sets: sets 1-9 are all tuning sets now, and a
tenth blind set measures the checker.
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
def held_out(checker):
    posts = load_blind(BLIND_HELDOUT)
    return posts, predictions(checker, posts)


@pytest.fixture(scope="module")
def second_held_out(checker):
    posts = load_blind(BLIND_HELDOUT2)
    return posts, predictions(checker, posts)


@pytest.fixture(scope="module")
def third_held_out(checker):
    posts = load_blind(BLIND_HELDOUT3)
    return posts, predictions(checker, posts)


@pytest.fixture(scope="module")
def fifth_held_out(checker):
    posts = load_blind(BLIND_HELDOUT5)
    return posts, predictions(checker, posts)


@pytest.fixture(scope="module")
def sixth_held_out(checker):
    posts = load_blind(BLIND_HELDOUT6)
    return posts, predictions(checker, posts)


@pytest.fixture(scope="module")
def labelled(checker):
    posts = load_labelled(LEXICON / "labelled.csv")
    return posts, predictions(checker, posts)


@pytest.mark.parametrize("blind", ["held_out", "second_held_out", "third_held_out", "fifth_held_out"])
def test_held_out_set_covers_every_kind_of_post(blind, request):
    posts, _ = request.getfixturevalue(blind)
    assert len(posts) >= 200
    kinds = {k.name: k.posts for k in by_kind(posts, {p.id: frozenset() for p in posts})}
    assert set(kinds) == HARM_KINDS | FINE_KINDS
    assert all(n >= 15 for name, n in kinds.items() if name != "banter_safe")


def test_held_out_false_alarms_stay_at_most_five_percent(held_out):
    posts, found = held_out
    overall = score(posts, found)["overall"]
    # measured 2026-12-01 with the classifier's threshold at 0.7: 4 of 102 fine posts flagged; 1 of 102 since 2026-12-02
    assert overall.false_alarm_rate <= 0.05
    for kind in by_kind(posts, found):
        if kind.name in ("reporting", "help"):
            assert kind.flagged <= 1, f"{kind.name}: the checker must not discourage reporting or asking for help"


def test_no_hurtful_post_of_any_blind_set_gets_the_friendly_note(checker):
    """A note is never a catch: widening the friendly signals must not turn a hurtful post into a note."""
    for path in (BLIND_HELDOUT, BLIND_HELDOUT2, BLIND_HELDOUT3, BLIND_HELDOUT5, BLIND_HELDOUT6, BLIND_DEV):
        noted = [p.text for p in load_blind(path, "test") if p.categories and checker.check(p.text).noted]
        assert not noted, (path.name, len(noted))


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


def test_threshold_set_stays_above_floors(second_held_out):
    posts, found = second_held_out
    overall = score(posts, found)["overall"]
    # measured once before anything was tuned to it (2026-12-01): recall 0.868, 9 of 104 fine posts flagged;
    # then it chose the threshold (0.65) and some rules were corrected on it: 0.875 / 3 of 104 (2026-12-02);
    # 0.868 / 1 of 104 before issue 16's ninth round, 0.875 / 1 of 104 after it (a threat about telling a teacher)
    assert overall.recall >= 0.87
    assert overall.false_alarm_rate <= 0.05
    for kind in by_kind(posts, found):
        if kind.harmful:
            assert kind.flagged / kind.posts >= 0.5, kind.name


# Fine posts that are not friendly teasing: what issue 16 names (kind, reporting, help) and more (neutral, criticism).
EARNEST = {"kind", "reporting", "help", "neutral", "criticism"}


def test_third_held_out_goal(third_held_out):
    """Issue 16's goal on the third blind set, measured once (2026-12-02) with nothing tuned to it:
    recall 0.861 (124 of 144), 2 of the 100 earnest fine posts flagged (none of 60 kind, reporting or help); measured
    a second time after the fixes the unit tests asked for (the classifier silent where a rule read its word as quoted,
    negated or reported): 0.847 (122 of 144), the same 2 of 100; after the retraining with examples_teasing.csv
    (main at 508f205) and since issue 16's fourth round: 0.819 (118 of 144), 1 of 100 (a neutral post); since the
    seventh round (rumours, sarcasm): 0.833 (120 of 144), the same 1 of 100."""
    posts, found = third_held_out
    assert score(posts, found)["overall"].recall >= 0.83
    earnest = [p for p in posts if p.kind in EARNEST]
    assert len(earnest) >= 100
    assert score(earnest, found)["overall"].false_alarm_rate <= 0.05
    for kind in by_kind(posts, found):
        if kind.harmful:
            assert kind.flagged / kind.posts >= 0.5, kind.name
        if kind.name in ("kind", "reporting", "help"):
            assert kind.flagged <= 1, f"{kind.name}: the checker must not discourage reporting or asking for help"


def test_third_held_out_false_alarms_with_friendly_teasing(third_held_out):
    """All fine posts, friendly jokes included. Before issue 16's fourth round: 10 of 120 flagged (8.3%), 8 of 20
    friendly jokes; after it (friendly signals widened on the false alarms of all five sets, so not blind any more):
    6 of 120 (5.0%), 5 of 20 jokes flagged and 6 given the gentle note, recall unchanged at 0.819 (118 of 144); after
    the fifth round: 3 of 120 (2.5%), 2 of 20 jokes flagged and 9 given the note, recall 0.819."""
    posts, found = third_held_out
    assert score(posts, found)["overall"].false_alarm_rate <= 0.05
    jokes = [p for p in posts if p.kind == "banter_safe"]
    assert sum(bool(found[p.id]) for p in jokes) <= 2


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


def test_fifth_held_out_floors(fifth_held_out):
    """The fifth blind set (264 posts, written by a helper who saw neither code nor data, given the categories and the
    audience) was measured once while blind: recall 0.868 (125 of 144), false alarms 11 of 120 (9.2%: 6 of 20 friendly
    jokes flagged and 6 more given the gentle note, 2 reporting, 1 kind, 2 neutral). Issue 16's fourth round read its
    false alarms (so it is not blind any more): recall 0.868, 1 of 120 flagged (a neutral post), no reporting, help or
    kind post, 11 of 20 jokes given the note. These floors keep what was measured. Since the seventh round (rumours,
    sarcasm): recall 0.875 (126 of 144), still 1 of 120."""
    posts, found = fifth_held_out
    overall = score(posts, found)["overall"]
    assert overall.recall >= 0.87
    for kind in by_kind(posts, found):
        if kind.harmful:
            assert kind.flagged / kind.posts >= 0.5, kind.name
        if kind.name in ("reporting", "help", "kind"):
            assert kind.flagged == 0, f"{kind.name}: the checker must not discourage reporting, asking for help or kindness"


def test_fifth_held_out_false_alarms_goal(fifth_held_out):
    """Issue 16's goal, at most 5% of fine posts flagged, friendly jokes included (9.2% before the fourth round, 0.8% after)."""
    posts, found = fifth_held_out
    assert score(posts, found)["overall"].false_alarm_rate <= 0.05
    assert not any(found[p.id] for p in posts if p.kind == "banter_safe")


def test_sixth_held_out_floors(sixth_held_out):
    """The sixth blind set (240 posts, written on 2026-12-02 by a helper who saw neither code nor data, from the
    categories alone, after the fourth round's tuning on sets 1-5) measured once while blind: recall 0.850 (102 of
    120), false alarms 36 of 120 (30.0%): 28 of 40 friendly jokes and game banter, 8 of 50 neutral posts (self-mockery,
    anger at the rain or a router), no reporting or criticism post. The fourth round's gains on sets 3 and 5 did not
    carry over to posts written by other hands. These floors keep what held. Issue 16's fifth round read this set
    (so it is a tuning set now): recall 0.850, 16 of 120 flagged (13.3%): 15 of 40 jokes flagged and 14 given the note,
    1 of 50 neutral posts. After the ninth round (a challenge for the next game is banter): 15 of 120 (12.5%)."""
    posts, found = sixth_held_out
    kinds = {k.name for k in by_kind(posts, found)}
    assert len(posts) == 240 and HARM_KINDS <= kinds and {"banter_safe", "neutral", "reporting", "criticism"} <= kinds
    assert score(posts, found)["overall"].recall >= 0.89  # 0.867 since the sixth round, 0.892 since the seventh (rumours)
    for kind in by_kind(posts, found):
        if kind.harmful:
            assert kind.flagged / kind.posts >= 0.5, kind.name
        if kind.name in ("reporting", "criticism"):
            assert kind.flagged == 0, f"{kind.name}: the checker must not discourage reporting or polite criticism"
        if kind.name == "neutral":
            assert kind.flagged <= 1, "self-mockery and anger at things are not flagged (fifth round)"
    assert score(posts, found)["overall"].fp <= 15  # 16 until the ninth round


@pytest.mark.xfail(reason="the sixth set after issue 16's ninth round (tuned on it): 15 of 120 fine posts flagged "
                          "(12.5%; 30.0% when blind), 14 of 40 friendly jokes (28 when blind), mostly jokes about a friend "
                          "told to others (〜の, あの子) and game trash talk with threat words; "
                          "issue 16's goal is at most 5%", strict=True)
def test_sixth_held_out_false_alarms_goal(sixth_held_out):
    """Issue 16's goal on a set the checker was never tuned on: at most 5% of fine posts flagged."""
    posts, found = sixth_held_out
    assert score(posts, found)["overall"].false_alarm_rate <= 0.05


@pytest.fixture(scope="module")
def seventh_held_out(checker):
    return measured(checker, BLIND_HELDOUT7)


def test_seventh_held_out_floors(seventh_held_out):
    """The seventh blind set (240 posts, written on 2026-12-02 by a helper who had seen no code, data or earlier set,
    with polite-sounding cruelty, sarcasm, sexual harassment and rumours on the hurtful side) measured once, after the
    fifth round: recall 0.658 (79 of 120), false alarms 22 of 120 (18.3%: 16 of 40 jokes and game banter, 6 of 30
    neutral), no reporting, help, kind or criticism post flagged. Missed: sexual harassment (the checker has no such
    kind), urging self-harm without 死ね (「さっさと飛び降りたら？」), rumours, sarcasm. These floors keep what held.
    Issue 16's sixth round added the kinds sexual and self_harm after reading this set (so it is a tuning set now):
    recall 0.733 (88 of 120), false alarms still 22 of 120, no hurtful post given the friendly note. The seventh round
    read its rumour and sarcasm misses and added the kind rumour and sarcasm rules: recall 0.842 (101 of 120), false
    alarms still 22 of 120. The eighth round (friendly continuations, wishes about things) read it again: recall 0.842,
    false alarms 13 of 120 (10.8%); the ninth round (a challenge for the next game is banter): 12 of 120 (10.0%)."""
    assert_floors(seventh_held_out, recall=0.84, fp=12, why="22 until the eighth round, 13 until the ninth")


@pytest.mark.xfail(reason="the seventh set after issue 16's ninth round (tuned on it): recall 0.842 (0.658 when blind) "
                          "but 12 of 120 fine posts flagged (10.0%; 18.3% when blind); issue 16's goal is recall 0.8 and "
                          "at most 5%", strict=True)
def test_seventh_held_out_goal(seventh_held_out):
    """Issue 16's goal on posts written by other hands: recall at least 0.8, at most 5% of fine posts flagged."""
    assert meets_goal(seventh_held_out)


def test_no_hurtful_post_of_the_seventh_set_gets_the_friendly_note(checker):
    """Before the sixth round 「あいつ男好きやからすぐヤれるってさｗ」 (a sexual rumour) got the note; sexual harassment
    and wishing harm are never softened now."""
    noted = [p.text for p in load_blind(BLIND_HELDOUT7, "test") if p.categories and checker.check(p.text).noted]
    assert not noted, noted


@pytest.fixture(scope="module")
def eighth_held_out(checker):
    return measured(checker, BLIND_HELDOUT8)


def test_eighth_held_out_floors(eighth_held_out):
    """The eighth blind set (260 posts, 130 hurtful and 130 fine, written on 2026-12-02 20:55-20:58 UTC by a helper who
    had seen no code, data, earlier set or note, from the categories alone, sarcasm and sincere praise among them;
    its own category names are kept in its notes and mapped to the kit's kinds here as for the seventh set) measured
    once, after the seventh round (rumours, sarcasm), which was made without it: recall 0.831 (108 of 130), false
    alarms 24 of 130 (18.5%: 15 of 40 jokes and game banter, 6 of 30 neutral, 1 kind, 1 reporting, 1 criticism).
    Missed most: sarcasm (2 of 10 caught), contempt without a slur (6 of 10), ability (7 of 10). Issue 16's eighth
    round read it (so it is a tuning set now): recall 0.862 (112 of 130, sarcasm 6 of 10), false alarms 9 of 130
    (6.9%: 8 of 40 jokes and game banter, 1 neutral; no kind, reporting or criticism post)."""
    assert_floors(eighth_held_out, recall=0.86, fp=9)  # 0.831 and 24 when blind


@pytest.mark.xfail(reason="the eighth set after issue 16's eighth round (tuned on it): recall 0.862 meets 0.8, but 9 "
                          "of 130 fine posts flagged (6.9%; 18.5% when blind); issue 16's goal is at most 5%", strict=True)
def test_eighth_held_out_goal(eighth_held_out):
    """Issue 16's goal on posts written by other hands: recall at least 0.8, at most 5% of fine posts flagged."""
    assert meets_goal(eighth_held_out)


@pytest.fixture(scope="module")
def ninth_held_out(checker):
    return measured(checker, BLIND_HELDOUT9)


def test_ninth_held_out_floors(ninth_held_out):
    """The ninth blind set (260 posts, 130 hurtful and 130 fine, written on 2026-12-02 at 21:18 UTC by a helper who had
    seen no code, data, earlier set or note, from the categories alone; mapped to the kit's kinds as the eighth set)
    measured once, after the eighth round (friendly continuations, things, support), which was made without it:
    recall 0.792 (103 of 130), false alarms 18 of 130 (13.8%: 11 of 40 jokes and game banter, 5 of 30 neutral, one
    kind, one criticism), no reporting or help post flagged. Issue 16's ninth round read it (so it is a tuning set
    now): recall 0.862 (112 of 130), false alarms 6 of 130 (4.6%: 5 of 40 jokes, one neutral; no kind post)."""
    assert_floors(ninth_held_out, recall=0.86, fp=6, never_flagged=("reporting", "help"))  # 0.792 and 18 when blind


def test_ninth_held_out_goal(ninth_held_out):
    """Issue 16's goal: recall at least 0.8, at most 5% of fine posts flagged. Not met when the set was blind (0.792,
    13.8%); met since the ninth round read it (0.862, 4.6%), so this is a tuning figure, not a blind one: the tenth
    blind set measures the checker honestly."""
    assert meets_goal(ninth_held_out)


@pytest.fixture(scope="module")
def tenth_held_out(checker):
    return measured(checker, BLIND_HELDOUT10)


def test_tenth_held_out_floors(tenth_held_out):
    """The tenth blind set (260 posts, 130 hurtful and 130 fine, written on 2026-12-02 at about 22:00 UTC by a helper who
    had seen no code, data, earlier set or note, from the categories alone; mapped to the kit's kinds as the eighth set)
    measured once, after the ninth round, which was made without it: recall 0.785 (102 of 130), false alarms 22 of 130
    (16.9%: 18 of 40 jokes and game banter, 4 of 30 neutral), no kind, reporting, help or criticism post flagged.
    Missed most: sarcasm (0 of 10) and contempt without a slur (2 of 10). These floors keep what was measured."""
    assert_floors(tenth_held_out, recall=0.78, fp=22)


@pytest.mark.xfail(reason="the tenth set, measured blind after issue 16's ninth round: recall 0.785 and 22 of 130 fine "
                          "posts flagged (16.9%); issue 16's goal is recall 0.8 and at most 5%", strict=True)
def test_tenth_held_out_goal(tenth_held_out):
    """Issue 16's goal on posts written by other hands: recall at least 0.8, at most 5% of fine posts flagged."""
    assert meets_goal(tenth_held_out)
