"""LawWalkView driven from code: answers stored before feedback, steps in order; LawCardView content."""

from __future__ import annotations

import json

import pytest

from kit.content.facts import load_all_facts
from kit.content.law import load_law_cards, load_law_walk
from kit.sitting import Sitting
from kit.widgets.law_walk import LawCardView, LawWalkView
from tests.conftest import FIXTURES


@pytest.fixture
def walk():
    return load_law_walk(FIXTURES / "datasets" / "law" / "walk.yaml")


@pytest.fixture
def facts():
    return load_all_facts(FIXTURES / "datasets" / "facts")


def test_the_answer_never_reaches_the_browser_before_answering(walk, facts):
    view = LawWalkView(walk, facts)
    state = json.dumps({k: v for k, v in view.get_state().items() if k not in ("_esm", "_css", "labels")}, ensure_ascii=False)
    assert "そのとおり" not in state and "correct" not in state and view.result == {}
    fact = view.step["facts"][0]  # the statement, then its source line
    assert "2022年7月7日" in fact["html"] and "（2022-07-07 時点）" in fact["source"]


def test_answer_is_recorded_before_feedback_then_next_step(walk, facts, kept):
    events = []
    kept.on_record = lambda a: events.append(("stored", a, dict(view.result)))
    view = LawWalkView(walk, facts, sitting=Sitting("s1", lesson="demo", store=kept), bank="law/walk.yaml")
    view.observe(lambda change: events.append(("shown", None, None)), names="result")
    assert view.answer(0) is False
    assert [e[0] for e in events] == ["stored", "shown"] and events[0][2] == {}
    stored = events[0][1]
    assert (stored.item, stored.response, stored.correct, stored.phase) == ("law:test-walk:one", (0,), False, "practice")
    assert (stored.lesson, stored.session, stored.bank) == ("demo", "s1", "law/walk.yaml")
    assert view.result["answer"] == 1 and view.result["feedback_html"] == "ちがいます。"
    assert view.result["answer_feedback_html"] == "そのとおり。"
    view.answer(1)  # a second answer is ignored
    assert len([e for e in events if e[0] == "stored"]) == 1
    view.next()
    assert view.number == 1 and view.result == {} and view.step["id"] == "two"


def test_next_needs_an_answer_and_the_walk_ends_with_its_summary(walk, facts):
    view = LawWalkView(walk, facts)
    view.next()
    assert view.number == 0
    view.answer(1)
    view.next()
    view.answer(0)
    view.next()
    assert view.finished and view.step == {} and view.walk["outro_html"] == "おわり。"
    view.restart()
    assert view.number == 0 and not view.finished


def test_forged_messages_change_nothing(walk, facts, kept):
    stored = kept.stored
    view = LawWalkView(walk, facts, sitting=Sitting(store=kept))
    for bad in ({"action": "answer", "index": 7}, {"action": "answer", "index": "1"}, "x", {"action": "answer", "index": True}):
        view._on_browser_message(view, bad, [])
    assert stored == [] and view.result == {}


def test_english(walk, facts):
    view = LawWalkView(walk, facts, lang="en")
    assert view.step["ask_html"] == "Which is right?" and "(as of 2022-07-07)" in view.step["facts"][0]["source"]


def test_law_card_shows_penalty_fact_with_source_and_dates(facts):
    card = load_law_cards(FIXTURES / "datasets" / "law" / "cards.yaml").card("insult")
    shown = LawCardView(card, facts).shown
    assert "刑法231条" in shown["law_html"] and "（してはいけない例）" in shown["example_html"]
    assert "2022年7月7日" in shown["penalty"]["html"] and "法務省" in shown["penalty"]["source"] and "2026-11" in shown["small"]
    assert "法的な助言ではありません" in shown["small"]


def test_lesson_shows_several_cards_and_a_card_it_lacks_as_a_note(datasets, monkeypatch):
    from kit.lesson import Lesson

    monkeypatch.setenv("NETKIT_DATASETS", str(datasets))
    lesson = Lesson("demo", params={})
    one = lesson.law_card("insult")
    assert isinstance(one, LawCardView)
    both = lesson.law_card("insult", "libel")
    assert [type(c).__name__ for c in both.children] == ["LawCardView", "ProblemCard"]
    assert "libel" in both.children[1].problems[0].sentence()
    walk = lesson.law_walk("law/walk.yaml")
    assert isinstance(walk, LawWalkView) and walk.step["id"] == "one"
