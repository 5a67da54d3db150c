"""Who took part: for each class and lesson, how many students answered and how much, per phase.

A student is counted once per class and lesson (``student_key``: the nickname, else the session),
in the total and in each phase they answered at least one question of.
"""

from __future__ import annotations

import pandas as pd

from kit.analysis.frame import PHASES

KEYS = ["class_code", "lesson"]


def participation_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Students and answers per class and lesson, in total and per phase.

    Args:
        frame: Answers from ``answers_frame``.

    Returns:
        One row per (class_code, lesson) with ``students`` and ``answers``, then
        ``students_<phase>`` and ``answers_<phase>`` for pre, post and practice.
    """
    groups = frame.groupby(KEYS, sort=True)
    table = pd.DataFrame({"students": groups["student_key"].nunique(), "answers": groups.size()})
    for phase in PHASES:
        in_phase = frame[frame["phase"] == phase].groupby(KEYS)
        table[f"students_{phase}"] = in_phase["student_key"].nunique()
        table[f"answers_{phase}"] = in_phase.size()
    counts = [c for c in table.columns if c not in KEYS]
    return table.fillna(0).astype({c: int for c in counts}).reset_index()
