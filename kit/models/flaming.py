"""炎上 (a pile-on) as a cascade: one post, quote reposts, and a few very heavy posters.

A model, not a measurement: it shows how a pile-on can look huge while most of its posts come from
a small share of the people involved, and what reporting and muting change. One post is seen by
the poster's followers; everyone who sees it decides once whether to join in; those who join keep
posting for a while, each at their own rate, drawn from a heavy-tailed (Pareto) distribution, so a
few post many times. Every post reaches more people. Viewers report some posts, and the platform
restricts an account after enough reports; as someone posts more, more of their audience mutes
them. Everything is numpy over arrays of users, seeded, so the same parameters and seed give the
same run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

import numpy as np

from kit.models.parameters import ModelParams, param


@dataclass(frozen=True)
class FlamingParams(ModelParams):
    """Everything a run depends on besides the seed; labels in kit/text/params.yaml (``flaming``)."""

    TEXT = "flaming"

    users: int = param(5000, 500, 20000, 500)
    first_reach: int = param(200, 10, 2000, 10)
    join: float = param(0.06, 0.0, 0.5, 0.01)
    tail: float = param(1.1, 1.05, 3.0, 0.05)
    reach: int = param(20, 1, 100, 1)
    keep_on: float = param(0.6, 0.0, 0.95, 0.05)
    rounds: int = param(20, 5, 60, 1)
    report_rate: float = param(0.03, 0.0, 0.3, 0.01, intervention=True, off=0.0)
    action_after: int = param(10, 1, 200, 1)
    mute_share: float = param(0.3, 0.0, 1.0, 0.05, intervention=True, off=0.0)

    def without_measures(self) -> FlamingParams:
        """The same run with nobody reporting and nobody muting."""
        return self.without_interventions()


class UserState(Enum):
    """Where one user stands in the cascade."""

    UNAWARE = 0
    SAW = 1  # saw it, did not join (or stopped)
    POSTING = 2
    RESTRICTED = 3  # the platform limited the account after reports


BASE_RATE = 0.5  # posts per round of a posting user with activity 1
MAX_ACTIVITY = 100.0  # no one posts more than 50 times a round, however heavy the tail
GOLDEN = 0.6180339887498949
MUTE_SCALE = 5.0  # posts after which about 63% of those who would mute a poster have done so


@dataclass(frozen=True)
class Round:
    """What happened in one round."""

    number: int
    posts: int
    total_posts: int
    saw: int  # people who have seen at least one post so far
    posting: int
    restricted: int
    hidden: int  # views the measures prevented this round (mutes)


class FlamingModel:
    """One cascade: ``step()`` runs a round, ``run()`` all of them; ``history`` keeps every round.

    Random numbers are drawn per person and per round, independent of the parameters, and turned
    into decisions by comparing them with the parameters ("common random numbers"). So the same
    seed means the same people with the same tempers: a run with reporting and muting differs from
    one without only by what the measures do, never by luck, and every parameter moves the result
    in one direction.
    """

    def __init__(self, params: FlamingParams | None = None, seed: int = 0):
        self.params = params or FlamingParams()
        self.seed = seed
        p = self.params
        rng = np.random.default_rng([seed, 0])
        # Pareto activity by inverse transform: a smaller tail makes every person's rate higher,
        # and the heaviest far heavier.
        self.activity = np.minimum(rng.random(p.users) ** (-1.0 / p.tail), MAX_ACTIVITY)
        self._join_draw = rng.random(p.users)
        # How many rounds each person keeps posting once they join (geometric, mean 1 / (1 - keep_on)).
        with np.errstate(divide="ignore"):
            self.lifetime = 1 + np.floor(np.log(rng.random(p.users)) / np.log(p.keep_on)) if p.keep_on > 0 \
                else np.ones(p.users)
        self._post_phase, self._view_phase = rng.random((2, p.users))
        self.joined = np.full(p.users, -1, dtype=np.int64)
        order = rng.permutation(p.users)
        self.state = np.full(p.users, UserState.UNAWARE.value, dtype=np.int8)
        self.posts = np.zeros(p.users, dtype=np.int64)
        self.reports = np.zeros(p.users, dtype=np.int64)
        self.history: list[Round] = []
        self._see(order[:min(p.first_reach, p.users)])

    def _see(self, viewers: np.ndarray) -> None:
        # First sight of the pile-on: each person decides once whether to join in.
        new = viewers[self.state[viewers] == UserState.UNAWARE.value]
        joins = self._join_draw[new] < self.params.join
        self.state[new] = np.where(joins, UserState.POSTING.value, UserState.SAW.value)
        self.joined[new[joins]] = len(self.history)

    def step(self) -> Round:
        """One round: posters post, posts reach people, viewers report and mute, some stop."""
        p = self.params
        rng = np.random.default_rng([self.seed, len(self.history) + 1])
        report_draw = rng.random(p.users)
        posting = self.state == UserState.POSTING.value
        # A person's own sequence of draws (golden-ratio steps from their own phase), so that what
        # they do in their k-th round of posting does not depend on when they joined.
        k = len(self.history) - self.joined
        post_draw = (self._post_phase + k * GOLDEN) % 1.0
        view_draw = (self._view_phase + k * GOLDEN) % 1.0
        made = np.where(posting, np.floor(BASE_RATE * self.activity + post_draw), 0).astype(np.int64)
        self.posts += made
        # Muting: the more someone has posted, the more of their audience no longer sees them.
        visible = 1.0 - p.mute_share * (1.0 - np.exp(-self.posts / MUTE_SCALE))
        possible = made * p.reach
        views = np.floor(possible * visible + view_draw * (made > 0)).astype(np.int64)
        views = np.minimum(views, possible)
        self.reports += np.floor(views * p.report_rate + report_draw * (views > 0)).astype(np.int64)
        viewers = rng.integers(0, p.users, size=int(views.sum()))  # drawn last: fewer views, same first viewers
        self._see(viewers)
        if p.report_rate > 0:
            restrict = (self.reports >= p.action_after) & (self.state == UserState.POSTING.value)
            self.state[restrict] = UserState.RESTRICTED.value
        stop = (self.state == UserState.POSTING.value) & (k + 1 >= self.lifetime)
        self.state[stop] = UserState.SAW.value
        record = Round(
            number=len(self.history) + 1, posts=int(made.sum()), total_posts=int(self.posts.sum()),
            saw=int((self.state != UserState.UNAWARE.value).sum()), posting=int((self.state == UserState.POSTING.value).sum()),
            restricted=int((self.state == UserState.RESTRICTED.value).sum()), hidden=int(possible.sum() - views.sum()))
        self.history.append(record)
        return record

    def run(self) -> FlamingResult:
        """Run every round left and summarise."""
        while len(self.history) < self.params.rounds:
            self.step()
        return FlamingResult(self.params, self.seed, tuple(self.history), self.posts.copy(),
                             int((self.state != UserState.UNAWARE.value).sum()))


@dataclass(frozen=True)
class FlamingResult:
    """A finished run: its rounds and how the posts were shared among the people who posted."""

    params: FlamingParams
    seed: int
    rounds: tuple[Round, ...]
    posts_by_user: np.ndarray = field(repr=False, compare=False)
    saw: int

    @property
    def total_posts(self) -> int:
        return int(self.posts_by_user.sum())

    @property
    def posters(self) -> int:
        """How many people posted at least once."""
        return int((self.posts_by_user > 0).sum())

    @property
    def posters_share_of_viewers(self) -> float:
        """Of everyone who saw the pile-on, the share who posted in it."""
        return self.posters / self.saw if self.saw else 0.0

    def top_share(self, fraction: float) -> float:
        """Share of all posts written by the most active ``fraction`` of the people who posted."""
        counts = np.sort(self.posts_by_user[self.posts_by_user > 0])[::-1]
        if counts.size == 0:
            return 0.0
        k = max(1, int(np.ceil(fraction * counts.size)))
        return float(counts[:k].sum() / counts.sum())

    def lorenz(self, points: int = 21) -> list[tuple[float, float]]:
        """(share of posters, most active first; share of posts they wrote) at ``points`` steps."""
        counts = np.sort(self.posts_by_user[self.posts_by_user > 0])[::-1]
        if counts.size == 0:
            return [(x, 0.0) for x in np.linspace(0, 1, points).tolist()]
        cum = np.concatenate([[0.0], np.cumsum(counts) / counts.sum()])
        xs = np.linspace(0, 1, points)
        return [(float(x), float(cum[int(round(x * counts.size))])) for x in xs]

    def gini(self) -> float:
        """Gini coefficient of posts among the people who posted (0: all equal, near 1: one did all)."""
        counts = np.sort(self.posts_by_user[self.posts_by_user > 0])
        n = counts.size
        if n == 0:
            return 0.0
        ranks = np.arange(1, n + 1)
        return float((2 * (ranks * counts).sum()) / (n * counts.sum()) - (n + 1) / n)


def compare(params: FlamingParams, seed: int = 0) -> tuple[FlamingResult, FlamingResult]:
    """The same cascade without and with reporting and muting (same seed, same people)."""
    return FlamingModel(params.without_measures(), seed).run(), FlamingModel(params, seed).run()


__all__ = ["FlamingModel", "FlamingParams", "FlamingResult", "Round", "UserState", "compare"]
