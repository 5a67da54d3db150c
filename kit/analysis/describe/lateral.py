"""A lateral-reading task (``lateral:<file id>:<task id>``) in words: the answer, and whether the student checked first.

The stored response is the answer's position, then the pages opened before answering
(``kit.models.lateral.response``); the words keep only whether the student left the post's page,
so answers that differ only in which pages were opened count together.
"""

from __future__ import annotations

from kit.analysis.describe.words import Described, child
from kit.content.lateral import LateralFile
from kit.models.lateral import from_response
from kit.text.ui import label


def describe(content: LateralFile, item: str, response: tuple[int, ...], lang: str) -> Described | None:
    """The task's question, and 「<the chosen answer>（先に調べた）」 or 「…（調べずに答えた）」."""
    task = child(content, content.tasks, item)
    score = from_response(task, response) if task is not None else None
    if score is None:
        return None
    how = label("item_lateral_left" if score.left_page else "item_lateral_stayed", lang)
    answer = task.options[response[0]].text.get(lang)
    return Described(task.question.get(lang), label("item_lateral_answer", lang, answer=answer, how=how))
