"""A false story and its correction spreading over a social network, in discrete rounds.

Each person is in one ``State``: unaware, believes and shares, believes quietly, shares the
correction, or corrected (knows it is false). In a round, every sharer passes the story to each
unaware friend with the probability ``share_false`` (each link tried on its own); a person who is
convinced shares it on unless the sharing friction or the accuracy nudge stops them, and then
believes quietly. Correctors pass the correction to believing and unaware friends the same way
with ``share_true``. After ``factcheck_delay`` rounds, fact-checkers post the correction and
platforms label a share ``label_rate`` of the false posts each round. Sharers stop sharing with
the probability ``stop_sharing`` per round. Bots share the story every round and never change;
prebunked people who meet the story see through it.

Only each round's frontier (the sharers and correctors) is touched: their links are gathered
from the CSR arrays with numpy, never with a Python loop over people.

With ``friction = nudge = prebunked = bots = label_rate = 0`` and ``fact_checkers = 0`` the
false story follows discrete-time SIR exactly as NDlib's ``SIRModel`` runs it (beta =
``share_false``, gamma = ``stop_sharing``); with ``stop_sharing = 1`` it is NDlib's
``IndependentCascadesModel`` (edge threshold = ``share_false``) and EoN's
``basic_discrete_SIR`` (p = ``share_false``). See docs/architecture.md.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np

from kit.models.networks import Network, load_network
from kit.models.parameters import ModelParams, ParamError, choice, param


class State(enum.IntEnum):
    """What a person knows and does about the story (stored as uint8 per person)."""

    UNAWARE = 0
    SHARING = 1  # believes the false story and shares it
    BELIEVING = 2  # believes it quietly
    CORRECTING = 3  # knows it is false and shares the correction
    CORRECTED = 4  # knows it is false


# Plain numpy scalars for the hot loop: comparing arrays with Enum members goes through the
# Enum machinery on every call and costs more than the comparison itself.
_UNAWARE, _SHARING, _BELIEVING, _CORRECTING, _CORRECTED = (np.uint8(s) for s in State)


@dataclass(frozen=True)
class Params(ModelParams):
    """Everything that shapes one run; labels in kit/text/params.yaml (``spread``)."""

    TEXT = "spread"

    share_false: float = param(0.35, 0.0, 1.0, 0.05, percent=True)
    share_true: float = param(0.3, 0.0, 1.0, 0.05, percent=True)
    stop_sharing: float = param(0.4, 0.0, 1.0, 0.05, percent=True)
    factcheck_delay: int = param(4, 0, 30, 1)
    fact_checkers: int = param(2, 0, 20, 1, intervention=True, off=0)
    label_rate: float = param(0.0, 0.0, 1.0, 0.05, percent=True, intervention=True, off=0.0)
    nudge: float = param(0.0, 0.0, 1.0, 0.05, percent=True, intervention=True, off=0.0)
    friction: float = param(0.0, 0.0, 1.0, 0.05, percent=True, intervention=True, off=0.0)
    prebunked: float = param(0.0, 0.0, 1.0, 0.05, percent=True, intervention=True, off=0.0)
    prebunk_target: str = choice("random", ("random", "hubs"), intervention=True, off="random")
    bots: float = param(0.0, 0.0, 0.2, 0.01, percent=True)
    seeds: int = param(3, 1, 20, 1)
    rounds: int = param(30, 1, 200, 1)
    seed: int = param(1, 0, 2**31 - 1, 1, slider=False)

    @classmethod
    def sir(cls, beta: float, gamma: float, seeds: int = 1, rounds: int = 200, seed: int = 1) -> Params:
        """The setting in which the false story follows discrete-time SIR (NDlib's SIRModel)."""
        return cls(share_false=beta, stop_sharing=gamma, seeds=seeds, rounds=rounds, seed=seed,
                   fact_checkers=0, label_rate=0.0, nudge=0.0, friction=0.0, prebunked=0.0, bots=0.0)


@dataclass(frozen=True, eq=False)
class History:
    """What happened, round by round (row 0 is the start).

    ``counts[t, s]`` is how many people (bots left out) were in State ``s`` after round ``t``;
    ``ever_believed[t]`` how many had believed the false story by then; ``states[t]`` every
    person's state (uint8), kept when the run was asked to record it.
    """

    counts: np.ndarray
    ever_believed: np.ndarray
    states: np.ndarray | None
    bots: np.ndarray
    people: int

    @property
    def rounds(self) -> int:
        """Rounds run (the start not counted)."""
        return len(self.counts) - 1

    @property
    def believers(self) -> np.ndarray:
        """People who believe the false story after each round (sharing or quietly)."""
        return self.counts[:, State.SHARING] + self.counts[:, State.BELIEVING]

    @property
    def correctors(self) -> np.ndarray:
        """People who know the story is false after each round (sharing the correction or not)."""
        return self.counts[:, State.CORRECTING] + self.counts[:, State.CORRECTED]

    @property
    def final_size(self) -> int:
        """How many people believed the false story at some point (SIR's final outbreak size)."""
        return int(self.ever_believed[-1])

    @property
    def peak_believers(self) -> int:
        """The most people believing at once."""
        return int(self.believers.max())


class SpreadModel:
    """One run on one network: ``step()`` plays a round, ``run()`` plays them all."""

    def __init__(self, network: Network, params: Params | None = None, *, record_states: bool = True):
        self.network = network
        self.params = params or Params()
        self.rng = np.random.default_rng(self.params.seed)
        self.round = 0
        self._record = record_states
        n = network.n
        p = self.params
        self.state = np.zeros(n, dtype=np.uint8)
        self.ever = np.zeros(n, dtype=bool)
        order = self.rng.permutation(n)
        n_bots = min(int(round(p.bots * n)), n - 1)
        self.bot = np.zeros(n, dtype=bool)
        self.bot[order[:n_bots]] = True
        humans = order[n_bots:]
        first = humans[: min(p.seeds, len(humans))]
        self.state[self.bot] = State.SHARING
        self.state[first] = State.SHARING
        self.ever[first] = True
        self.prebunked = np.zeros(n, dtype=bool)
        n_pre = int(round(p.prebunked * len(humans)))
        if n_pre:
            rest = humans[len(first):]
            if p.prebunk_target == "hubs":
                # Best-connected first; the random order breaks ties between equal degrees.
                rest = rest[np.argsort(-network.degree[rest], kind="stable")]
            self.prebunked[rest[:n_pre]] = True
        self._active = np.flatnonzero(self.state == State.SHARING)  # sharers and correctors: the frontier
        self._scratch = np.zeros(n, dtype=np.int64)  # working space for _distinct
        self._flag = np.zeros(n, dtype=bool)
        self._now = np.bincount(self.state[~self.bot], minlength=len(State))
        self._ever_count = int(self.ever.sum())
        self._counts = [self._now.copy()]
        self._ever = [self._ever_count]
        self._states = [self.state.copy()] if record_states else None

    # --- one round ---------------------------------------------------------------------

    def _neighbours(self, frontier: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(source, target) of every link out of ``frontier``, gathered from the CSR arrays."""
        indptr = self.network.indptr
        starts, ends = indptr[frontier], indptr[frontier + 1]
        lengths = ends - starts
        total = int(lengths.sum())
        if total == 0:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        # positions starts[i] … ends[i]-1 for every i, laid end to end
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        return np.repeat(frontier, lengths), self.network.indices[offsets]

    def _passed(self, frontier: np.ndarray, allowed: tuple, prob: float, humans_only: bool = False) -> np.ndarray:
        """The people reached this round: each link out of ``frontier`` to a person in one of the
        ``allowed`` states, tried once with probability ``prob``."""
        if len(frontier) == 0 or prob <= 0:
            return np.empty(0, np.int64)
        _src, dst = self._neighbours(frontier)
        target = self.state[dst]
        keep = target == allowed[0]
        for state in allowed[1:]:
            keep |= target == state
        if humans_only:
            keep &= ~self.bot[dst]
        dst = dst[keep]
        return self._distinct(dst[self.rng.random(len(dst)) < prob])

    def _distinct(self, people: np.ndarray) -> np.ndarray:
        """``people`` without repeats, in time proportional to their number (no sort, no pass over
        everybody): each person remembers the last position they were seen at."""
        if len(people) < 2:
            return people
        positions = np.arange(len(people))
        self._scratch[people] = positions
        return people[self._scratch[people] == positions]

    def _set(self, people: np.ndarray, value) -> None:
        """Put ``people`` (no repeats) in state ``value``, keeping the per-state counts up to date."""
        if len(people) == 0:
            return
        human = ~self.bot[people]
        self._now -= np.bincount(self.state[people][human], minlength=len(State))
        self.state[people] = value
        self._now += np.bincount(self.state[people][human], minlength=len(State))

    def step(self) -> bool:
        """Play one round. Returns False (and does nothing) once the run is over.

        Only the frontier (sharers and correctors) and the people they reach are touched, so a
        round costs in proportion to their links, not to the size of the network.
        """
        if self.done:
            return False
        p, s, bot = self.params, self.state, self.bot
        self.round += 1
        if self.round >= p.factcheck_delay:
            if self.round == max(p.factcheck_delay, 1) and p.fact_checkers:
                # The fact-check is posted by people who had not believed the story (once a run).
                pool = np.flatnonzero(~bot & ((s == _UNAWARE) | (s == _CORRECTED)))
                picked = self.rng.choice(pool, size=min(p.fact_checkers, len(pool)), replace=False)
                self._set(picked, _CORRECTING)
                self._active = self._distinct(np.concatenate([self._active, picked]))
            if p.label_rate > 0:
                sharers = self._active[(s[self._active] == _SHARING) & ~bot[self._active]]
                self._set(sharers[self.rng.random(len(sharers)) < p.label_rate], _CORRECTED)  # labelled: they learn
        active = self._active
        now = s[active]
        sharing, correcting = active[now == _SHARING], active[now == _CORRECTING]

        # Every draw is made from the states at the start of the round, then applied.
        reached = self._passed(sharing, (_UNAWARE,), p.share_false)
        learned = self._passed(correcting, (_UNAWARE, _SHARING, _BELIEVING), p.share_true, humans_only=True)
        human_sharers = sharing[~bot[sharing]]
        self._flag[learned] = True
        still = human_sharers[~self._flag[human_sharers]]
        self._flag[learned] = False
        stop_sharing = still[self.rng.random(len(still)) < p.stop_sharing]
        stop_correcting = correcting[self.rng.random(len(correcting)) < p.stop_sharing]
        sees_through = self.prebunked[reached]
        believers = reached[~sees_through]
        shares_story = self.rng.random(len(believers)) < (1 - p.friction) * (1 - p.nudge)
        shares_correction = self.rng.random(len(learned)) < (1 - p.friction)

        self._set(reached[sees_through], _CORRECTED)
        self._set(believers, np.where(shares_story, _SHARING, _BELIEVING))
        self.ever[believers] = True  # they were unaware, so each is new
        self._ever_count += len(believers)
        self._set(learned, np.where(shares_correction, _CORRECTING, _CORRECTED))  # the correction wins
        self._set(stop_sharing, _BELIEVING)
        self._set(stop_correcting, _CORRECTED)

        candidates = self._distinct(np.concatenate([active, believers, learned]))
        state = s[candidates]
        self._active = candidates[(state == _SHARING) | (state == _CORRECTING)]
        self._counts.append(self._now.copy())
        self._ever.append(self._ever_count)
        if self._states is not None:
            self._states.append(s.copy())
        return True

    @property
    def done(self) -> bool:
        """Whether nothing can change any more, or the rounds are used up."""
        if self.round >= self.params.rounds:
            return True
        waiting = self.params.fact_checkers > 0 and self.round < self.params.factcheck_delay
        return len(self._active) == 0 and not waiting

    def run(self) -> History:
        """Play every remaining round and return the history."""
        while self.step():
            pass
        return self.history

    @property
    def history(self) -> History:
        """The rounds played so far."""
        states = np.array(self._states, dtype=np.uint8) if self._states is not None else None
        return History(np.array(self._counts), np.array(self._ever), states, self.bot.copy(), int((~self.bot).sum()))


def simulate(network: Network, params: Params | None = None, *, record_states: bool = True) -> History:
    """Run the model to the end on ``network`` with ``params`` (seeded by ``params.seed``)."""
    return SpreadModel(network, params, record_states=record_states).run()


__all__ = ["History", "Network", "ParamError", "Params", "SpreadModel", "State", "load_network", "simulate"]
