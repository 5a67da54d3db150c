"""A shared device (an iPad cart): the next student's link in the same browser starts a new sitting.

Found: aoi, then ren (3-1), then sora (3-2) opened ``defamation/es34`` in one browser; ren started at
question 2/4 and sora at 3/4, continuing aoi's sitting, because earlier answers were found by the
browser's token alone. Now they are found by the token with the class and nickname; aoi reloading
still resumes.
"""

from __future__ import annotations

import time

from tests.security.lesson_tab import LessonTab

TOKEN = "5a" * 16  # the browser's token: the same in every tab of this browser


def _question(tab, deadline: float = 120) -> tuple[str, dict]:
    """The quiz card asking its question (not yet answered), once the hello made the student known, and its state."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        for comm_id, state in tab.widget_states().items():
            if "result" in state and state.get("question") and state.get("progress") and not state["result"]:
                return comm_id, state
        time.sleep(0.5)
    raise AssertionError("no quiz card showed a question after the hello")


def _sit(served, query: str, answer: bool) -> str:
    """Open the lesson as ``query`` in this browser, say hello, answer the question shown if ``answer``; its progress."""
    tab = LessonTab(served.url, "defamation/es34.ipynb", query)
    try:
        card = tab.component("question", "result")
        tab.custom(card, {"action": "hello", "session": TOKEN, "class_code": "3-1", "student": "aoi"})
        card, state = _question(tab)
        if answer:
            tab.custom(card, {"action": "submit", "response": [0]})
            tab.wait_for(lambda m: m["header"]["msg_type"] == "comm_msg" and m["content"].get("comm_id") == card
                         and m["content"]["data"].get("state", {}).get("result"))
        return state["progress"]
    finally:
        tab.close()


def test_the_next_student_on_a_shared_device_starts_afresh_and_a_reload_resumes(served):
    first = _sit(served, "class=3-1&name=aoi", answer=True)
    assert first.startswith("1 /"), first
    assert _sit(served, "class=3-1&name=ren", answer=True).startswith("1 /")  # not aoi's 2/4
    assert _sit(served, "class=3-2&name=sora", answer=False).startswith("1 /")  # not 3/4
    assert _sit(served, "class=3-1&name=aoi", answer=False).startswith("2 /")  # aoi reloading resumes
