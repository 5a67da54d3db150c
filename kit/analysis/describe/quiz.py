"""A quiz answer (the question's id, response: the choices ticked or their order) in words."""

from __future__ import annotations

from kit.analysis.describe.words import Described
from kit.content.quiz import QuestionType, QuizBank
from kit.text.ui import label


def describe(content: QuizBank | tuple, item: str, response: tuple[int, ...], lang: str) -> Described | None:
    """The question's text, and the chosen choices' texts (joined by 「・」, or by 「→」 for an order question)."""
    bank = content[0] if isinstance(content, tuple) else content  # the lesson's loader gives (bank, problems)
    question = next((q for q in bank.questions if q.id == item), None)
    if question is None or not response or any(not 0 <= i < len(question.choices) for i in response):
        return None
    joiner = "→" if question.type is QuestionType.ORDER else label("item_and", lang)
    return Described(question.text.get(lang), joiner.join(question.choices[i].text.get(lang) for i in response))
