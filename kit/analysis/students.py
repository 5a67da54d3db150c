"""How each student did: answers, correct answers, pre and post scores, and who may need help.

A student is ``student_key`` (the nickname, else the session) within a class and lesson. A score
is the share of correct answers in a phase, empty when the student answered nothing in it. The
rule for ``needs_help`` is deliberately simple so a teacher can check it by eye: the post score is
below ``LOW_SCORE`` (0.5), or the student answered fewer than ``FEW_ANSWERS`` (half) of the
questions their class answered in this lesson (counted per item and phase, practice included),
which usually means they fell behind or left early. ``sittings`` counts the browser tokens a
nickname answered from in its class and lesson: more than one (``several_sittings``) means the
score may not be one student's — two classmates chose the same nickname, a student changed
device or cleared the browser, or someone else opened a link with that nickname.

``delayed_scores`` is the third score: the share of correct answers each student gave in the
delayed test of a booster lesson (phase ``delayed``), weeks later, scored like ``pre_score`` and
``post_score``. ``with_delayed_scores`` puts it beside a lesson's ``student_table`` as
``delayed_score``, matched by class and ``student_key`` (the booster is another lesson, so the
lesson is not part of the match); a student who did not take the booster gets NaN.
"""

from __future__ import annotations

import pandas as pd

LOW_SCORE = 0.5
FEW_ANSWERS = 0.5
KEYS = ["class_code", "lesson", "student_key"]
DELAYED = "delayed"  # the booster's test weeks later (kit.analysis.delayed)
COLUMNS = KEYS + ["student", "answered", "correct", "pre_score", "post_score", "needs_help", "sittings",
                  "several_sittings"]


def student_table(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per student, class and lesson.

    Args:
        frame: Answers from ``answers_frame``.

    Returns:
        Columns ``COLUMNS``; ``pre_score`` and ``post_score`` are NaN for a phase not answered.
    """
    groups = frame.groupby(KEYS, sort=True)
    table = pd.DataFrame({
        "student": groups["student"].first(),
        "answered": groups.size(),
        "correct": groups["correct"].sum().astype(int),
    })
    for phase in ("pre", "post"):
        table[f"{phase}_score"] = frame[frame["phase"] == phase].groupby(KEYS)["correct"].mean()
    slots = frame.drop_duplicates(["class_code", "lesson", "item", "phase"]).groupby(["class_code", "lesson"]).size()
    expected = slots.reindex(table.index.droplevel("student_key")).to_numpy()
    table["needs_help"] = (table["post_score"] < LOW_SCORE) | (table["answered"] < FEW_ANSWERS * expected)
    table["sittings"] = groups["session"].nunique().astype(int)
    table["several_sittings"] = table["sittings"] > 1
    return table.reset_index()[COLUMNS]


def delayed_scores(frame: pd.DataFrame) -> pd.Series:
    """Each student's share of correct answers in the delayed test, indexed by ``class_code`` and ``student_key``.

    Args:
        frame: Answers from ``answers_frame`` (any lessons; only phase ``delayed`` counts).

    Returns:
        One score (0–1) per student who answered the delayed test; empty when nobody did.
    """
    rows = frame[frame["phase"] == DELAYED]
    scores = rows.groupby(["class_code", "student_key"])["correct"].mean()
    return scores.rename("delayed_score").astype(float)


def with_delayed_scores(table: pd.DataFrame, scores: pd.Series) -> pd.DataFrame:
    """``student_table`` rows with a ``delayed_score`` column from ``delayed_scores`` (NaN: no booster taken)."""
    keys = pd.MultiIndex.from_frame(table[["class_code", "student_key"]])
    return table.assign(delayed_score=scores.reindex(keys).to_numpy(dtype=float) if len(scores) else float("nan"))
