"""Telling true from false on ○× items: hit and false-alarm rates, sensitivity d′ and bias c.

For each class, lesson and phase the answers to true/false items are pooled over students. A hit
is "○" on a true statement, a false alarm is "○" on a false one. Rates use the log-linear
correction (Hautus 1995): H = (hits + 0.5) / (true trials + 1) and F = (false alarms + 0.5) /
(false trials + 1), so neither is ever 0 or 1 and z stays finite. Then d′ = z(H) − z(F)
(how well the class tells true from false) and c = −(z(H) + z(F)) / 2 (above 0: leaning to "×",
sceptical; below 0: leaning to "○", credulous). Both are NaN when the phase had no true or no
false items answered. Only items the question bank marks as true/false are used.

``sdt_change_table`` adds how sure each figure is: d′ and c before and after and their change,
each with a bootstrap interval over students (``kit.analysis.bootstrap``), and how many students
answered ○× items both before and after.
"""

from __future__ import annotations

from collections.abc import Mapping
from statistics import NormalDist

import numpy as np
import pandas as pd

from kit.analysis.bootstrap import SEED, sdt_intervals
from kit.content.quiz import Question, QuestionType

KEYS = ["class_code", "lesson", "phase"]
COLUMNS = KEYS + ["true_trials", "hits", "false_trials", "false_alarms", "hit_rate", "false_alarm_rate", "d_prime", "c"]
MEASURES = [f"{m}_{p}" for m in ("d_prime", "c") for p in ("pre", "post", "change")]
CHANGE_COLUMNS = ["class_code", "lesson", "students_both"] + [f"{m}{end}" for m in MEASURES for end in ("", "_low", "_high")]
COUNTS = ["true_trials", "hits", "false_trials", "false_alarms"]
TRUE_RESPONSE = "1"  # choice 1 of a ○× item is ○, written 1-based as in answers_frame


def sdt_table(frame: pd.DataFrame, questions: Mapping[str, Question]) -> pd.DataFrame:
    """Signal detection measures per (class_code, lesson, phase) over the ○× items.

    Args:
        frame: Answers from ``answers_frame``.
        questions: The questions by id; only those of type TRUEFALSE are counted.

    Returns:
        Columns ``COLUMNS``: trial and response counts, corrected H and F, d′ and c.
    """
    return sdt_table_by_truth(frame, truth_of(questions))


def sdt_table_by_truth(frame: pd.DataFrame, truth: Mapping[str, bool]) -> pd.DataFrame:
    """``sdt_table`` for any items whose truth is known (item id → true), e.g. a discernment feed's posts."""
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


def sdt_change_table(frame: pd.DataFrame, questions: Mapping[str, Question], seed: int = SEED) -> pd.DataFrame:
    """Per (class_code, lesson): d′ and c before, after and their change, each with its interval.

    Every student who answered a ○× item in either phase is drawn (with no trials in a phase they
    skipped), so the estimates are those of ``sdt_table``. ``students_both`` counts the students
    with ○× answers before and after: the class size that says whether a change can be judged.

    Returns:
        Columns ``CHANGE_COLUMNS``: for each of ``MEASURES`` the estimate and ``_low`` / ``_high``.
    """
    return change_table_by_truth(frame, truth_of(questions), seed=seed)


def change_table_by_truth(frame: pd.DataFrame, truth: Mapping[str, bool], phases: tuple[str, str] = ("pre", "post"),
                          seed: int = SEED, by: tuple[str, ...] = ("class_code", "lesson")) -> pd.DataFrame:
    """``sdt_change_table`` for any items whose truth is known (item id → true), between any two phases.

    The columns keep the names ``…_pre`` and ``…_post`` for the first and the second of ``phases``
    (a delayed test compares "post" with "delayed"); ``by`` says what a row is.
    """
    counts = counts_by_truth(frame, truth, phases, by)
    rows = []
    for keys, group in counts.groupby(list(by), sort=True):
        pre, post = group[[f"pre_{c}" for c in COUNTS]].to_numpy(), group[[f"post_{c}" for c in COUNTS]].to_numpy()
        both = int(((pre[:, 0] + pre[:, 2] > 0) & (post[:, 0] + post[:, 2] > 0)).sum())
        found = sdt_intervals(pre, post, seed)
        rows.append((*(keys if isinstance(keys, tuple) else (keys,)), both,
                     *(v for m in MEASURES for v in (found[m].estimate, found[m].low, found[m].high))))
    return pd.DataFrame(rows, columns=[*by, *CHANGE_COLUMNS[2:]])


def student_counts(frame: pd.DataFrame, questions: Mapping[str, Question]) -> pd.DataFrame:
    """One row per (class_code, lesson, student_key): ``COUNTS`` before (``pre_…``) and after (``post_…``)."""
    return counts_by_truth(frame, truth_of(questions))


def counts_by_truth(frame: pd.DataFrame, truth: Mapping[str, bool], phases: tuple[str, str] = ("pre", "post"),
                    by: tuple[str, ...] = ("class_code", "lesson")) -> pd.DataFrame:
    """One row per student (``by`` and ``student_key``): ``COUNTS`` in the first phase (``pre_…``) and the second (``post_…``)."""
    answers = frame[frame["item"].isin(truth.keys()) & frame["phase"].isin(phases)]
    is_true = answers["item"].map(truth).astype(bool)
    said_true = answers["response"] == TRUE_RESPONSE
    marks = pd.DataFrame({"true_trials": is_true, "hits": is_true & said_true, "false_trials": ~is_true,
                          "false_alarms": ~is_true & said_true}).astype(int)
    step = answers["phase"].map({phases[0]: "pre", phases[1]: "post"})
    keys = [*(answers[k] for k in by), answers["student_key"], step.rename("phase")]
    summed = marks.groupby(keys).sum().unstack("phase", fill_value=0)
    columns = [f"{phase}_{count}" for phase in ("pre", "post") for count in COUNTS]
    if summed.empty:
        return pd.DataFrame(columns=[*by, "student_key", *columns])
    summed.columns = [f"{phase}_{count}" for count, phase in summed.columns]
    return summed.reindex(columns=columns, fill_value=0).astype(np.int64).reset_index()


def truth_of(questions: Mapping[str, Question]) -> dict[str, bool]:
    """The ○× questions' ids → whether the statement is true (its answer is ○)."""
    return {qid: q.answer == (0,) for qid, q in questions.items() if q.type is QuestionType.TRUEFALSE}
