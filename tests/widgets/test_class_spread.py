"""ClassSpread driven from code: my choices, the class's choices from stored answers, language."""

from __future__ import annotations

import pytest

from kit.content.timeline import load_timeline
from kit.models.networks import load_network
from kit.store.records import Answer
from kit.widgets.class_spread import ClassSpread, chart_view
from kit.widgets.timeline import TimelineFeed
from tests.conftest import FIXTURES, REPO


@pytest.fixture(scope="module")
def timeline():
    return load_timeline(FIXTURES / "datasets" / "timelines" / "sample.yaml")


@pytest.fixture(scope="module")
def network():
    return load_network(str(REPO / "datasets" / "networks" / "class.json"))


def played(timeline, choices):
    feed = TimelineFeed(timeline)
    for post, action in choices:
        feed.choose(post, action)
        feed.next()
    return feed


def test_my_choices_drive_the_model(timeline, network):
    feed = played(timeline, [("rumour", "share"), ("official", "share"), ("unknown", "ignore")])
    spread = ClassSpread(timeline, network, mine=feed.tally)
    assert spread.show_mine() == 0.5
    whose, rate, everyone, ours = spread.shown
    assert (whose, rate) == ("mine", 0.5) and ours.reached < everyone.reached
    assert "2件のうち 1件をシェア" in spread.result["rate"] and "シェア率 50%" in spread.result["rate"]
    lines = spread.result["chart"]["series"]
    assert [line["kind"] for line in lines] == ["everyone", "ours"] and lines[1]["values"] == list(ours.believers)
    assert not spread.class_known  # no class named: no class button


def test_no_choices_yet_says_so(timeline, network):
    spread = ClassSpread(timeline, network, mine=TimelineFeed(timeline).tally)
    assert spread.show_mine() is None and "最後まで選んでください（3件のうち 0件" in spread.result["empty"]


def test_my_outcome_waits_until_the_whole_timeline_is_chosen(timeline, network):
    """The message says to finish the timeline first, and the model runs only then (not after some posts)."""
    feed = played(timeline, [("rumour", "share"), ("official", "share")])  # 2 of 3 posts, one untrue decided
    spread = ClassSpread(timeline, network, mine=feed.tally)
    assert spread.show_mine() is None and spread.shown is None
    assert "先にタイムラインの投稿を最後まで選んでください" in spread.result["empty"] and "あと 1件" in spread.result["empty"]
    feed.choose("unknown", "check")  # checked but not decided: not finished yet
    assert spread.show_mine() is None and "あと 1件" in spread.result["empty"]
    feed.choose("unknown", "ignore")  # decided not to share: every post chosen
    assert spread.show_mine() == 0.5 and "rate" in spread.result


def test_no_class_choices_yet_says_so(timeline, network):
    spread = ClassSpread(timeline, network, class_answers=list, class_code="2-3")
    assert spread.show_class() is None and "まだクラスのタイムラインの記録がありません" in spread.result["empty"]


def test_class_choices_come_from_the_store(timeline, network):
    answers = [Answer("x", "timeline:sample:rumour", (0,), False, "practice", s) for s in ("s1", "s2", "s3")]
    answers += [Answer("x", "timeline:sample:unknown", (2,), True, "practice", s) for s in ("s1", "s2", "s3")]
    spread = ClassSpread(timeline, network, class_answers=lambda: answers, class_code="2-3")
    assert spread.class_known and "2-3" in spread.labels["cs_class_named"]
    spread._on_browser_message(spread, {"action": "class"}, [])
    assert spread.shown[1] == 0.5 and "クラスの3人" in spread.result["rate"]


def test_a_store_that_fails_gives_a_message_not_an_error(timeline, network):
    def broken():
        raise OSError("locked")

    spread = ClassSpread(timeline, network, class_answers=broken, class_code="2-3")
    assert spread.show_class() is None and spread.result["empty"]


def test_class_learned_from_the_browser_offers_the_class_button(timeline, network):
    spread = ClassSpread(timeline, network, class_answers=list)
    assert not spread.class_known
    spread.set_class("4-1")
    assert spread.class_known and "4-1" in spread.labels["cs_class_named"]


def test_english(timeline, network):
    feed = played(timeline, [("rumour", "ignore"), ("official", "share"), ("unknown", "share")])
    spread = ClassSpread(timeline, network, mine=feed.tally, lang="en")
    spread.show_mine()
    assert "You shared 1 of 2 false or unverified posts" in spread.result["rate"]
    assert spread.labels["cs_mine"] == "Use my choices"


def test_the_chart_is_sent_as_data_with_names_as_text():
    chart = chart_view([("<a>", "ours", (0.0, 10.0, 5.0))], 0, "x&", "y")
    assert chart == {"series": [{"name": "<a>", "kind": "ours", "values": [0.0, 10.0, 5.0]}], "top": 1,
                     "x_label": "x&", "y_label": "y"}  # drawn as text by widgets/class_spread.js; top at least 1
