"""Forged browser messages to every component of every shipped lesson change nothing they should not.

A student can send anything down a widget's comm from the browser's console: wrong types, huge
payloads, replayed clicks, markup as identity. No message may raise (the student would see a
traceback in the page's log), store an answer twice, or store anything that is not a small tuple of
ints with the link's identity.
"""

from __future__ import annotations

import json

import pytest

from kit.lesson import Lesson
from tests.widgets.lesson_widgets import NOTEBOOKS, _components, _lesson_widgets

FORGED = [
    None, 1, "x", [], {}, {"action": None}, {"action": ["submit"]}, {"action": {"a": 1}},
    {"action": "submit", "response": "1"}, {"action": "submit", "response": [99]},
    {"action": "submit", "response": [0, 0, 0, 0, 0, 0, 0]}, {"action": "submit", "response": [True]},
    {"action": "submit", "response": [[1]]}, {"action": "submit", "response": [-1]},
    {"action": "submit", "response": list(range(100_000))}, {"action": "submit", "response": [1.5]},
    {"action": "choose", "index": 10**30}, {"action": "choose", "index": -1}, {"action": "choose", "index": 1.5},
    {"action": "choose", "index": None}, {"action": "choose", "post": {"a": 1}, "choice": "share"},
    {"action": "choose", "post": "x" * 10**6, "choice": 10**9}, {"action": "choose", "option": ["link"]},
    {"action": "pick", "role": ["poster"]}, {"action": "pick", "role": "admin"},
    {"action": "hello", "session": ["a"], "class_code": {"x": 1}, "student": 5},
    {"action": "hello", "session": "a" * 32, "class_code": "<img src=x onerror=alert(1)>",
     "student": "\u202e\u200b" + "x" * 10_000},
    {"action": "next"}, {"action": "predict", "choice": "x"}, {"action": "predict", "choice": 7},
    {"action": "predict", "outcome": ["crime"]}, {"action": "check", "text": 5},
    {"action": "check", "text": "死ね" * 50_000}, {"action": "answer", "index": "0"},
    {"action": "set", "name": "__class__", "value": 1}, {"action": "set", "name": "seed", "value": "9" * 5000},
    {"action": "run"}, {"action": "run", "false_rate": "nan"}, {"action": "restart"}, {"action": "reveal"},
    {"action": "go", "node": {"x": 1}}, {"action": "back"}, {"action": "navigate", "to": None},
]

# Honest clicks, each sent twice as a double click would: the second must store nothing new.
DOUBLE_CLICKS = [
    {"action": "submit", "response": [0]}, {"action": "choose", "index": 0},
    {"action": "choose", "index": 1}, {"action": "pick", "role": "bystander"},
    {"action": "choose", "option": "link"}, {"action": "predict", "outcome": "crime"},
]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_forged_messages_raise_nothing_and_store_nothing_wrong(notebook, tmp_path, monkeypatch):
    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(notebook.parent)
    meta = json.loads(notebook.read_text("utf-8"))["metadata"]["netkit"]
    lesson = Lesson(meta["id"], params={"class": "3-1", "name": "kodama"})
    handled = 0
    for top in _lesson_widgets(notebook, lesson):
        for widget in _components(top):
            handler = getattr(widget, "_on_browser_message", None)
            if handler is None:
                continue
            handled += 1
            for message in FORGED:
                handler(widget, message, [])
            for message in DOUBLE_CLICKS:
                handler(widget, message, [])
                handler(widget, message, [])
    assert handled, "the lesson has no interactive component"

    from kit.store import open_store

    answers = open_store().answers(lesson=meta["id"])
    for answer in answers:
        assert isinstance(answer.response, tuple) and len(answer.response) <= 20, answer
        assert all(type(i) is int and 0 <= i < 1000 for i in answer.response), answer
        assert (answer.student, answer.class_code) == ("kodama", "3-1"), answer  # the link wins
        assert answer.phase in ("pre", "post", "delayed", "practice")
    graded = [(a.item, a.phase, a.session) for a in answers if a.phase in ("pre", "post", "delayed")]
    assert len(graded) == len(set(graded)), "a quiz answer was stored twice"
    # A role-play or timeline choice made twice by a double click is one choice.
    practice = [(a.item, a.response, a.session) for a in answers if a.phase == "practice"]
    assert len(practice) == len(set(practice)), sorted(practice)
