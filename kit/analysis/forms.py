"""Pre and post on matched forms: the change with the two forms' difficulty taken out, and how hard each form is.

Half the class takes form A before the lesson and B after it, half the other way round
(``kit.content.forms``). A student's order is read from their answers: the form of the items they
answered before and after. The *balanced change* is the mean of the two orders' mean changes, so
whichever form is easier adds to one order's change what it takes from the other's, and cancels
(a class of 14 AB and 10 BA still counts both orders equally). Its 95 % interval is a bootstrap
over students drawn within their order (``kit.analysis.bootstrap``). The *form gap* compares the
two forms where the class took them under the same conditions, before the lesson: the pre score of
students who began with A minus that of those who began with B; an interval across 0 means the
forms were as hard as each other, as far as this class can tell. Every function is pure: answers
in, tables and sentences out, for the teacher's page and its pictures.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

from kit.analysis.bootstrap import DRAWS, SEED, Interval, draws, percentile_interval
from kit.analysis.explain import MIN_STUDENTS, tidy

KEYS = ["class_code", "lesson"]
ORDER_COLUMNS = KEYS + ["order", "students", "pre_mean", "post_mean", "change_mean"]
BALANCED_COLUMNS = KEYS + ["orders", "students", "change", "change_low", "change_high",
                           "form_gap", "form_gap_low", "form_gap_high", "first_form", "second_form"]


def student_orders(frame: pd.DataFrame, form_of: Mapping[str, str]) -> pd.DataFrame:
    """One row per sitting that answered on a form both before and after: its order and its two scores.

    Args:
        frame: Answers from ``answers_frame``.
        form_of: The form of each quiz item (``form_of_items``); items without a form are left out.

    Returns:
        Columns class_code, lesson, session, order ("AB"), pre_score, post_score.
    """
    tagged = frame.assign(form=frame["item"].map(form_of)).dropna(subset=["form"])
    tagged = tagged[tagged["phase"].isin(["pre", "post"])]
    keys = KEYS + ["session", "phase"]
    by_phase = tagged.groupby(keys).agg(form=("form", "first"), forms=("form", "nunique"), score=("correct", "mean"))
    by_phase = by_phase[by_phase["forms"] == 1].reset_index()  # a sitting that saw two forms in one phase: left out
    wide = by_phase.pivot_table(index=KEYS + ["session"], columns="phase", values=["form", "score"], aggfunc="first")
    if wide.empty or ("form", "pre") not in wide or ("form", "post") not in wide:
        return pd.DataFrame(columns=KEYS + ["session", "order", "pre_score", "post_score"])
    wide = wide.dropna()
    table = pd.DataFrame({"order": wide[("form", "pre")] + wide[("form", "post")],
                          "pre_score": wide[("score", "pre")].astype(float),
                          "post_score": wide[("score", "post")].astype(float)}).reset_index()
    return table[table["order"].str[0] != table["order"].str[1]].reset_index(drop=True)


def order_table(frame: pd.DataFrame, form_of: Mapping[str, str]) -> pd.DataFrame:
    """Per class, lesson and order: how many students, their mean pre and post scores and mean change."""
    students = student_orders(frame, form_of).assign(change=lambda s: s["post_score"] - s["pre_score"])
    groups = students.groupby(KEYS + ["order"])
    table = pd.DataFrame({"students": groups.size(), "pre_mean": groups["pre_score"].mean(),
                          "post_mean": groups["post_score"].mean(), "change_mean": groups["change"].mean()})
    return table.reset_index().reindex(columns=ORDER_COLUMNS)


def balanced_table(frame: pd.DataFrame, form_of: Mapping[str, str], seed: int = SEED) -> pd.DataFrame:
    """Per class and lesson: the balanced change over both orders and the form gap, each with its interval.

    ``change`` is NaN unless both orders have students; ``form_gap`` is first form minus second form
    (A − B), pre scores only.
    """
    students = student_orders(frame, form_of)
    rows = []
    for (class_code, lesson), group in students.groupby(KEYS):
        orders = sorted(group["order"].unique())
        changes = [(g["post_score"] - g["pre_score"]).to_numpy() for _, g in group.groupby("order")]
        change = balanced_change(changes, seed) if len(orders) >= 2 else Interval(float("nan"), float("nan"), float("nan"))
        first, second = sorted({o[0] for o in orders} | {o[1] for o in orders})[:2]
        gap = mean_difference(group.loc[group["order"].str[0] == first, "pre_score"].to_numpy(),
                              group.loc[group["order"].str[0] == second, "pre_score"].to_numpy(), seed)
        rows.append((class_code, lesson, "/".join(orders), len(group), change.estimate, change.low, change.high,
                     gap.estimate, gap.low, gap.high, first, second))
    return pd.DataFrame(rows, columns=BALANCED_COLUMNS)


def balanced_change(changes: list[np.ndarray], seed: int = SEED, count: int = DRAWS) -> Interval:
    """The mean over orders of each order's mean change, with a bootstrap drawn within each order."""
    changes = [np.asarray(c, dtype=float) for c in changes if len(c)]
    if not changes:
        return Interval(float("nan"), float("nan"), float("nan"))
    estimate = float(np.mean([c.mean() for c in changes]))
    samples = np.mean([c[draws(len(c), seed + k, count)].mean(axis=1) for k, c in enumerate(changes)], axis=0)
    return percentile_interval(estimate, samples)


