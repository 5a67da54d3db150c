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
    handled, form_of = 0, {}
    for top in _lesson_widgets(notebook, lesson):
        for widget in _components(top):
            form_of.update(_forms_of_items(widget))
            handler = getattr(widget, "_on_browser_message", None)
            if handler is None:
                continue
            handled += 1
            for message in FORGED:
                handler(widget, message, [])
            for message in DOUBLE_CLICKS + _judgments(widget):
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
    shown: dict[tuple[str, str], set[str]] = {}  # one form per sitting and phase, quiz and feed alike (A ~ a)
    for answer in answers:
        if answer.item in form_of and answer.phase in ("pre", "post"):
            shown.setdefault((answer.session, answer.phase), set()).add(form_of[answer.item])
    assert all(len(forms) == 1 for forms in shown.values()), shown
    assert shown or not form_of, "the lesson has forms but no answer on one was checked"
    # A role-play or timeline choice made twice by a double click is one choice.
    practice = [(a.item, a.response, a.session) for a in answers if a.phase == "practice"]
    assert len(practice) == len(set(practice)), sorted(practice)


def _judgments(widget) -> list[dict]:
    """A discernment feed's honest judgment of the first post it shows (its ids are the file's own)."""
    posts = getattr(widget, "posts", None) if type(widget).__name__ == "DiscernmentFeed" else None
    return [{"action": "judge", "post": posts[0]["id"], "choice": "doubt"}] if posts else []


def _forms_of_items(widget) -> dict[str, str]:
    """Item id → form (lower case) for a quiz on matched forms or a discernment feed with a pair; {} otherwise."""
    from kit.widgets.discernment import DiscernmentFeed
    from kit.widgets.quiz_card import Quiz

    if isinstance(widget, Quiz):
        return {q.id: q.form.lower() for q in widget.whole.questions if q.form}
    if isinstance(widget, DiscernmentFeed) and widget.pair:
        return widget.feed.form_of()
    return {}


def test_no_message_stores_an_answer_to_a_question_of_the_other_form(kept):
    from kit.content import load_quiz
    from kit.content.discernment import load_discernment
    from kit.content.forms import forms
    from kit.sitting import Sitting
    from kit.widgets.discernment import DiscernmentFeed
    from kit.widgets.quiz_card import Quiz, QuizCard
    from tests.conftest import FIXTURES

    bank = load_quiz(FIXTURES / "datasets" / "quizzes" / "forms.yaml")
    small = load_discernment(FIXTURES / "datasets" / "discernment" / "small.yaml")
    by_form = forms(bank.questions)
    sitting = Sitting(class_code="2-3", lesson="demo", store=kept)
    quiz = Quiz(bank, phase="pre", sitting=sitting, file="quizzes/forms.yaml")
    feed = DiscernmentFeed(small, "a", phase="pre", pair=("a", "b"), sitting=sitting)
    answers = [{"action": "submit", "response": [i]} for i in range(4)] + [{"action": "next"}]
    judgments = [{"action": "judge", "post": p.id, "choice": c} for p in small.posts for c in ("believe", "doubt")]
    for message in answers:  # before the student is known: nothing to answer, nothing stored
        quiz.waiting._on_browser_message(quiz.waiting, message, [])
    for message in judgments:
        feed._on_browser_message(feed, message, [])
    assert kept.stored == [] and quiz.cards == [] and feed.posts == []

    quiz.waiting._on_browser_message(quiz.waiting, {"action": "hello", "session": "ab" * 16}, [])
    other = next(name for name in by_form if name != quiz.form)
    stale = [QuizCard(q, phase="pre", sitting=sitting, accepts=quiz._shows) for q in by_form[other]]
    for card in stale:  # a card of the other form, as a late or forged page would hold it
        for message in answers:
            card._on_browser_message(card, message, [])
    for message in answers:  # the waiting card is gone from the page, but a console can still write to it
        quiz.waiting._on_browser_message(quiz.waiting, message, [])
    for message in answers:  # the student's own form is answered as usual
        quiz.current._on_browser_message(quiz.current, message, [])
    for message in judgments:
        feed._on_browser_message(feed, message, [])
    assert all(card.grade is None for card in stale)
    mine = {q.id for q in by_form[quiz.form]} | {small.item(p) for p in small.form(feed.form)}
    assert kept.stored and {a.item for a in kept.stored} <= mine
    assert len([a for a in kept.stored if a.item.startswith("discern:")]) == len(small.form(feed.form))


