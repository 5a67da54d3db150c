"""A student cannot forge identities in bulk from one tab: the first identity is the sitting's.

Found: several components took the ``hello`` message any number of times, so one kernel stored
answers under 50 made-up classes (2,000 rounds of new identity + answer). Now every component of a
lesson shares one ``kit.sitting.Sitting``: the first browser identity wins for the kernel's
lifetime, a later different one is ignored, and a sitting stores at most ``max_answers`` answers.
These tests drive the components' message handlers exactly as the page's messages arrive; the
served version of the same attack is in ``test_kernel_identity_served.py``.
"""

from __future__ import annotations

import json
import uuid

import pytest

from kit.lesson import Lesson
from kit.sitting import BASE_ANSWERS, Sitting
from tests.widgets.lesson_widgets import NOTEBOOKS, _components, _lesson_widgets

FIRST = {"action": "hello", "session": "a" * 32, "class_code": "3-1", "student": "kodama"}

# Every honest click of every component, so that each stores something after each new identity.
CLICKS = [
    {"action": "submit", "response": [0]}, {"action": "next"}, {"action": "choose", "index": 0},
    {"action": "pick", "role": "bystander"}, {"action": "choose", "option": "link"},
    {"action": "predict", "outcome": "crime"}, {"action": "reset"}, {"action": "restart"},
    {"action": "answer", "index": 0}, {"action": "check", "text": "うざい"},
]


def _handlers(tops):
    return [(w, w._on_browser_message) for top in tops for w in _components(top) if hasattr(w, "_on_browser_message")]


def _forged(i: int) -> dict:
    return {"action": "hello", "session": uuid.uuid4().hex, "class_code": f"fake-{i % 50}", "student": f"s{i}"}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_later_identities_from_the_same_tab_are_ignored(notebook, tmp_path, monkeypatch):
    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(notebook.parent)
    meta = json.loads(notebook.read_text("utf-8"))["metadata"]["netkit"]
    lesson = Lesson(meta["id"], params={})  # no identity in the link: the browser's is the one used
    tops = list(_lesson_widgets(notebook, lesson))
    for widget, handle in _handlers(tops):
        handle(widget, FIRST, [])
    handlers = _handlers(tops)  # once known, a quiz on matched forms shows its questions instead of 「準備中…」
    for i in range(40):  # rounds of new identity + answers, as the attack did
        for widget, handle in handlers:
            handle(widget, _forged(i), [])
            for click in CLICKS:
                handle(widget, click, [])
            for post in getattr(widget, "posts", None) or []:  # the discernment feed: judge its posts by their ids
                if isinstance(post, dict) and "id" in post:
                    handle(widget, {"action": "judge", "post": post["id"], "choice": "believe"}, [])

    from kit.store import open_store

    answers = open_store().answers(lesson=meta["id"])
    assert answers, "the lesson stored nothing"
    assert {(a.session, a.class_code, a.student) for a in answers} == {("a" * 32, "3-1", "kodama")}
    assert lesson.sitting.identified


def test_the_same_identity_again_is_accepted_and_the_link_still_wins():
    sitting = Sitting("f" * 32, class_code="2-3", student="")
    assert sitting.identify("a" * 32, "9-9", "kodama")  # the link's class wins, the nickname is the browser's
    assert sitting.identity() == {"session": "a" * 32, "class_code": "2-3", "student": "kodama"}
    assert sitting.identify("a" * 32, "9-9", "kodama")  # every component's page says it again: fine
    assert not sitting.identify("b" * 32, "2-3", "kodama")  # another browser's token: ignored
    assert not sitting.identify("a" * 32, "2-3", "someone")  # another nickname: ignored
    assert not sitting.identify("../../etc", "1-1", "x")  # not a token: ignored, and not "the first"
    assert sitting.identity() == {"session": "a" * 32, "class_code": "2-3", "student": "kodama"}


def test_a_sitting_stores_at_most_its_maximum(tmp_path, monkeypatch):
    """A post checker stores one answer per check: 2,000 checks from a console stop at the cap."""
    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path))
    lesson = Lesson("defamation-jh", params={"class": "3-1", "name": "kodama"})
    checker = lesson.post_checker(store_text=True)
    quiz = lesson.quiz("quizzes/defamation_basics.csv")
    assert lesson.sitting.max_answers == BASE_ANSWERS + 10 * len(quiz.whole.questions)
    for i in range(2000):
        checker._on_browser_message(checker, {"action": "check", "text": f"うざい {i}"}, [])

    from kit.store import open_store

    store = open_store()
    assert len(store.answers(lesson="defamation-jh")) == lesson.sitting.max_answers
    # The rest of the lesson still works: the page shows its feedback, nothing raised.
    assert checker.result["state"] == "checked"
