"""student_table: per-student counts, pre and post scores, and the needs_help rule."""

from __future__ import annotations

import math

from kit.analysis.frame import answers_frame
from kit.analysis.students import student_table
from tests.analysis.factories import answer


def _sitting(student, pre, post):
    """Answers of one student: ``pre``/``post`` are lists of correct flags for items q0, q1, …"""
    return ([answer(f"q{i}", correct=ok, phase="pre", session=student, student=student) for i, ok in enumerate(pre)]
            + [answer(f"q{i}", correct=ok, phase="post", session=student, student=student) for i, ok in enumerate(post)])


def test_scores_and_needs_help():
    # the class answered 4 items before and after: 8 item-phase slots, so fewer than 4 answers is "few"
    answers = (_sitting("あ", [True, False, False, False], [True, True, True, False])  # pre 1/4, post 3/4: fine
               + _sitting("い", [True, True, False, False], [True, False, False, False])  # post 1/4 < 0.5: help
               + _sitting("う", [True, True, False], []))  # 3 of 8 answered, no post: help
    table = student_table(answers_frame(answers)).set_index("student_key")
    assert table.loc["あ", ["answered", "correct", "pre_score", "post_score"]].tolist() == [8, 4, 0.25, 0.75]
    assert table.loc["い", "post_score"] == 0.25
    assert math.isnan(table.loc["う", "post_score"]) and table.loc["う", "pre_score"] == 2 / 3
    assert table["needs_help"].to_dict() == {"あ": False, "い": True, "う": True}


def test_half_of_the_items_is_not_too_few():
    # 2 slots in the class; answering 1 of them is exactly half, not fewer
    answers = [answer("q1", session="a"), answer("q2", session="a"), answer("q1", session="b")]
    table = student_table(answers_frame(answers)).set_index("student_key")
    assert not table["needs_help"].any()


def test_without_nickname_each_session_is_a_student():
    table = student_table(answers_frame([answer(session="x"), answer(session="y")]))
    assert list(table["student_key"]) == ["x", "y"] and list(table["student"]) == ["", ""]
