"""「だます側になってみよう」: a fictional account's followers and credibility as manipulation moves are made.

A model for an inoculation game, not a measurement. The student's account starts with a few
followers and middling credibility. Each move (one post using one technique on a fictional target)
has a ``hook`` — how strongly it grabs attention, 1 to 5 — and a ``risk`` — how easy it is to see
through, 0 to 1. A post reaches more people the more followers and credibility the account has and
the stronger the hook; some of them follow. Readers who check (``checkers``) find a risky move out
with probability ``risk × 2 × checkers``: then the account loses credibility and some followers, and
the post spreads only half as far. A move nobody finds out makes the account look a little more
trustworthy, the more so the subtler it was. The randomness is a ``random.Random`` seeded once, and
each move draws the same three numbers, so the same seed and moves give the same game (a reload
replays it exactly).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import Enum

from kit.models.parameters import ModelParams, param

MAX_CREDIBILITY = 100
MAX_FOLLOWERS = 10_000_000  # a game of six moves never gets near it; a forged move cannot overflow it
FOUND_OUT_CAP = 0.95  # even the most careless move is sometimes missed


@dataclass(frozen=True)
class ManipulatorParams(ModelParams):
    """Where the account starts and how many readers check; labels in kit/text/params.yaml (``manipulator``)."""

    TEXT = "manipulator"

    followers: int = param(50, 0, 100_000, 10)
    credibility: int = param(50, 0, 100, 5)
    checkers: float = param(0.5, 0.0, 1.0, 0.05, percent=True)


@dataclass(frozen=True)
class Move:
    """One post using one technique: how strongly it hooks readers, and how easy it is to see through."""

    hook: int  # 1 (mild) to 5 (grabs everyone)
    risk: float  # 0 (hard to see through) to 1 (anyone who checks sees it)

    def __post_init__(self):
        if not (isinstance(self.hook, int) and 1 <= self.hook <= 5):
            raise ValueError(f"hook must be a whole number from 1 to 5, not {self.hook!r}")
        if not (isinstance(self.risk, (int, float)) and 0.0 <= self.risk <= 1.0):
            raise ValueError(f"risk must be a number from 0 to 1, not {self.risk!r}")


class Standing(Enum):
    """How readers see the account, from its credibility."""

    TRUSTED = "trusted"  # 60 and more
    DOUBTED = "doubted"  # 25 to 59
    EXPOSED = "exposed"  # under 25: few believe it any more


@dataclass(frozen=True)
class Outcome:
    """What one move did to the account."""

    move: Move
    reached: int  # people the post reached
    gained: int  # new followers from it
    lost: int  # followers who left because it was found out
    found_out: bool
    followers: int  # after the move
    credibility: int  # after the move
    credibility_change: int

    @property
    def follower_change(self) -> int:
        """Followers gained less followers lost."""
        return self.gained - self.lost


def standing(credibility: int) -> Standing:
    """How readers see an account of this credibility."""
    if credibility >= 60:
        return Standing.TRUSTED
    if credibility >= 25:
        return Standing.DOUBTED
    return Standing.EXPOSED


def found_out_chance(move: Move, checkers: float) -> float:
    """The chance that readers who check see through ``move``: ``risk × 2 × checkers``, at most 0.95."""
    return min(FOUND_OUT_CAP, move.risk * 2.0 * checkers)


class ManipulatorModel:
    """One account through a game: ``step(move)`` per post, with the history of outcomes."""

    def __init__(self, params: ManipulatorParams | None = None, seed: int = 0):
        self.params = params or ManipulatorParams()
        self.seed = seed
        self._rng = random.Random(seed)
        self.followers = self.params.followers
        self.credibility = self.params.credibility
        self.history: list[Outcome] = []

    @property
    def standing(self) -> Standing:
        """How readers see the account now."""
        return standing(self.credibility)

    def step(self, move: Move) -> Outcome:
        """Publish one post: reach, new followers, and whether it is found out."""
        draw_found, draw_reach, draw_penalty = self._rng.random(), self._rng.random(), self._rng.random()
        trust = 0.25 + self.credibility / MAX_CREDIBILITY  # an account nobody believes still reaches a few
        noise = 0.75 + 0.5 * draw_reach
        reached = round((30 + 0.6 * self.followers) * move.hook * trust * noise)
        found_out = draw_found < found_out_chance(move, self.params.checkers)
        if found_out:
            reached //= 2  # debunked before it travelled far
        gained = round(reached * 0.25)
        lost = 0
        if found_out:
            change = -round(8 + 24 * move.risk + 8 * draw_penalty)
            lost = round((self.followers + gained) * (0.05 + 0.25 * move.risk))
        else:
            change = round(6 * (1 - move.risk))
        self.followers = min(MAX_FOLLOWERS, max(0, self.followers + gained - lost))
        before = self.credibility
        self.credibility = min(MAX_CREDIBILITY, max(0, self.credibility + change))
        outcome = Outcome(move, reached, gained, lost, found_out, self.followers, self.credibility,
                          self.credibility - before)
        self.history.append(outcome)
        return outcome

    def run(self, moves) -> list[Outcome]:
        """Every move in order; the outcomes."""
        return [self.step(m) for m in moves]


def game_seed(base: int, session: str) -> int:
    """One student's seed: the lesson's ``base`` and the sitting's token, stable across reloads and kernels."""
    import zlib

    return (int(base) * 1_000_003 + zlib.crc32(session.encode("utf-8"))) % (2**32)
