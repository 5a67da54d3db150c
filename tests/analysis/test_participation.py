"""participation: students and answers per class, lesson and phase."""

from __future__ import annotations

from kit.analysis.frame import answers_frame
from kit.analysis.participation import participation_table
from tests.analysis.factories import answer


def test_counts_students_once_and_answers_per_phase():
    answers = [
        # class 2-3: たろう answers two items before and one after, across two sessions (a reload)
        answer("q1", session="a", student="たろう"), answer("q2", session="a", student="たろう"),
        answer("q1", session="b", student="たろう", phase="post"),
        # a student without a nickname is known by the session
        answer("q1", session="c"),
        # another class is counted apart
        answer("q1", session="d", class_code="2-4", phase="practice"),
    ]
    table = participation_table(answers_frame(answers)).set_index("class_code")
    assert table.loc["2-3", ["students", "answers"]].tolist() == [2, 4]
    assert table.loc["2-3", ["students_pre", "answers_pre", "students_post", "answers_post"]].tolist() == [2, 3, 1, 1]
    assert table.loc["2-3", "answers_practice"] == 0
    assert table.loc["2-4", ["students", "answers", "students_practice"]].tolist() == [1, 1, 1]


def test_no_answers_no_rows():
    assert participation_table(answers_frame([])).empty
