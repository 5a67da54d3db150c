"""Which questions confused the class: per item and phase, the correct rate and the favourite wrong answer.

The favourite wrong answer is the wrong response chosen most often, as a whole: for a
multiple-choice item the set of choices a student ticked (in any order), for an order item the
sequence. Its share is out of every answer to the item, so "35%" reads as "35% of the class chose
this". With the questions at hand, responses are shown as choice texts (joined by "・", or by
"→" for an order item) and the item's own text is added; without them, as choice numbers.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from kit.analysis.frame import format_response, parse_response
from kit.content.quiz import Question, QuestionType

KEYS = ["lesson", "item", "phase"]
COLUMNS = KEYS + ["text", "n", "correct_rate", "top_wrong", "top_wrong_share", "top_wrong_response"]


def item_table(frame: pd.DataFrame, questions: Mapping[str, Question] | None = None, lang: str = "ja") -> pd.DataFrame:
    """Per (lesson, item, phase): answers, correct rate and most chosen wrong response, hardest first.

    Args:
        frame: Answers from ``answers_frame``.
        questions: The questions by id, to show texts instead of numbers; items not in it keep numbers.
        lang: "ja" or "en", the language of the texts.

    Returns:
        Columns ``COLUMNS``; ``top_wrong`` is empty and its share 0 when nobody answered wrongly.
        Rows are sorted by correct rate, lowest first.
    """
    questions = questions or {}
    rows = [_row(keys, answers, questions.get(keys[1]), lang) for keys, answers in frame.groupby(KEYS, sort=True)]
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["correct_rate", *KEYS], kind="stable").reset_index(drop=True)


def _row(keys: tuple, answers: pd.DataFrame, question: Question | None, lang: str) -> tuple:
    wrong = answers.loc[~answers["correct"], "response"].map(lambda r: _canonical(r, question))
    top = wrong.value_counts().sort_index().sort_values(ascending=False, kind="stable")  # ties: lowest numbers
    response, count = (top.index[0], int(top.iloc[0])) if len(top) else ("", 0)
    return (*keys, question.text.get(lang) if question else "", len(answers), float(answers["correct"].mean()),
            _label(response, question, lang), count / len(answers), response)


def _canonical(response: str, question: Question | None) -> str:
    """The same ticked set written one way, so "3;1" and "1;3" count together."""
    if question is not None and question.type is QuestionType.MULTIPLE:
        return format_response(sorted(parse_response(response)))
    return response


def _label(response: str, question: Question | None, lang: str) -> str:
    if not response or question is None:
        return response
    indices = parse_response(response)
    if any(not 0 <= i < len(question.choices) for i in indices):
        return response  # the bank changed since the answer was given
    joiner = "→" if question.type is QuestionType.ORDER else "・"
    return joiner.join(question.choices[i].text.get(lang) for i in indices)
