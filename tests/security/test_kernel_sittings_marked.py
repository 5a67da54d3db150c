"""A nickname answered from more than one sitting is marked on the teacher's dashboard.

Found: a second kernel opened with ``?class=2-3&name=12`` changed student 12's score without a
trace. A link's nickname cannot be proved to be the student's, so the dashboard now says when a
nickname's answers in a class and lesson came from more than one browser token (sitting):
「複数の端末から回答があります」, so a teacher knows the score may not be one student's.
"""

from __future__ import annotations

import time
import uuid

from kit.analysis import answers_frame, student_table
from kit.serve.report import build_report
from kit.store.records import Answer
from tests.security.lesson_tab import LessonTab


def answer(session: str, student: str, item: str = "q1", correct: bool = True) -> Answer:
    return Answer(lesson="defamation-basics", item=item, response=(0,), correct=correct, phase="post",
                  session=session, student=student, class_code="2-3")


def test_the_table_of_students_counts_each_nickname_s_sittings(tmp_path):
    answers = [answer("a" * 32, "12"), answer("b" * 32, "12", "q2", False), answer("c" * 32, "7")]
    table = student_table(answers_frame(answers)).set_index("student")
    assert table.loc["12", "sittings"] == 2 and bool(table.loc["12", "several_sittings"])
    assert table.loc["7", "sittings"] == 1 and not bool(table.loc["7", "several_sittings"])
    report = build_report(answers, tmp_path)
    marks = {s["name"]: s["several"] for s in report["students"]}
    assert "複数の端末から回答があります" in marks["12"] and marks["7"] == ""
    assert "more than one device" in {s["name"]: s["several"] for s in build_report(answers, tmp_path, "en")["students"]}["12"]


def _question_card(tab, deadline: float = 120) -> str:
    """The quiz card that shows a question: once the hello made the student known, the quiz shows their form."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        for comm_id, state in tab.widget_states().items():
            if "result" in state and state.get("question"):
                return comm_id
        time.sleep(0.5)
    raise AssertionError("no quiz card showed a question after the hello")


def test_a_second_kernel_answering_as_a_classmate_is_marked_on_the_dashboard(served, teacher):
    for _ in range(2):  # the student's own tab, then someone else's opened with the same link
        tab = LessonTab(served.url, "defamation/basics.ipynb", "class=2-3&name=12")
        try:
            waiting = tab.component("question", "result")  # 「準備中…」 until the student's matched form is known
            tab.custom(waiting, {"action": "hello", "session": uuid.uuid4().hex, "class_code": "", "student": ""})
            card = _question_card(tab)
            tab.custom(card, {"action": "submit", "response": [0]})
            tab.wait_for(lambda m, c=card: m["header"]["msg_type"] == "comm_msg" and m["content"].get("comm_id") == c
                         and m["content"]["data"].get("state", {}).get("result"))
        finally:
            tab.close()
    page = teacher.get("teacher/?class=2-3&lesson=defamation-basics")
    assert page.status == 200
    row = next(line for line in page.text.splitlines() if "<td>12" in line)
    assert "複数の端末から回答があります" in row
