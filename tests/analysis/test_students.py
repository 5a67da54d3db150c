"""student_table: per-student counts, pre and post scores, and the needs_help rule."""

from __future__ import annotations

import math

from kit.analysis.frame import answers_frame
from kit.analysis.students import delayed_scores, student_table, with_delayed_scores
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


def test_the_booster_s_delayed_test_is_each_student_s_third_score():
    lesson = _sitting("あ", [False, False], [True, True]) + _sitting("い", [False, True], [True, False])
    lesson += [answer("q0", phase="post", session="う", student="う", class_code="2-4")]  # same nickname, other class
    booster = [answer(f"d{i}", correct=ok, phase="delayed", session="あ2", student="あ", lesson="demo-booster")
               for i, ok in enumerate([True, True, False, True])]  # a new browser: the nickname still matches
    booster += [answer("d0", correct=True, phase="delayed", session="う", student="う", lesson="demo-booster"),
                answer("x", correct=False, phase="practice", session="い", student="い", lesson="demo-booster")]
    scores = delayed_scores(answers_frame(booster))
    assert scores.to_dict() == {("2-3", "あ"): 0.75, ("2-3", "う"): 1.0}  # practice is no test
    table = with_delayed_scores(student_table(answers_frame(lesson)), scores).set_index("student_key")
    assert table.loc["あ", ["pre_score", "post_score", "delayed_score"]].tolist() == [0.0, 1.0, 0.75]
    assert math.isnan(table.loc["い", "delayed_score"])  # did not take the booster: the line ends at post
    assert math.isnan(table.loc["う", "delayed_score"])  # 2-4's う is not 2-3's う


def test_without_any_delayed_answer_every_third_score_is_empty():
    table = with_delayed_scores(student_table(answers_frame(_sitting("あ", [True], [True]))),
                                delayed_scores(answers_frame(_sitting("あ", [True], [False]))))
    assert table["delayed_score"].isna().all() and len(table) == 1
