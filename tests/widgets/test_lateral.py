"""LateralReading driven from code, as its buttons would: the path, storing before feedback, resuming."""

from __future__ import annotations

import json

import pytest

from kit.content.lateral import load_lateral
from kit.sitting import Sitting
from kit.widgets.lateral import LateralReading
from tests.conftest import REPO, KeptAnswers

SESSION = "a" * 32


@pytest.fixture(scope="module")
def lateral():
    return load_lateral(REPO / "datasets" / "lateral" / "who_is_behind.yaml")


def sitting(store, session=SESSION):
    s = Sitting(class_code="2-1", student="7", lesson="misinformation-hs", store=store)
    s.identify(session, "2-1", "7")
    return s


def browser_state(w) -> str:
    return json.dumps({k: v for k, v in w.get_state().items() if k not in ("_esm", "_css")}, ensure_ascii=False)


def test_the_search_opens_pages_inside_and_the_path_is_kept_in_order(lateral):
    w = LateralReading(lateral)
    assert w.view == "post" and w.results == [] and w.source == {}
    assert not w.open_source("about")  # no result to click before searching
    w.search()
    assert w.view == "search" and [r["id"] for r in w.results] == ["about", "factcheck", "encyclopedia", "news"]
    assert all(r["address"].split("/")[0].endswith(".example") for r in w.results)
    assert w.open_source("news") and w.view == "source" and w.source["id"] == "news"
    w.back_to_results()
    w.open_source("about")
    w.show_post()
    assert w.path == ["search", "news", "about"] and w.opened == ["news", "about"] and w.view == "post"


def test_answer_and_path_are_stored_before_the_feedback_is_sent(lateral):
    store = KeptAnswers()
    events = []
    store.on_record = lambda a: events.append(("stored", a, dict(w.result)))
    w = LateralReading(lateral, sitting=sitting(store), bank="lateral/who_is_behind.yaml")
    w.observe(lambda change: events.append(("shown", None, None)), names="result")
    w.search()
    w.open_source("factcheck")
    w.open_source("about")
    score = w.answer("b")
    assert [e[0] for e in events] == ["stored", "shown"] and events[0][2] == {}
    stored = events[0][1]
    assert (stored.item, stored.response, stored.correct, stored.phase, stored.bank) == (
        "lateral:who-is-behind:supplement", (1, 0, 2, 1), True, "practice", "lateral/who_is_behind.yaml")
    assert score.points == 2 and w.result["reading"] == "lateral" and w.stage == "feedback"
    assert "ミライサプリ" in w.result["behind_html"] and w.result["method"]


def test_staying_on_the_page_is_told_as_vertical_reading(lateral):
    w = LateralReading(lateral, lang="en")
    w.answer("b")
    assert w.result["reading"] == "vertical" and "vertical reading" in w.result["reading_text"]
    assert w.result["points"].startswith("This task: 1 of 2")


def test_nothing_of_the_answer_reaches_the_browser_before_it_is_given(lateral):
    w = LateralReading(lateral)
    w.search()
    for source in ("about", "factcheck", "encyclopedia", "news"):
        w.open_source(source)
    state = browser_state(w)
    task = lateral.task("supplement")
    assert task.behind.ja not in state and all(o.feedback.ja not in state for o in task.options)
    assert '"right"' not in state and "answer" not in json.loads(state)["task"]


def test_a_double_click_stores_once_and_a_late_answer_for_another_task_is_ignored(lateral):
    store = KeptAnswers()
    w = LateralReading(lateral, sitting=sitting(store))
    w._on_browser_message(w, {"action": "answer", "task": "supplement", "option": "a"}, [])
    w._on_browser_message(w, {"action": "answer", "task": "supplement", "option": "b"}, [])
    w._on_browser_message(w, {"action": "next"}, [])
    w._on_browser_message(w, {"action": "answer", "task": "supplement", "option": "b"}, [])
    assert [(a.item, a.response) for a in store.stored] == [("lateral:who-is-behind:supplement", (0,))]
    assert w.current.id == "water" and w.stage == "read"


def test_a_reload_continues_after_the_answered_tasks_and_the_summary_counts_them(lateral):
    store = KeptAnswers()
    first = LateralReading(lateral, sitting=sitting(store))
    first.search()
    first.open_source("about")
    first.answer("b")
    first.next()
    first.answer("b")
    again = LateralReading(lateral, sitting=sitting(store))  # a reload: same browser, new kernel
    assert again.resumed and again.current.id == "uniform" and again.stage == "read"
    again.answer("b")
    again.next()
    assert again.stage == "done"
    assert again.summary["right"] == "正しく答えた問題: 2 / 3" and again.summary["left"] == "ページを離れて調べた問題: 1 / 3"
    other = LateralReading(lateral, sitting=sitting(store, "b" * 32))  # another browser starts at the beginning
    assert other.current.id == "supplement"


def test_a_failed_store_is_said_not_raised(lateral):
    store = KeptAnswers()
    store.failing = True
    w = LateralReading(lateral, sitting=sitting(store))
    w.sitting.retry_seconds = 0
    w.answer("a")
    assert w.result["saved"] is False and w.stage == "feedback"


def test_furigana_reaches_the_post_and_the_buttons(lateral):
    w = LateralReading(lateral.select(["water"]), furigana=True)
    assert "<ruby>" in w.task["text_html"] and "__ruby" in w.labels
