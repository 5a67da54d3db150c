"""TimelineFeed driven from code, as its buttons would: choices stored before feedback, language, resuming."""

from __future__ import annotations

import json

import pytest

from kit.content.facts import load_all_facts
from kit.content.timeline import load_timeline
from kit.sitting import Sitting
from kit.store.records import Answer
from kit.widgets.timeline import TimelineFeed
from tests.conftest import FIXTURES

SESSION = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def timeline():
    return load_timeline(FIXTURES / "datasets" / "timelines" / "sample.yaml")


@pytest.fixture
def facts():
    return load_all_facts(FIXTURES / "datasets" / "facts")


def synced(feed):
    state = {k: v for k, v in feed.get_state().items() if k not in ("_esm", "_css")}
    return json.dumps(state, ensure_ascii=False)


def test_truth_steps_and_explanation_stay_in_the_kernel_until_chosen(timeline):
    feed = TimelineFeed(timeline)
    rumour = timeline.posts[0]
    state = synced(feed)
    assert rumour.text.ja in state and rumour.author.handle in state
    for secret in (rumour.explanation.ja, rumour.steps[0].found.ja, rumour.steps[1].found.ja):
        assert secret not in state
    assert feed.result == {} and feed.steps == [] and feed.stage == "choose"
    assert feed.post["picture"].startswith("data:image/svg+xml;base64,")


def test_each_choice_is_stored_before_its_feedback(timeline, facts, kept):
    events = []
    kept.on_record = lambda a: events.append(("stored", a, dict(feed.result), list(feed.steps)))
    feed = TimelineFeed(timeline, facts=facts, sitting=Sitting("s1", "2-3", "7", lesson="demo", store=kept),
                        bank="timelines/sample.yaml")
    feed.observe(lambda c: events.append(("shown", None, None, None)), names="result")
    feed.choose("rumour", "share")
    assert [e[0] for e in events] == ["stored", "shown"]
    stored = events[0][1]
    assert events[0][2] == {} and events[0][3] == []  # nothing about the truth was on screen yet
    assert (stored.lesson, stored.item, stored.response, stored.correct, stored.phase) == (
        "demo", "timeline:sample:rumour", (0,), False, "practice")
    assert (stored.class_code, stored.student, stored.session, stored.bank) == ("2-3", "7", "s1", "timelines/sample.yaml")
    assert feed.result["truth"] == "false" and feed.result["good"] is False and feed.stage == "feedback"
    assert feed.result["sources"] and "法務省" in feed.result["sources"][0]["source"]


def test_check_opens_the_steps_then_the_decision_is_stored_before_feedback(timeline, kept):
    stored = []
    kept.on_record = lambda a: stored.append((a, dict(feed.result)))
    feed = TimelineFeed(timeline, sitting=Sitting(store=kept))
    feed.choose("rumour", "check")
    assert feed.stage == "checking" and feed.result == {}
    assert [s["kind"] for s in feed.steps] == ["who", "others"]
    assert stored[0][0].item == "timeline:sample:rumour" and stored[0][0].response == (1,) and stored[0][0].correct
    assert feed.choose("rumour", "check") is None  # checking again is not a decision
    outcome = feed.choose("rumour", "ignore")
    assert not outcome.shared
    decision, shown = stored[1]
    assert (decision.item, decision.response, decision.correct, shown) == ("timeline:sample:rumour:decide", (2,), True, {})
    assert feed.result["good"] is True and feed.result["verdict"].startswith("確かめて、広めなかった")


def test_true_posts_reward_sharing_after_checking_not_doubting_everything(timeline, kept):
    stored = kept.stored
    feed = TimelineFeed(timeline, sitting=Sitting(store=kept))
    feed.choose("rumour", "ignore")
    feed.next()
    feed.choose("official", "check")
    feed.choose("official", "share")
    assert stored[-1].correct is True and feed.result["good"] is True and feed.result["shared"] is True
    feed.next()
    feed.choose("unknown", 0)  # shared an unverified rumour at once
    assert stored[-1].correct is False and feed.result["truth_label"] == "確かめられない"
    feed.next()
    assert feed.stage == "done"
    t = feed.tally()
    assert (t.untrue.shared, t.untrue.total, t.true.shared, t.true.total) == (1, 2, 1, 1)
    assert t.first_choices == (1, 1, 1)
    assert "2件のうち、1件をシェア" in feed.summary["untrue"]


