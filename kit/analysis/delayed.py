"""Did it last: when a class is due for its booster, and its results right after the lesson beside weeks later.

Effects of a lesson against misinformation fade within weeks unless they are boosted (Maertens et
al. 2021; 2025), so each topic has a short booster lesson with a delayed test on fresh items of the
same forms. A class is due ``DUE_FROM`` to ``DUE_UNTIL`` days (2–6 weeks) after its post-test: the
day it last answered a lesson of the topic (the post-test comes last in every lesson). Its status is
``early`` (wait), ``due`` (now), ``late`` (later than the research suggests; a booster still helps)
or ``done`` (the class answered the booster after that lesson).

The delayed test is compared with the post-test per student, joined by class and ``student_key``
(the nickname, else the browser's token, kept across lessons): quiz scores (``score_retention``)
and, for the discernment feed, d′ and c (``discernment_retention``), each with a bootstrap interval
over students. Every function here is pure.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pandas as pd

from kit.analysis.bootstrap import SEED, mean_change
from kit.analysis.explain import MIN_STUDENTS, _say
from kit.analysis.sdt import change_table_by_truth

DUE_FROM = 14  # days after the post-test
DUE_UNTIL = 42
IMMEDIATE, DELAYED = "post", "delayed"


@dataclass(frozen=True)
class Due:
    """When one class's booster of one topic is due, and where it stands on ``today``."""

    class_code: str
    topic: str
    post_at: date
    due_from: date
    due_until: date
    status: str  # early | due | late | done
    days_left: int  # until due_from (early) or due_until (due); 0 otherwise


def booster_status(post_at: date, today: date, boosted_at: date | None = None) -> tuple[str, int]:
    """``(status, days)`` of a booster whose post-test was on ``post_at``; ``boosted_at`` the booster's last answer, if any."""
    if boosted_at is not None and boosted_at >= post_at:
        return "done", 0
    due_from, due_until = post_at + timedelta(days=DUE_FROM), post_at + timedelta(days=DUE_UNTIL)
    if today < due_from:
        return "early", (due_from - today).days
    if today <= due_until:
        return "due", (due_until - today).days
    return "late", 0


def booster_schedule(rows: Iterable[tuple[str, str, bool, date | datetime]], today: date) -> list[Due]:
    """Every class and topic with a lesson answered, and when its booster is due.

    Args:
        rows: ``(class_code, topic, is_booster, last answered)`` per class and lesson (the store's summary).
        today: The day to judge on (Japan time).

    Returns:
        One ``Due`` per class and topic that has a lesson other than the booster, due ones first.
    """
    lessons: dict[tuple[str, str], date] = {}
    boosters: dict[tuple[str, str], date] = {}
    for class_code, topic, is_booster, last in rows:
        day = last.date() if isinstance(last, datetime) else last
        target = boosters if is_booster else lessons
        key = (class_code, topic)
        target[key] = max(day, target.get(key, day))
    schedule = []
    for (class_code, topic), post_at in lessons.items():
        status, days = booster_status(post_at, today, boosters.get((class_code, topic)))
        schedule.append(Due(class_code, topic, post_at, post_at + timedelta(days=DUE_FROM),
                            post_at + timedelta(days=DUE_UNTIL), status, days))
    order = {"due": 0, "late": 1, "early": 2, "done": 3}
    return sorted(schedule, key=lambda d: (order[d.status], d.due_from, d.class_code, d.topic))


@dataclass(frozen=True)
class Retention:
    """Scores right after the lesson and weeks later, and the paired change with its interval."""

    immediate: float  # mean post-test score of the students who took it (0–1)
    delayed: float  # mean delayed-test score of the students who took it
    students_immediate: int
    students_delayed: int
    paired: int  # students with both
    change: float  # mean of delayed − immediate over paired students
    low: float
    high: float


def score_retention(frame: pd.DataFrame, counts: Callable[[str], bool] = lambda item: True,
                    seed: int = SEED) -> Retention:
    """Post-test and delayed-test scores of one class (``answers_frame`` rows of its lessons and booster).

    ``counts`` says which items make a score (e.g. quiz questions, not the discernment feed's posts).
    """
    rows = frame[frame["phase"].isin([IMMEDIATE, DELAYED]) & frame["item"].map(counts)]
    scores = rows.groupby(["student_key", "phase"])["correct"].mean().unstack("phase")
    scores = scores.reindex(columns=[IMMEDIATE, DELAYED])
    paired = scores.dropna()
    found = mean_change(paired[IMMEDIATE].to_numpy(), paired[DELAYED].to_numpy(), seed)
    return Retention(float(scores[IMMEDIATE].mean()), float(scores[DELAYED].mean()), int(scores[IMMEDIATE].notna().sum()),
                     int(scores[DELAYED].notna().sum()), len(paired), found.estimate, found.low, found.high)


def discernment_retention(frame: pd.DataFrame, truth: Mapping[str, bool], seed: int = SEED) -> pd.Series | None:
    """d′ and c right after (``…_pre``) and weeks later (``…_post``) with intervals, over the class's students; None without answers."""
    rows = frame[frame["item"].isin(truth.keys())].assign(lesson="")
    table = change_table_by_truth(rows, truth, phases=(IMMEDIATE, DELAYED), seed=seed, by=("class_code",))
    return None if table.empty else table.iloc[0]


def explain_retention(kept: Retention, lang: str = "ja") -> str:
    """One sentence: did the scores hold weeks later (and how sure is it)."""
    if kept.paired < MIN_STUDENTS or math.isnan(kept.low):
        return _say("kept_too_few", lang, n=kept.paired, min=MIN_STUDENTS)
    verdict = "up" if kept.low > 0 else "down" if kept.high < 0 else "same"
    return _say(f"kept_{verdict}", lang, digits=0, change=kept.change * 100, low=kept.low * 100, high=kept.high * 100)


def explain_discernment_kept(change: Mapping | None, lang: str = "ja") -> str:
    """One sentence: did telling true from false hold weeks later (d′ after the lesson → at the booster)."""
    if change is None or not all(_finite(change[f"d_prime_{p}"]) for p in ("pre", "post")):
        return _say("discern_kept_missing", lang)
    values = {"d_pre": change["d_prime_pre"], "d_post": change["d_prime_post"], "d_low": change["d_prime_change_low"],
              "d_high": change["d_prime_change_high"], "n": int(change["students_both"]), "min": MIN_STUDENTS}
    if values["n"] < MIN_STUDENTS:
        return _say("discern_kept_too_few", lang, **values)
    low, high = values["d_low"], values["d_high"]
    verdict = "up" if low > 0 else "down" if high < 0 else "same"
    return _say(f"discern_kept_{verdict}", lang, **values)


def _finite(value) -> bool:
    return value is not None and not math.isnan(float(value))
