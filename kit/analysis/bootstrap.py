"""How sure a class's change is: percentile bootstrap intervals over students, seeded and repeatable.

A class is a small sample of students, so a change from before to after the lesson could be
chance. The bootstrap draws the class again ``DRAWS`` times, each time picking as many students as
it has, with replacement (a student may come twice, another not at all), recomputes the figure on
each draw, and takes the middle ``LEVEL`` (95 %) of the results as the interval. Students, not
answers, are drawn, because one student's answers hang together. The generator is seeded
(``SEED``), so the same answers always give the same interval — on the page, in an export and in
a test. Every function here is pure and takes plain numpy arrays.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

SEED = 20261202
DRAWS = 2000
LEVEL = 0.95


@dataclass(frozen=True)
class Interval:
    """A figure from the whole class (``estimate``) and its bootstrap interval ``low``–``high``."""

    estimate: float
    low: float
    high: float

    @property
    def crosses_zero(self) -> bool:
        """Whether the interval holds 0 (or is unknown): then the sign of the change is not settled."""
        return not (self.low > 0 or self.high < 0)


NAN_INTERVAL = Interval(float("nan"), float("nan"), float("nan"))


def draws(students: int, seed: int = SEED, count: int = DRAWS) -> np.ndarray:
    """Row ``k`` holds the students (as row numbers) drawn in the ``k``-th resample: shape (count, students)."""
    return np.random.default_rng(seed).integers(0, students, size=(count, students))


def percentile_interval(estimate: float, samples: np.ndarray, level: float = LEVEL) -> Interval:
    """The middle ``level`` of ``samples`` around ``estimate`` (draws that gave no value are left out)."""
    kept = samples[np.isfinite(samples)]
    if kept.size == 0 or not np.isfinite(estimate):
        return Interval(float(estimate), float("nan"), float("nan"))
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(kept, [tail, 100 - tail])
    return Interval(float(estimate), float(low), float(high))


def mean_change(pre: np.ndarray, post: np.ndarray, seed: int = SEED, count: int = DRAWS) -> Interval:
    """The mean of ``post − pre`` over paired students, with its interval.

    Args:
        pre, post: One score per student, same order; only students with both belong here.
        seed, count: The generator's seed and the number of resamples.
    """
    change = np.asarray(post, dtype=float) - np.asarray(pre, dtype=float)
    if change.size == 0:
        return NAN_INTERVAL
    return percentile_interval(float(change.mean()), change[draws(change.size, seed, count)].mean(axis=1))


def sdt_from_counts(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """d′ and c from pooled counts ``[..., (true_trials, hits, false_trials, false_alarms)]``.

    The same log-linear correction as ``kit.analysis.sdt.sdt_measures``; NaN where a kind of trial is missing.
    """
    counts = np.asarray(counts, dtype=float)
    true_trials, hits, false_trials, false_alarms = (counts[..., k] for k in range(4))
    with np.errstate(invalid="ignore", divide="ignore"):
        hit_rate = np.where(true_trials > 0, (hits + 0.5) / (true_trials + 1), np.nan)
        false_alarm_rate = np.where(false_trials > 0, (false_alarms + 0.5) / (false_trials + 1), np.nan)
    z_hit, z_false = _z(hit_rate), _z(false_alarm_rate)
    return z_hit - z_false, -(z_hit + z_false) / 2


def sdt_intervals(pre: np.ndarray, post: np.ndarray, seed: int = SEED, count: int = DRAWS) -> dict[str, Interval]:
    """d′ and c before, after and their change, each with its interval, drawing students.

    Args:
        pre, post: Per student (same rows) the counts ``(true_trials, hits, false_trials,
            false_alarms)`` on ○× items before and after; shape (students, 4).

    Returns:
        ``d_prime_pre``, ``d_prime_post``, ``d_prime_change``, ``c_pre``, ``c_post``, ``c_change``.
    """
    pre, post = np.asarray(pre, dtype=float).reshape(-1, 4), np.asarray(post, dtype=float).reshape(-1, 4)
    if pre.shape[0] == 0:
        return {f"{m}_{p}": NAN_INTERVAL for m in ("d_prime", "c") for p in ("pre", "post", "change")}
    rows = draws(pre.shape[0], seed, count)
    d_pre, c_pre = sdt_from_counts(pre.sum(axis=0))
    d_post, c_post = sdt_from_counts(post.sum(axis=0))
    sample_d_pre, sample_c_pre = sdt_from_counts(pre[rows].sum(axis=1))
    sample_d_post, sample_c_post = sdt_from_counts(post[rows].sum(axis=1))
    return {
        "d_prime_pre": percentile_interval(float(d_pre), sample_d_pre),
        "d_prime_post": percentile_interval(float(d_post), sample_d_post),
        "d_prime_change": percentile_interval(float(d_post - d_pre), sample_d_post - sample_d_pre),
        "c_pre": percentile_interval(float(c_pre), sample_c_pre),
        "c_post": percentile_interval(float(c_post), sample_c_post),
        "c_change": percentile_interval(float(c_post - c_pre), sample_c_post - sample_c_pre),
    }


_inverse_normal = np.vectorize(NormalDist().inv_cdf, otypes=[float])


def _z(rate: np.ndarray) -> np.ndarray:
    rate = np.asarray(rate, dtype=float)
    out = np.full(rate.shape, np.nan)
    known = (rate > 0) & (rate < 1)  # NaN (no trials) and impossible counts give no z
    if known.any():
        out[known] = _inverse_normal(rate[known])
    return out
