"""Telling true from false on ○× items: hit and false-alarm rates, sensitivity d′ and bias c.

For each class, lesson and phase the answers to true/false items are pooled over students. A hit
is "○" on a true statement, a false alarm is "○" on a false one. Rates use the log-linear
correction (Hautus 1995): H = (hits + 0.5) / (true trials + 1) and F = (false alarms + 0.5) /
(false trials + 1), so neither is ever 0 or 1 and z stays finite. Then d′ = z(H) − z(F)
(how well the class tells true from false) and c = −(z(H) + z(F)) / 2 (above 0: leaning to "×",
sceptical; below 0: leaning to "○", credulous). Both are NaN when the phase had no true or no
false items answered. Only items the question bank marks as true/false are used.
"""

from __future__ import annotations

from collections.abc import Mapping
from statistics import NormalDist

import pandas as pd

from kit.content.quiz import Question, QuestionType

KEYS = ["class_code", "lesson", "phase"]
COLUMNS = KEYS + ["true_trials", "hits", "false_trials", "false_alarms", "hit_rate", "false_alarm_rate", "d_prime", "c"]
TRUE_RESPONSE = "1"  # choice 1 of a ○× item is ○, written 1-based as in answers_frame


def sdt_table(frame: pd.DataFrame, questions: Mapping[str, Question]) -> pd.DataFrame:
    """Signal detection measures per (class_code, lesson, phase) over the ○× items.

    Args:
        frame: Answers from ``answers_frame``.
        questions: The questions by id; only those of type TRUEFALSE are counted.

    Returns:
        Columns ``COLUMNS``: trial and response counts, corrected H and F, d′ and c.
    """
    truth = {qid: q.answer == (0,) for qid, q in questions.items() if q.type is QuestionType.TRUEFALSE}
    answers = frame[frame["item"].isin(truth.keys())]
    rows = []
    for keys, group in answers.groupby(KEYS, sort=True):
        is_true = group["item"].map(truth).astype(bool)
        said_true = group["response"] == TRUE_RESPONSE
        counts = (int(is_true.sum()), int((is_true & said_true).sum()),
                  int((~is_true).sum()), int((~is_true & said_true).sum()))
        rows.append((*keys, *counts, *sdt_measures(*counts)))
    return pd.DataFrame(rows, columns=COLUMNS)


def sdt_measures(true_trials: int, hits: int, false_trials: int, false_alarms: int) -> tuple[float, float, float, float]:
    """Corrected hit rate, false-alarm rate, d′ and c from counts (all NaN without both kinds of trial)."""
    if true_trials == 0 or false_trials == 0:
        return (float("nan"),) * 4
    hit_rate = (hits + 0.5) / (true_trials + 1)
    false_alarm_rate = (false_alarms + 0.5) / (false_trials + 1)
    z = NormalDist().inv_cdf
    return hit_rate, false_alarm_rate, z(hit_rate) - z(false_alarm_rate), -(z(hit_rate) + z(false_alarm_rate)) / 2
