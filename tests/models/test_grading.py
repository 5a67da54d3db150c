"""Grading rules for every question type."""

from __future__ import annotations

import pytest

from kit.content import load_quiz
from kit.models.grading import ResponseError, grade
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def questions():
    return {q.id: q for q in load_quiz(FIXTURES / "datasets" / "quizzes" / "sample.csv").questions}


def test_single(questions):
    assert grade(questions["q-single"], [0]).correct
    wrong = grade(questions["q-single"], [1])
    assert not wrong.correct and wrong.feedback[0][1].ja == "言い返すと広がります。"


def test_multiple_needs_every_correct_choice_and_no_wrong_one(questions):
    q = questions["q-multi"]
    assert grade(q, [2, 0]).correct
    assert not grade(q, [0]).correct
    assert not grade(q, [0, 1, 2]).correct
    assert len(grade(q, [0, 1]).feedback) == 2


def test_truefalse(questions):
    assert grade(questions["q-tf"], [1]).correct
    assert not grade(questions["q-tf"], [0]).correct


def test_order_is_the_whole_sequence(questions):
    assert grade(questions["q-order"], [0, 1, 2]).correct
    assert not grade(questions["q-order"], [1, 0, 2]).correct


@pytest.mark.parametrize("response", [[], [0, 1], [7], ["x"], None, [-1]])
def test_impossible_responses_are_refused(questions, response):
    with pytest.raises(ResponseError):
        grade(questions["q-single"], response)


def test_order_must_list_every_choice(questions):
    with pytest.raises(ResponseError):
        grade(questions["q-order"], [0, 1])