def _update(widget, state: dict) -> None:
    """A state update as the browser sends it down the comm (``method: update``)."""
    widget._handle_msg({"content": {"data": {"method": "update", "state": state, "buffer_paths": []}}, "buffers": []})


JUNK = [-100, 10**9, "x", None, {"a": 1}, [1, 2], True]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_browser_update_changes_no_value_the_kernel_owns(notebook, tmp_path, monkeypatch):
    """A forged ``update`` may set only ``BROWSER_SETS`` (the page's pending flag, a lab's checked values): not a
    game's phase or stage, not the teacher's store_text, not anything else; a value of the wrong kind raises nothing."""
    from kit.widgets._base import KitWidget

    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(notebook.parent)
    meta = json.loads(notebook.read_text("utf-8"))["metadata"]["netkit"]
    lesson = Lesson(meta["id"], params={"class": "3-1", "name": "kodama"})
    checked = 0
    for top in _lesson_widgets(notebook, lesson):
        for widget in _components(top):
            if not isinstance(widget, KitWidget):
                continue
            owned = [k for k in widget.keys if k not in widget.BROWSER_SETS and not k.startswith("_")]
            before = {k: json.dumps(widget.get_state(k)[k], sort_keys=True, default=str) for k in owned}
            for key in owned:  # one value at a time: a batch with one refused value is rolled back whole
                for junk in JUNK:
                    _update(widget, {key: junk})
            after = {k: json.dumps(widget.get_state(k)[k], sort_keys=True, default=str) for k in owned}
            assert after == before, type(widget).__name__
            for junk in JUNK:  # what the page may set, of the wrong kind: raises nothing (a lab refuses it in ``error``)
                _update(widget, {k: junk for k in widget.BROWSER_SETS if k in widget.keys})
            checked += 1
    assert checked


def test_a_game_stage_is_stored_once_whatever_the_page_says_its_phase_is(tmp_path, monkeypatch):
    """A student replayed a stage by sending phase=choose, number=0 (each replay stored again), jumped to the end
    with number=1000000, and crashed the kernel with number=-100 (an IndexError on the page)."""
    from kit.store import open_store
    from kit.widgets.manipulator_game import ManipulatorGame

    notebook = next(p for p in NOTEBOOKS if p.parent.name == "misinformation" and p.stem == "game")
    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(notebook.parent)
    lesson = Lesson("misinformation/game", params={"class": "9-9", "name": "replay"})
    game = next(w for top in _lesson_widgets(notebook, lesson) for w in _components(top)
                if isinstance(w, ManipulatorGame))
    game._handle_custom_msg({"action": "hello", "session": "r" * 32}, [])
    game._handle_custom_msg({"action": "choose", "index": 0}, [])
    for forged in ({"phase": "choose", "number": 0}, {"phase": "choose", "number": -100},
                   {"phase": "result", "number": 1_000_000}):
        _update(game, forged)
        game._handle_custom_msg({"action": "choose", "index": 1}, [])
    _update(game, {"phase": "result", "number": 1_000_000})
    game._handle_custom_msg({"action": "next"}, [])
    stored = [a.item for a in open_store().answers(lesson="misinformation/game")]
    assert len(stored) == len(set(stored)) == 1, stored
    assert game.number == 1  # the next stage, not the end


def test_the_teachers_choice_not_to_keep_posts_cannot_be_changed_from_the_page(tmp_path, monkeypatch):
    from kit.store import open_store
    from kit.widgets.post_checker import PostChecker

    notebook = next(p for p in NOTEBOOKS if p.parent.name == "defamation" and p.stem == "es34")
    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(notebook.parent)
    lesson = Lesson("defamation/es34", params={"class": "3-1", "name": "kodama"})
    checkers = [w for top in _lesson_widgets(notebook, lesson) for w in _components(top) if isinstance(w, PostChecker)]
    assert checkers and not any(c.store_text for c in checkers)
    for checker in checkers:
        _update(checker, {"store_text": True, "max_length": 10**6})
        checker._handle_custom_msg({"action": "hello", "session": "s" * 32}, [])
        checker._handle_custom_msg({"action": "check", "text": "秘密のテキスト しね"}, [])
        assert checker.store_text is False
    assert open_store().posts() == []
