"""What a student's (or a class's) timeline choices add up to: how often untrue posts got shared.

A post's outcome is its first choice (share, check, ignore) and, after checking, the decision to
share or not. The share rate of untrue posts (false, misleading, unverified) is what the spread
model takes as the chance that someone who sees a rumour passes it on. Pure functions: the same
rule serves the timeline's summary, the class view from the store and the tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kit.content.timeline import ACTIONS, Timeline, Truth

SHARE, CHECK, IGNORE = range(3)  # recorded responses, in the order of ACTIONS


@dataclass(frozen=True)
class Outcome:
    """What one student did with one post."""

    first: int  # SHARE, CHECK or IGNORE
    decided_share: bool | None = None  # after CHECK: shared or not; None while undecided

    @property
    def shared(self) -> bool:
        """Whether the post was passed on, at once or after checking."""
        return self.first == SHARE or (self.first == CHECK and bool(self.decided_share))

    @property
    def finished(self) -> bool:
        """Whether the student has made every choice this post asks for."""
        return self.first != CHECK or self.decided_share is not None


@dataclass(frozen=True)
class ShareRate:
    """How many of some posts were shared, out of how many decided."""

    shared: int
    total: int

    @property
    def rate(self) -> float | None:
        """The share rate (0–1), or None when no post was decided."""
        return self.shared / self.total if self.total else None


@dataclass(frozen=True)
class Tally:
    """A sitting's (or a class's) choices on one timeline."""

    untrue: ShareRate  # false, misleading and unverified posts
    true: ShareRate
    first_choices: tuple[int, int, int]  # how often share, check, ignore came first
    students: int = 1


def tally(outcomes: dict[str, Outcome], timeline: Timeline) -> Tally:
    """Count one sitting's finished outcomes on ``timeline``'s posts."""
    untrue = [0, 0]
    true = [0, 0]
    firsts = [0, 0, 0]
    for post in timeline.posts:
        outcome = outcomes.get(post.id)
        if outcome is None or not outcome.finished:
            continue
        firsts[outcome.first] += 1
        bucket = true if post.truth is Truth.TRUE else untrue
        bucket[0] += outcome.shared
        bucket[1] += 1
    return Tally(ShareRate(*untrue), ShareRate(*true), tuple(firsts))


def outcomes_from_answers(answers: Iterable, timeline: Timeline) -> dict[str, dict[str, Outcome]]:
    """Each session's outcomes rebuilt from stored answers (the first answer to each item counts)."""
    prefix = f"timeline:{timeline.id}:"
    first: dict[tuple[str, str], tuple[int, ...]] = {}
    for a in answers:
        if a.phase == "practice" and a.item.startswith(prefix):
            first.setdefault((a.session, a.item[len(prefix):]), tuple(a.response))
    known = {p.id for p in timeline.posts}
    result: dict[str, dict[str, Outcome]] = {}
    for (session, item), response in first.items():
        if item not in known or not response or not 0 <= response[0] < len(ACTIONS):
            continue
        decided = first.get((session, f"{item}:decide"))
        result.setdefault(session, {})[item] = Outcome(
            response[0], None if decided is None else decided[0] == SHARE)
    return result


def class_tally(answers: Iterable, timeline: Timeline) -> Tally:
    """The choices of every sitting in ``answers`` on ``timeline``, added up."""
    sessions = outcomes_from_answers(answers, timeline)
    untrue, true, firsts = [0, 0], [0, 0], [0, 0, 0]
    for outcomes in sessions.values():
        t = tally(outcomes, timeline)
        untrue = [untrue[0] + t.untrue.shared, untrue[1] + t.untrue.total]
        true = [true[0] + t.true.shared, true[1] + t.true.total]
        firsts = [x + y for x, y in zip(firsts, t.first_choices, strict=True)]
    return Tally(ShareRate(*untrue), ShareRate(*true), tuple(firsts), students=len(sessions))
