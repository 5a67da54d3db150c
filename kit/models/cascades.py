"""A class experiment on cascades: do false stories spread differently, or just more often far?

Vosoughi, Roy and Aral (Science 2018) found false news cascades larger, deeper and faster than
true ones. Juul and Ugander (PNAS 2021) found the differences in depth and speed largely vanish
when only cascades of the same size are compared: what differs is infectiousness. Here each story
starts from one person and spreads as an independent cascade in ``kit.models.spread`` (everyone
who is reached tries each friend once, with the story's share rate, then stops; no corrections),
so a round is one generation and the round of the last new believer is the cascade's depth.
Many seeded runs per story give the raw comparison and the comparison within size bands.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.models.networks import Network
from kit.models.parameters import ModelParams, param
from kit.models.spread import Params, simulate

RUNS = 200  # cascades per story: most die at once, so many are needed to see the large ones
MAX_ROUNDS = 60
BANDS = ((2, 5), (5, 20), (20, 80), (80, 320), (320, 100_000))  # cascade sizes compared like with like
MIN_PER_BAND = 3  # a band is compared only when both stories have at least this many cascades in it


@dataclass(frozen=True)
class CascadeParams(ModelParams):
    """The two share rates a class compares; labels in kit/text/params.yaml (``cascades``).

    Beyond 0.4 almost every cascade covers the school; below 0.02 none grows.
    """

    TEXT = "cascades"

    false_rate: float = param(0.15, 0.02, 0.40, 0.01, percent=True)
    true_rate: float = param(0.10, 0.02, 0.40, 0.01, percent=True)


@dataclass(frozen=True)
class Cascade:
    """One run: how many people believed the story, and how many rounds (generations) it went on."""

    size: int
    depth: int


@dataclass(frozen=True)
class Stats:
    """A story's cascades summed up."""

    runs: int
    mean_size: float
    mean_depth: float
    large: float  # share of cascades that reached at least ``large_at`` people
    largest: int


@dataclass(frozen=True)
class Band:
    """Cascades of one size band, for each story: how many, and their mean depth."""

    low: int
    high: int
    false_count: int
    true_count: int
    false_depth: float | None
    true_depth: float | None

    @property
    def comparable(self) -> bool:
        """Whether both stories have enough cascades in this band to compare."""
        return self.false_count >= MIN_PER_BAND and self.true_count >= MIN_PER_BAND


def cascades(network: Network, share_rate: float, *, runs: int = RUNS, seed: int = 1) -> list[Cascade]:
    """``runs`` seeded independent cascades of a story shared at ``share_rate``, each from one person."""
    import numpy as np

    result = []
    for i in range(runs):
        history = simulate(network, Params.sir(share_rate, 1.0, seeds=1, rounds=MAX_ROUNDS, seed=seed + i),
                           record_states=False)
        grew = np.nonzero(np.diff(history.ever_believed))[0]
        result.append(Cascade(history.final_size, int(grew[-1]) + 1 if len(grew) else 0))
    return result


def stats(runs: list[Cascade], large_at: int = 50) -> Stats:
    """Mean size and depth, and the share of cascades reaching ``large_at`` people."""
    n = len(runs) or 1
    return Stats(len(runs), sum(c.size for c in runs) / n, sum(c.depth for c in runs) / n,
                 sum(c.size >= large_at for c in runs) / n, max((c.size for c in runs), default=0))


def bands(false_runs: list[Cascade], true_runs: list[Cascade]) -> list[Band]:
    """Mean depth of each story's cascades within each size band (Juul and Ugander's matching)."""
    out = []
    for low, high in BANDS:
        f = [c.depth for c in false_runs if low <= c.size < high]
        t = [c.depth for c in true_runs if low <= c.size < high]
        out.append(Band(low, high, len(f), len(t), sum(f) / len(f) if f else None, sum(t) / len(t) if t else None))
    return out


@dataclass(frozen=True)
class Experiment:
    """Both stories' cascades, their raw comparison and the size-matched one."""

    false_rate: float
    true_rate: float
    false_runs: tuple[Cascade, ...]
    true_runs: tuple[Cascade, ...]

    @property
    def false_stats(self) -> Stats:
        return stats(list(self.false_runs))

    @property
    def true_stats(self) -> Stats:
        return stats(list(self.true_runs))

    @property
    def bands(self) -> list[Band]:
        return bands(list(self.false_runs), list(self.true_runs))


def experiment(network: Network, false_rate: float, true_rate: float, *, runs: int = RUNS, seed: int = 1) -> Experiment:
    """Run both stories on ``network``; the true story's seeds differ so the two are independent samples."""
    return Experiment(false_rate, true_rate, tuple(cascades(network, false_rate, runs=runs, seed=seed)),
                      tuple(cascades(network, true_rate, runs=runs, seed=seed + 100_000)))
