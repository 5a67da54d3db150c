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
"""

from __future__ import annotations

import pandas as pd

LOW_SCORE = 0.5
FEW_ANSWERS = 0.5
KEYS = ["class_code", "lesson", "student_key"]
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
