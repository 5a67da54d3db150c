"""Grading a quiz answer: a pure function of the question and the student's response.

No widget imports here: the same rule serves the lesson, the tests and the results analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.content.quiz import Question, QuestionType
from kit.content.text import Text


class ResponseError(ValueError):
    """A response that cannot be an answer to the question (wrong shape or choice numbers)."""


@dataclass(frozen=True)
class Grade:
    """The verdict on one response, and what to show the student after it."""

    correct: bool
    response: tuple[int, ...]
    feedback: tuple[tuple[int, Text], ...]  # (choice index, its feedback) for each chosen choice
    correct_choices: tuple[int, ...]
    explanation: Text


def check_response(question: Question, response) -> tuple[int, ...]:
    """``response`` as a tuple of choice indices, or ``ResponseError`` if it cannot be one."""
    try:
        picked = tuple(int(i) for i in response)
    except (TypeError, ValueError):
        raise ResponseError("response must be a list of choice indices") from None
    n = len(question.choices)
    if any(not 0 <= i < n for i in picked) or len(set(picked)) != len(picked):
        raise ResponseError(f"choice indices must be distinct and between 0 and {n - 1}")
    if question.type in (QuestionType.SINGLE, QuestionType.TRUEFALSE) and len(picked) != 1:
        raise ResponseError("pick exactly one choice")
    if question.type is QuestionType.MULTIPLE and not picked:
        raise ResponseError("pick at least one choice")
    if question.type is QuestionType.ORDER and sorted(picked) != list(range(n)):
        raise ResponseError("an order answer lists every choice once")
    return picked


def grade(question: Question, response) -> Grade:
    """Grade ``response`` (choice indices; for ORDER the sequence) against ``question``."""
    picked = check_response(question, response)
    if question.type is QuestionType.MULTIPLE:
        correct = set(picked) == set(question.answer)
    else:
        correct = picked == question.answer
    shown = () if question.type is QuestionType.ORDER else tuple(
        (i, question.choices[i].feedback) for i in picked if question.choices[i].feedback.ja
    )
    return Grade(correct, picked, shown, question.answer, question.explanation)