def test_choices_out_of_turn_or_forged_change_nothing(timeline, kept):
    stored = kept.stored
    feed = TimelineFeed(timeline, sitting=Sitting(store=kept))
    assert feed.choose("official", "share") is None  # not the post shown
    assert feed.choose("rumour", "like") is None
    assert feed.choose("rumour", True) is None
    feed._on_browser_message(feed, {"action": "choose", "post": "rumour", "choice": 9}, [])
    feed._on_browser_message(feed, "garbage", [])
    feed.next()  # nothing chosen yet
    assert stored == [] and feed.stage == "choose" and feed.number == 0
    feed._on_browser_message(feed, {"action": "choose", "post": "rumour", "choice": "ignore"}, [])
    feed.choose("rumour", "share")  # a second choice is ignored
    assert len(stored) == 1 and stored[0].response == (2,)


def test_storage_failure_still_gives_feedback_and_says_so(timeline, kept):
    kept.failing = True
    feed = TimelineFeed(timeline, sitting=Sitting(store=kept))
    feed.choose("rumour", "ignore")
    assert feed.stage == "feedback" and feed.result["saved"] is False


def test_english_and_furigana(timeline):
    en = TimelineFeed(timeline, lang="en")
    assert en.post["text_html"] == "The quake broke the bridge!" and en.labels["tl_check"] == "Check"
    en.choose("rumour", "share")
    assert en.result["truth_label"] == "False" and en.result["explanation_html"] == "It was false."
    assert en.progress == "Post 1 of 3"
    ja = TimelineFeed(timeline, furigana=True)
    assert "<ruby>地震<rp>(</rp><rt>じしん</rt>" in ja.post["text_html"]
    assert ja.progress == "1 / 3 件目"


def test_resume_skips_finished_posts_and_uses_the_browser_identity(timeline, kept):
    kept.stored.extend([
        Answer("demo", "timeline:sample:rumour", (1,), True, "practice", SESSION, "ken", "2-3"),
        Answer("demo", "timeline:sample:rumour:decide", (2,), True, "practice", SESSION, "ken", "2-3"),
        Answer("demo", "timeline:sample:official", (1,), True, "practice", SESSION, "ken", "2-3"),
        Answer("demo", "timeline:sample:official", (0,), False, "practice", "ff" * 16),  # another browser's
    ])
    stored = kept.stored
    feed = TimelineFeed(timeline, sitting=Sitting(class_code="2-3", lesson="demo", store=kept))
    feed._on_browser_message(feed, {"action": "hello", "session": SESSION, "class_code": "9-9", "student": "ken"}, [])
    assert feed.current.id == "official" and feed.stage == "checking"  # checked before the reload, not decided
    assert feed.who == "2-3 / ken"  # the link's class wins, the browser's nickname fills in
    feed.choose("official", "share")
    assert stored[-1].session == SESSION and stored[-1].item == "timeline:sample:official:decide"


def test_the_accuracy_prompt_is_shown_only_to_the_students_in_its_arm(timeline, facts, tmp_path):
    from kit.content.experiment import read_experiment
    from kit.store import open_store

    declared = read_experiment({"experiment": {"id": "ap", "on": True,
                                               "arms": [{"id": "control"}, {"id": "accuracy_prompt"}]}})
    store = open_store(tmp_path / "results.sqlite3")
    prompted = []
    for k in range(6):
        sitting = Sitting(class_code="2-1", lesson="demo", store=store)
        sitting.experiment = declared
        feed = TimelineFeed(timeline, facts=facts, sitting=sitting)
        assert "prompt_html" not in feed.heading  # nothing before the student is known
        feed._on_browser_message(feed, {"action": "hello", "session": f"{k:032x}"}, [])
        prompted.append("正確だと思う" in feed.heading.get("prompt_html", ""))
        again = TimelineFeed(timeline, facts=facts, sitting=Sitting(class_code="2-1", lesson="demo", store=store))
        again.sitting.experiment = declared
        again._on_browser_message(again, {"action": "hello", "session": f"{k:032x}"}, [])
        assert ("prompt_html" in again.heading) == prompted[-1]  # the same arm after a reload
    assert prompted.count(True) == 3
    assert "arm" not in json.dumps(feed.heading)  # the student's page is not told its arm
