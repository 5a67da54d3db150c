"""Did the lesson help: mean pre and post scores per class and lesson, the paired change, and Hake's gain.

Means of pre and post scores are over every student who answered that phase. The change and the
gain are over *paired* students only, those with both a pre and a post score, so students who
missed one phase do not tilt the comparison. The normalized gain of one student is
g = (post − pre) / (1 − pre), the share of the possible improvement they made (Hake 1998); it is
averaged over paired students whose pre score is below 1, because a student who already had
everything right has no room to gain and g is undefined for them. g can be negative (a student
who did worse) and is NaN when no paired student had room to gain. ``change_low`` and
``change_high`` bound the change with a bootstrap interval over the paired students
(``kit.analysis.bootstrap``); NaN without paired students.
"""

from __future__ import annotations

import pandas as pd

from kit.analysis.bootstrap import SEED, mean_change
from kit.analysis.students import student_table

KEYS = ["class_code", "lesson"]
COLUMNS = KEYS + ["pre_mean", "post_mean", "paired", "change_mean", "change_low", "change_high", "gain_students", "normalized_gain"]


def prepost_table(frame: pd.DataFrame, seed: int = SEED) -> pd.DataFrame:
    """Per class and lesson: pre and post means, paired count and change, normalized gain.

    Args:
        frame: Answers from ``answers_frame``.
        seed: The bootstrap's seed: the same answers and seed give the same interval.

    Returns:
        Columns ``COLUMNS``; ``gain_students`` is how many paired students had a pre score below 1.
    """
    students = student_table(frame)
    paired = students.dropna(subset=["pre_score", "post_score"]).assign(
        change=lambda s: s["post_score"] - s["pre_score"])
    room = paired[paired["pre_score"] < 1].assign(
        gain=lambda s: (s["post_score"] - s["pre_score"]) / (1 - s["pre_score"]))
    table = pd.DataFrame({
        "pre_mean": students.groupby(KEYS)["pre_score"].mean(),
        "post_mean": students.groupby(KEYS)["post_score"].mean(),
        "paired": paired.groupby(KEYS).size(),
        "change_mean": paired.groupby(KEYS)["change"].mean(),
        "gain_students": room.groupby(KEYS).size(),
        "normalized_gain": room.groupby(KEYS)["gain"].mean(),
    }, index=students.groupby(KEYS).size().index)
    bounds = {keys: mean_change(group["pre_score"].to_numpy(), group["post_score"].to_numpy(), seed)
              for keys, group in paired.groupby(KEYS)}
    table["change_low"] = [bounds[k].low if k in bounds else float("nan") for k in table.index]
    table["change_high"] = [bounds[k].high if k in bounds else float("nan") for k in table.index]
    table[["paired", "gain_students"]] = table[["paired", "gain_students"]].fillna(0).astype(int)
    return table.reset_index()[COLUMNS]
