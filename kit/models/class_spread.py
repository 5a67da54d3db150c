"""How choices like the class's would spread: a timeline share rate run through the spread model.

In ``kit.models.spread`` a person reached by the false story shares it on unless they stop to
think (``nudge``) or a sharing step stops them (``friction``). On the timeline, the students who
checked or scrolled past an untrue post are exactly the ones who stopped; so the class's share
rate of untrue posts ``r`` becomes ``nudge = 1 - r``, everything else left at the model's
defaults. It is compared with the same network where everyone reached shares (``nudge = 0``).
Each is averaged over several seeded runs, because one run on a small network is mostly luck.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.models.networks import Network
from kit.models.spread import Params, simulate

RUNS = 12  # seeded runs averaged per scenario: enough for a steady curve, quick in a kernel


@dataclass(frozen=True)
class Scenario:
    """One scenario's mean outcome over its runs."""

    share_rate: float
    believers: tuple[float, ...]  # mean people believing after each round (row 0 is the start)
    reached: float  # mean people who ever believed the false story
    people: int

    @property
    def reached_share(self) -> float:
        """The mean share of the network that ever believed the story (0–1)."""
        return self.reached / self.people if self.people else 0.0


def params_for(share_rate: float, base: Params | None = None) -> Params:
    """``base`` (the model's defaults) with the share rate of people reached set to ``share_rate``."""
    if not 0.0 <= share_rate <= 1.0:
        raise ValueError(f"share_rate must be between 0 and 1, not {share_rate}")
    base = base or Params()
    return base.with_changes(nudge=round(1.0 - share_rate, 4), friction=0.0)


def scenario(network: Network, share_rate: float, *, base: Params | None = None, runs: int = RUNS,
             seed: int = 1) -> Scenario:
    """The mean of ``runs`` seeded runs with people sharing the false story at ``share_rate``."""
    import numpy as np

    params = params_for(share_rate, base)
    histories = [simulate(network, params.with_changes(seed=seed + i), record_states=False) for i in range(runs)]
    length = params.rounds + 1  # a run that dies out early keeps its last count, so scenarios line up
    padded = np.array([np.pad(h.believers, (0, length - len(h.believers)), mode="edge") for h in histories], dtype=float)
    return Scenario(share_rate, tuple(float(x) for x in padded.mean(axis=0)),
                    float(np.mean([h.final_size for h in histories])), histories[0].people)


def compare(network: Network, share_rate: float, *, base: Params | None = None, runs: int = RUNS,
            seed: int = 1) -> tuple[Scenario, Scenario]:
    """(everyone reached shares, people share at ``share_rate``), on the same seeds."""
    return (scenario(network, 1.0, base=base, runs=runs, seed=seed),
            scenario(network, share_rate, base=base, runs=runs, seed=seed))
