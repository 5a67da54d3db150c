"""DownloadRuleChecker driven from code, as its buttons would."""

from __future__ import annotations

import json

import pytest

from kit.content.facts import load_all_facts
from kit.content.law_rules import Outcome, load_law_rules
from kit.sitting import Sitting
from kit.widgets.download_rule_checker import DownloadRuleChecker
from tests.conftest import REPO

MANGA_REPEATED = {"action": "download", "work": "other", "source": "known", "incidental": "no", "minor": "no",
                  "parody": "no", "sold": "yes", "repeated": "repeated"}


@pytest.fixture(scope="module")
def law():
    return load_law_rules(REPO / "datasets" / "law_rules" / "download_rule.yaml")


def test_buttons_walk_through_only_the_questions_that_matter(law):
    w = DownloadRuleChecker(law)
    assert w.stage == "ask" and w.step["id"] == "action" and len(w.step["options"]) == 4
    w.choose("upload")
    assert w.step["id"] == "permission"
    w.choose("no")
    assert w.stage == "predict" and [p["id"] for p in w.predictions] == ["not_illegal", "illegal", "crime"]
    assert [p["id"] for p in w.path] == ["action", "permission"]


def test_prediction_is_recorded_before_the_outcome_is_shown(law, kept):
    events = []
    kept.on_record = lambda a: events.append(("stored", a, dict(w.result)))
    w = DownloadRuleChecker(law, load_all_facts(REPO / "datasets" / "facts"),
                            sitting=Sitting("s1", "2-1", "7", lesson="piracy-jh", store=kept))
    w.observe(lambda change: events.append(("shown", None, None)), names="result")
    w.describe(MANGA_REPEATED)
    assert w.stage == "predict" and w.result == {}
    w.predict("illegal")
    assert [e[0] for e in events] == ["stored", "shown"]
    stored = events[0][1]
    assert events[0][2] == {}
    assert (stored.item, stored.response, stored.correct, stored.phase) == (
        "download_rule_checker:download-rule:download-crime", (1,), False, "practice")
    assert (stored.lesson, stored.student, stored.class_code) == ("piracy-jh", "7", "2-1")
    assert w.result["outcome"] == "crime" and w.result["correct"] is False
    assert "拘禁刑" in w.result["penalty"]["html"] and w.result["articles"]
    assert "親告罪" in w.result["penalty"]["html"] and "2025-06-01" in w.result["penalty"]["source"]  # the dated fact card


def test_nothing_about_the_outcome_reaches_the_browser_before_the_prediction(law):
    w = DownloadRuleChecker(law)
    w.describe({"action": "stream"})
    state = json.dumps({k: v for k, v in w.get_state().items() if k not in ("_esm", "_css")}, ensure_ascii=False)
    rule = next(r for r in law.rules if r.id == "stream")
    assert rule.reason.ja not in state and rule.caution.ja not in state


def test_stream_result_explains_the_risks(law):
    w = DownloadRuleChecker(law)
    w.describe({"action": "stream"})
    w.predict(Outcome.NOT_ILLEGAL)
    assert w.result["correct"] and "ウイルス" in w.result["caution_html"]


def test_back_and_reset(law):
    w = DownloadRuleChecker(law)
    w.choose("download")
    w.choose("music_video")
    w.back()
    assert w.step["id"] == "work" and list(w.answers) == ["action"]
    w.describe({"action": "link", "link_to": "pirated"})
    w.predict("crime")
    w.back()  # no going back once the answer is shown
    assert w.stage == "reveal"
    w.reset()
    assert w.stage == "ask" and w.answers == {} and w.result == {}


def test_forged_or_repeated_messages_change_nothing(law, kept):
    stored = kept.stored
    w = DownloadRuleChecker(law, sitting=Sitting(store=kept))
    w._on_browser_message(w, {"action": "choose", "option": "hack"}, [])
    assert w.answers == {}
    w._on_browser_message(w, {"action": "predict", "outcome": "crime"}, [])  # not yet at the prediction
    assert stored == [] and w.stage == "ask"
    w.describe({"action": "upload", "permission": "no"})
    w._on_browser_message(w, {"action": "predict", "outcome": "maybe"}, [])
    assert stored == []
    w._on_browser_message(w, {"action": "predict", "outcome": "crime"}, [])
    w._on_browser_message(w, {"action": "predict", "outcome": "illegal"}, [])
    assert len(stored) == 1 and stored[0].correct


def test_browser_identity_is_used_unless_the_link_gave_one(law, kept):
    stored = kept.stored
    w = DownloadRuleChecker(law, sitting=Sitting("kernel", class_code="3-2", store=kept))
    w._on_browser_message(w, {"action": "hello", "session": "a" * 32, "class_code": "9-9", "student": "ken"}, [])
    w.describe({"action": "stream"})
    w.predict("not_illegal")
    assert (stored[0].session, stored[0].class_code, stored[0].student) == ("a" * 32, "3-2", "ken")


def test_english_and_furigana(law):
    en = DownloadRuleChecker(law, lang="en")
    assert en.step["html"] == "What are you doing online?"
    assert "Based on the law as of 2026-11-01" in en.heading["as_of"]
    ruby = DownloadRuleChecker(law, furigana=True)
    assert "<ruby>" in ruby.step["options"][0]["html"]


def test_unconfirmed_articles_are_marked(law):
    import dataclasses

    art = law.articles["art-120-2-3"]
    law = dataclasses.replace(law, articles={**law.articles, art.id: dataclasses.replace(art, mark="M")})
    w = DownloadRuleChecker(law)
    w.describe({"action": "link", "link_to": "pirated"})
    w.predict("crime")
    labels = [a["label_html"] for a in w.result["articles"]]
    assert labels[0].endswith("（リーチサイト）")
    assert labels[1].endswith("＊") and w.result["unconfirmed"]


def test_paid_music_downloaded_once_is_a_crime_and_shows_its_penalty_fact(law):
    w = DownloadRuleChecker(law, load_all_facts(REPO / "datasets" / "facts"))
    w.describe({"action": "download", "work": "music_video", "source": "known", "sold": "yes"})
    w.predict("illegal")
    assert w.result["outcome"] == "crime" and "1回だけでも" in w.result["reason_html"]
    assert "200万円" in w.result["penalty"]["html"] and not w.result["unconfirmed"]
