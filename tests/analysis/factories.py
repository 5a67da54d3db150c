"""Small builders for answers and questions, so each test states only what it is about."""

from __future__ import annotations

from kit.content.quiz import Choice, Question, QuestionType
from kit.content.text import Text
from kit.store.records import Answer


def answer(item="q1", response=(0,), correct=True, phase="pre", session="s1", student="", class_code="2-3",
           lesson="demo", at="2024-05-01T01:00:00.000+00:00") -> Answer:
    """One answer with classroom-like defaults."""
    return Answer(lesson, item, tuple(response), correct, phase, session, student, class_code, at)


def question(qid, kind=QuestionType.SINGLE, answer=(0,), choices=("A", "B", "C")) -> Question:
    """A question whose choice texts are ``choices`` (English text "en:" + the same)."""
    if kind is QuestionType.TRUEFALSE:
        texts = (Text("○ 正しい", "○ True"), Text("× まちがい", "× False"))
    else:
        texts = tuple(Text(c, f"en:{c}") for c in choices)
    return Question(id=qid, type=kind, audience="student", text=Text(f"{qid}の問題文", f"{qid} text"),
                    choices=tuple(Choice(t) for t in texts), answer=tuple(answer), explanation=Text(""), source="test")


def truefalse(qid, true: bool) -> Question:
    """A ○× question whose statement is true (answer ○) or false (answer ×)."""
    return question(qid, QuestionType.TRUEFALSE, answer=(0,) if true else (1,))
