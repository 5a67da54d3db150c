"""HelpRouter driven from code: questions lead to desks, back and restart, nothing recorded."""

from __future__ import annotations

import pytest

from kit.content.router import load_router
from kit.lesson import Lesson
from kit.widgets.help_router import HelpRouter
from tests.conftest import FIXTURES


@pytest.fixture
def chart():
    return load_router(FIXTURES / "datasets" / "help" / "router.yaml")


def test_answers_lead_to_the_desks_that_fit(chart):
    router = HelpRouter(chart)
    assert router.step["kind"] == "question" and [a["html"] for a in router.step["answers"]] == ["はい", "いいえ"]
    router.answer(1)
    router.answer(0)
    assert router.step["kind"] == "result" and router.step["id"] == "listen"
    assert [d["id"] for d in router.step["desks"]] == ["kodomo-sos"]  # the adults' desk is left out for children
    desk = router.step["desks"][0]
    assert desk["contact"] == "0120-0-78310" and desk["tel"] == "0120078310" and desk["checked"] == "2026-11-01"
    assert [t["answer_html"] for t in router.trail] == ["いいえ", "話を聞いてほしい"]


def test_adults_see_their_desks(chart):
    router = HelpRouter(chart, audience="adults")
    router.answer(1)
    router.answer(0)
    assert [d["id"] for d in router.step["desks"]] == ["adults-only"]


def test_more_back_and_restart(chart):
    router = HelpRouter(chart)
    router.answer(1)
    router.answer(0)
    router.more()
    assert router.step["id"] == "want" and router.trail[-1]["answer_html"] == "ほかのことも知りたい"
    router.back()
    assert router.step["id"] == "listen"
    router.back()
    router.back()
    assert router.step["id"] == "danger" and router.trail == []
    router.back()  # nothing before the first question
    assert router.step["id"] == "danger"
    router.answer(0)
    router.restart()
    assert router.step["id"] == "danger"


def test_forged_answers_change_nothing(chart):
    router = HelpRouter(chart)
    for bad in (5, -1, "0", True, None):
        router._on_browser_message(router, {"action": "answer", "index": bad}, [])
    router.more()  # not on a result
    assert router.step["id"] == "danger"


def test_english(chart):
    router = HelpRouter(chart, lang="en")
    assert router.step["ask_html"] == "In danger now?" and router.labels["router_back"] == "Back"


def test_lesson_shows_the_router_and_records_nothing(datasets, monkeypatch, kept):
    monkeypatch.setenv("NETKIT_DATASETS", str(datasets))
    lesson = Lesson("demo", params={})
    monkeypatch.setattr(lesson.sitting, "_store", kept)
    router = lesson.help_router()
    router.answer(0)
    assert isinstance(router, HelpRouter) and router.step["id"] == "emergency" and kept.stored == []


def test_a_broken_router_still_shows_the_help_list(datasets, monkeypatch):
    monkeypatch.setenv("NETKIT_DATASETS", str(datasets))
    (datasets / "help" / "router.yaml").write_text("schema_version: 1\nsteps: []\n", "utf-8")
    box = Lesson("demo", params={}).help_router()
    kinds = [type(c).__name__ for c in box.children]
    assert kinds == ["ProblemCard", "HelpList"] and "24時間子供SOSダイヤル" in [d["name"] for d in box.children[1].shown]
