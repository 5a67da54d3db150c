"""A class experiment's result: each student's outcome by arm, the difference between arms and how sure it is.

Students were assigned one of two arms when they joined (``kit.store.assignments``, kept in the
store's ``assignments``). The outcome of a student is either ``careful`` — the share of their
timeline choices that were careful (checking, or not passing on what is untrue) — or
``post_score``, their post-test score. The effect is the second arm's mean minus the first arm's
(the treatment minus the control, as the lesson lists them), with a 95 % bootstrap interval over
students drawn within each arm (``kit.analysis.forms.mean_difference``). The sentence calls an
effect only with ``MIN_STUDENTS`` students in each arm and an interval that does not hold 0.
``experiment_figures`` puts the same in words for the teacher's table. ``experiment_rows`` is the export for a school's research report: one row per student, no names
needed beyond the nickname the class already uses; ``experiment_summary`` is its second table, one row per
class and lesson: each arm's students and mean, the difference with its interval, and the sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

from kit.analysis.bootstrap import SEED, Interval
from kit.analysis.explain import MIN_STUDENTS, tidy
from kit.analysis.forms import mean_difference

ROW_COLUMNS = ["class_code", "lesson", "experiment", "student", "session", "arm", "assigned_at", "outcome", "value"]
SUMMARY_COLUMNS = ["class_code", "lesson", "lesson_title", "experiment", "outcome", "first_arm", "first_students",
                   "first_mean", "second_arm", "second_students", "second_mean", "arm_difference", "arm_difference_low",
                   "arm_difference_high", "verdict"]


def experiment_rows(frame: pd.DataFrame, assignments: Iterable[Mapping], design: str, outcome: str) -> pd.DataFrame:
    """One row per assigned student: class, lesson, experiment, nickname, session, arm, when, outcome and its value.

    ``value`` is NaN for a student with no answer that counts for ``outcome`` (they left early).
    """
    kept = [a for a in assignments if a["design"] == design]
    values = outcome_values(frame, outcome)
    rows = [(a["class_code"], a["lesson"], design.split(":", 1)[-1], a["student"], a["session"], a["arm"],
             a["assigned_at"], outcome, values.get((a["lesson"], a["session"]), float("nan"))) for a in kept]
    return pd.DataFrame(rows, columns=ROW_COLUMNS)


def outcome_values(frame: pd.DataFrame, outcome: str) -> dict[tuple[str, str], float]:
    """(lesson, session) → the student's outcome: share of careful timeline choices, or post-test score."""
    if outcome == "careful":
        chosen = frame[frame["item"].str.startswith("timeline:")]
    else:
        chosen = frame[(frame["phase"] == "post") & ~frame["item"].str.contains(":", regex=False)]
    return chosen.groupby(["lesson", "session"])["correct"].mean().astype(float).to_dict()


def arm_effect(rows: pd.DataFrame, arms: tuple[str, str], seed: int = SEED) -> dict:
    """Per arm: students with a value and their mean; the effect (second − first arm) with its interval."""
    valued = rows.dropna(subset=["value"])
    first, second = (valued.loc[valued["arm"] == arm, "value"].to_numpy() for arm in arms)
    effect: Interval = mean_difference(second, first, seed)
    return {"arms": arms, "students": (len(first), len(second)),
            "means": (float(first.mean()) if len(first) else float("nan"), float(second.mean()) if len(second) else float("nan")),
            "effect": effect.estimate, "low": effect.low, "high": effect.high}


def experiment_summary(rows: pd.DataFrame, arms: tuple[str, str], labels: Mapping[str, str], outcome: str,
                       titles: Mapping[str, str] | None = None, lang: str = "ja", seed: int = SEED) -> pd.DataFrame:
    """One row per class and lesson of ``rows`` (``experiment_rows``): each arm's label, students and mean, the
    difference (second − first arm) with its 95% interval, and the teacher's sentence.

    Means and the difference are shares (0 to 1); a mean with no student is NaN, and so is the interval
    until each arm has two students with a value (as on the teacher's page).
    """
    found = []
    for (class_code, lesson), group in rows.groupby(["class_code", "lesson"], sort=True):
        result = arm_effect(group, arms, seed)
        interval = (result["low"], result["high"]) if min(result["students"]) >= 2 else (float("nan"), float("nan"))
        found.append((class_code, lesson, (titles or {}).get(lesson, lesson), group["experiment"].iloc[0],
                      _words()["outcomes"][outcome][lang], labels.get(arms[0], arms[0]), result["students"][0],
                      result["means"][0], labels.get(arms[1], arms[1]), result["students"][1], result["means"][1],
                      result["effect"], *interval, explain_experiment(result, labels, outcome, lang)))
    return pd.DataFrame(found, columns=SUMMARY_COLUMNS)


def explain_experiment(result: Mapping, labels: Mapping[str, str], outcome: str, lang: str = "ja") -> str:
    """One plain sentence: what the second arm did compared with the first, or why it cannot be said yet."""
    (a, b), (n_a, n_b) = result["arms"], result["students"]
    names = {"first": labels.get(a, a), "second": labels.get(b, b), "measure": _words()["outcomes"][outcome][lang]}
    if min(n_a, n_b) < MIN_STUDENTS:
        return _say("too_few", lang, n_first=n_a, n_second=n_b, min=MIN_STUDENTS, **names)
    low, high = result["low"], result["high"]
    verdict = "higher" if low > 0 else "lower" if high < 0 else "uncertain"
    return _say(verdict, lang, mean_first=result["means"][0] * 100, mean_second=result["means"][1] * 100,
                effect=result["effect"] * 100, low=low * 100, high=high * 100, **names)


def experiment_figures(result: Mapping, labels: Mapping[str, str], outcome: str, lang: str = "ja") -> dict:
    """The teacher's table in words: the mean's heading, each arm's mean, and the difference with its interval.

    A mean is "—" for an arm with no student to count; the interval is given only once each arm has
    two students with a value (one student's resampled mean is that student: no interval at all).
    """
    (a, b), means = result["arms"], result["means"]
    measure = _words()["outcomes"][outcome][lang]
    shown = ["—" if not np.isfinite(m) else f"{tidy(m * 100, 0):.0f}%" for m in means]
    effect = result["effect"]
    if not np.isfinite(effect):
        difference = "—"
    else:
        difference = _say("points", lang, effect=effect * 100)
        difference += _say("interval" if min(result["students"]) >= 2 else "no_interval", lang,
                           low=result["low"] * 100, high=result["high"] * 100)
    return {"mean_heading": _say("mean_heading", lang, measure=measure), "means": shown,
            "difference_heading": _say("difference", lang, first=labels.get(a, a), second=labels.get(b, b)),
            "difference": difference}


def _say(key: str, lang: str, **values) -> str:
    texts = _words()[key]
    tidied = {k: tidy(v, 0) if isinstance(v, float) and np.isfinite(v) else v for k, v in values.items()}
    return (texts.get(lang) or texts["ja"]).format(**tidied)


@cache
def _words() -> dict:
    import yaml

    return yaml.safe_load(resources.files("kit.analysis").joinpath("experiment.yaml").read_text("utf-8"))