def mean_difference(first: np.ndarray, second: np.ndarray, seed: int = SEED, count: int = DRAWS) -> Interval:
    """Mean of ``first`` minus mean of ``second`` (two separate groups of students), with its interval."""
    first, second = np.asarray(first, dtype=float), np.asarray(second, dtype=float)
    if not len(first) or not len(second):
        return Interval(float("nan"), float("nan"), float("nan"))
    samples = first[draws(len(first), seed, count)].mean(axis=1) - second[draws(len(second), seed + 1, count)].mean(axis=1)
    return percentile_interval(float(first.mean() - second.mean()), samples)


def form_of_items(questions: Mapping) -> dict[str, str]:
    """item id → form letter, for the questions that belong to a form (``Question.form``)."""
    return {qid: q.form for qid, q in questions.items() if getattr(q, "form", "")}


def explain_forms(row: Mapping | None, lang: str = "ja") -> list[str]:
    """Plain sentences on a ``balanced_table`` row: the balanced change, then whether the forms were as hard."""
    if row is None:
        return []
    n = int(row["students"])
    if n < MIN_STUDENTS:
        return [_say("too_few", lang, n=n, min=MIN_STUDENTS)]
    sentences = []
    if not np.isfinite(row["change"]):
        sentences.append(_say("orders_missing", lang))
    else:
        low, high = row["change_low"], row["change_high"]
        verdict = "up" if low > 0 else "down" if high < 0 else "uncertain"
        sentences.append(_say(f"change_{verdict}", lang, change=row["change"] * 100, low=low * 100, high=high * 100))
    if np.isfinite(row["form_gap"]):
        low, high = row["form_gap_low"], row["form_gap_high"]
        verdict = "easier" if low > 0 else "harder" if high < 0 else "none"
        sentences.append(_say(f"gap_{verdict}", lang, first=row["first_form"], second=row["second_form"],
                              gap=row["form_gap"] * 100, gap_abs=abs(row["form_gap"]) * 100, low=low * 100, high=high * 100))
    return sentences


def _say(key: str, lang: str, **values) -> str:
    texts = _words()[key]
    tidied = {k: tidy(v, 0) if isinstance(v, float) else v for k, v in values.items()}
    return (texts.get(lang) or texts["ja"]).format(**tidied)


@cache
def _words() -> dict:
    import yaml

    return yaml.safe_load(resources.files("kit.analysis").joinpath("forms.yaml").read_text("utf-8"))
