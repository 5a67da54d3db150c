"""Which questions confused the class: per item and phase, the correct rate and the favourite wrong answer.

The favourite wrong answer is the wrong response chosen most often, as a whole: for a
multiple-choice item the set of choices a student ticked (in any order), for an order item the
sequence. Its share is out of every answer to the item, so "35%" reads as "35% of the class chose
this". With the questions at hand, responses are shown as choice texts (joined by "・", or by
"→" for an order item) and the item's own text is added; without them, as choice numbers. Other
components' answers (a role-play choice, a lateral-reading task) are worded by ``describe``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import pandas as pd

from kit.analysis.frame import format_response, parse_response
from kit.content.quiz import Question, QuestionType

if TYPE_CHECKING:
    from kit.analysis.describe.words import Described

KEYS = ["lesson", "item", "phase"]
COLUMNS = KEYS + ["text", "n", "correct_rate", "top_wrong", "top_wrong_share", "top_wrong_response",
                  "top_choice", "top_choice_share"]

Describe = Callable[[str, str], "Described | None"]  # (item, response as "1;3") -> its words, None for a quiz question


def item_table(frame: pd.DataFrame, questions: Mapping[str, Question] | None = None, lang: str = "ja",
               describe: Describe | None = None) -> pd.DataFrame:
    """Per (lesson, item, phase): answers, correct rate and most chosen wrong response, hardest first.

    Args:
        frame: Answers from ``answers_frame``.
        questions: The questions by id, to show texts instead of numbers; items not in it keep numbers.
        lang: "ja" or "en", the language of the texts.
        describe: Other components' answers in words (``kit.analysis.describe``): their responses
            are counted together by their words, and an item that is not ``scored`` has no correct
            rate (NaN) and no wrong answer, only its most chosen one.

    Returns:
        Columns ``COLUMNS``; ``top_wrong`` is empty and its share 0 when nobody answered wrongly;
        ``top_choice`` is the most chosen response, right or wrong. Rows are sorted by correct
        rate, lowest first (items without one last).
    """
    questions = questions or {}
    rows = [_row(keys, answers, questions.get(keys[1]), lang, describe)
            for keys, answers in frame.groupby(KEYS, sort=True)]
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["correct_rate", *KEYS], kind="stable").reset_index(drop=True)


def _row(keys: tuple, answers: pd.DataFrame, question: Question | None, lang: str, describe: Describe | None) -> tuple:
    said = {r: describe(keys[1], r) for r in answers["response"].unique()} if question is None and describe else {}
    said = {r: d for r, d in said.items() if d is not None}
    if said:  # another component's answers, counted together by their words
        text = next((d.text for d in said.values() if d.from_file), next(iter(said.values())).text)
        scored = all(d.scored for d in said.values())
        group, words = (lambda r: said[r].answer if r in said else r), (lambda g: g)
    else:
        text, scored = question.text.get(lang) if question else "", True
        group, words = (lambda r: _canonical(r, question)), (lambda g: response_words(g, question, lang))
    n = len(answers)
    choice, choice_count, _ = _top(answers["response"], group, question)
    if not scored:
        return (*keys, text, n, math.nan, "", 0.0, "", words(choice), choice_count / n)
    wrong, wrong_count, raw = _top(answers.loc[~answers["correct"], "response"], group, question)
    return (*keys, text, n, float(answers["correct"].mean()), words(wrong) if wrong_count else "", wrong_count / n, raw,
            words(choice), choice_count / n)


def _top(responses: pd.Series, group: Callable[[str], str], question: Question | None) -> tuple[str, int, str]:
    """The most chosen group of ``responses``, how many chose it, and its most chosen response ("1;3"); ties: lowest first."""
    if responses.empty:
        return "", 0, ""
    groups = responses.map(group)
    top = _most(groups)
    raw = _most(responses[groups == top].map(lambda r: _canonical(r, question)))
    return top, int((groups == top).sum()), raw


def _most(values: pd.Series) -> str:
    counts = values.value_counts().sort_index().sort_values(ascending=False, kind="stable")
    return counts.index[0]


def _canonical(response: str, question: Question | None) -> str:
    """The same ticked set written one way, so "3;1" and "1;3" count together."""
    if question is not None and question.type is QuestionType.MULTIPLE:
        return format_response(sorted(parse_response(response)))
    return response


def response_words(response: str, question: Question | None, lang: str) -> str:
    """A response ("1;3") as its choices' texts in ``lang``: 「○ 正しい」, 「A・C」 (or 「B→A→C」 for an order item).

    Without the question, or when the bank changed since and a number names no choice, the numbers stay.
    """
    if not response or question is None:
        return response
    indices = parse_response(response)
    if any(not 0 <= i < len(question.choices) for i in indices):
        return response  # the bank changed since the answer was given
    joiner = "→" if question.type is QuestionType.ORDER else "・"
    return joiner.join(question.choices[i].text.get(lang) for i in indices)
