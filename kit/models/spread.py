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
from dataclasses import MISSING, dataclass, field, fields, replace

import numpy as np

from kit.models.networks import Network, load_network


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


class ParamError(ValueError):
    """A parameter is outside its range; ``ja`` and ``en`` say which and what to do."""

    def __init__(self, name: str, ja: str, en: str):
        self.name, self.ja, self.en = name, ja, en
        super().__init__(en)


def _param(default, lo, hi, step, ja: str, en: str, *, intervention: bool = False, off=None,
           choices: tuple = (), choice_labels: tuple = (), slider: bool = True):
    """A Params field whose metadata is the single source for sliders, checks and docs."""
    meta = dict(default=default, min=lo, max=hi, step=step, label_ja=ja, label_en=en,
                intervention=intervention, off=off, choices=choices, choice_labels=choice_labels, slider=slider)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class Params:
    """Everything that shapes one run. Field metadata gives default, range, step and labels."""

    share_false: float = _param(0.35, 0.0, 1.0, 0.05, "うそ話が友だちに広まる確率（1回ごと）",
                                "Chance the false story passes to a friend (per round)")
    share_true: float = _param(0.3, 0.0, 1.0, 0.05, "訂正が友だちに広まる確率（1回ごと）",
                               "Chance the correction passes to a friend (per round)")
    stop_sharing: float = _param(0.4, 0.0, 1.0, 0.05, "広めるのをやめる確率（1回ごと）",
                                 "Chance a sharer stops sharing (per round)")
    factcheck_delay: int = _param(4, 0, 30, 1, "ファクトチェックが出るまでの回数",
                                  "Rounds until the fact-check comes out")
    fact_checkers: int = _param(2, 0, 20, 1, "訂正を最初に投稿する人の数",
                                "People who first post the correction", intervention=True, off=0)
    label_rate: float = _param(0.0, 0.0, 1.0, 0.05, "うそ投稿にラベルが付く割合（1回ごと）",
                               "Share of false posts labelled (per round)", intervention=True, off=0.0)
    nudge: float = _param(0.0, 0.0, 1.0, 0.05, "「本当かな？」と考えて広めるのをやめる割合",
                          "Accuracy nudge: share who stop and don't share the false story", intervention=True, off=0.0)
    friction: float = _param(0.0, 0.0, 1.0, 0.05, "シェアの前のひと手間で広めなくなる割合",
                             "Sharing friction: share who don't share anything", intervention=True, off=0.0)
    prebunked: float = _param(0.0, 0.0, 1.0, 0.05, "前もって手口を学んだ人の割合",
                              "Share of people prebunked", intervention=True, off=0.0)
    prebunk_target: str = _param("random", None, None, None, "前もって学ぶ人の選び方", "Who is prebunked", intervention=True, off="random",
                                 choices=("random", "hubs"),
                                 choice_labels=(("ランダム", "At random"), ("友だちの多い人から", "Best-connected first")))
    bots: float = _param(0.0, 0.0, 0.2, 0.01, "ボットの割合", "Share of accounts that are bots")
    seeds: int = _param(3, 1, 20, 1, "最初にうそ話を投稿する人の数", "People who first post the false story")
    rounds: int = _param(30, 1, 200, 1, "回数（ラウンド）", "Rounds")
    seed: int = _param(1, 0, 2**31 - 1, 1, "乱数の種", "Random seed", slider=False)

    def __post_init__(self):
        for f in fields(self):
            check(f.name, getattr(self, f.name))

    def with_changes(self, **changes) -> Params:
        """A copy with some fields changed (each checked)."""
        return replace(self, **changes)

    def without_interventions(self) -> Params:
        """The same run with every intervention switched off: the comparison baseline."""
        return replace(self, **{f.name: f.metadata["off"] for f in fields(self) if f.metadata["intervention"]})

    @classmethod
    def sir(cls, beta: float, gamma: float, seeds: int = 1, rounds: int = 200, seed: int = 1) -> Params:
        """The setting in which the false story follows discrete-time SIR (NDlib's SIRModel)."""
        return cls(share_false=beta, stop_sharing=gamma, seeds=seeds, rounds=rounds, seed=seed,
                   fact_checkers=0, label_rate=0.0, nudge=0.0, friction=0.0, prebunked=0.0, bots=0.0)


def spec(name: str) -> dict:
    """The metadata of one parameter (default, min, max, step, label_ja, label_en, …)."""
    for f in fields(Params):
        if f.name == name:
            return dict(f.metadata, name=name, type=f.type)
    raise ParamError(name, f"「{name}」という設定はありません。", f"there is no parameter '{name}'.")


def specs() -> list[dict]:
    """The metadata of every parameter, in field order: what builds the sliders."""
    return [spec(f.name) for f in fields(Params)]


def check(name: str, value) -> None:
    """Raise ParamError unless ``value`` is allowed for parameter ``name``."""
    meta = spec(name)
    label_ja, label_en = meta["label_ja"], meta["label_en"]
    if meta["choices"]:
        if value not in meta["choices"]:
            allowed = "・".join(meta["choices"])
            raise ParamError(name, f"「{label_ja}」（{name}）は {allowed} のどれかにしてください（いまの値: {value!r}）。",
                             f"'{label_en}' ({name}) must be one of {', '.join(meta['choices'])} (got {value!r}).")
        return
    is_int = meta["type"] in (int, "int")
    ok_type = isinstance(value, (int, np.integer)) if is_int else isinstance(value, (int, float, np.number))
    if isinstance(value, bool) or not ok_type or (not is_int and not np.isfinite(value)):
        kind_ja, kind_en = ("整数", "a whole number") if is_int else ("数", "a number")
        raise ParamError(name, f"「{label_ja}」（{name}）は{kind_ja}で指定してください（いまの値: {value!r}）。",
                         f"'{label_en}' ({name}) must be {kind_en} (got {value!r}).")
    if not meta["min"] <= value <= meta["max"]:
        raise ParamError(name, f"「{label_ja}」（{name}）は {meta['min']} から {meta['max']} までにしてください（いまの値: {value}）。",
                         f"'{label_en}' ({name}) must be between {meta['min']} and {meta['max']} (got {value}).")


def defaults() -> dict:
    """Every parameter's default value."""
    return {f.name: f.default for f in fields(Params) if f.default is not MISSING}


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
        self._counts = [self._count()]
        self._ever = [int(self.ever.sum())]
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

    def _passed(self, frontier: np.ndarray, targets_ok: np.ndarray, prob: float,
                blocked: np.ndarray | None = None) -> np.ndarray:
        """The people reached this round: each link out of ``frontier`` to an allowed target,
        tried once with probability ``prob``."""
        if len(frontier) == 0 or prob <= 0:
            return np.empty(0, np.int64)
        src, dst = self._neighbours(frontier)
        keep = targets_ok[dst]
        if blocked is not None:
            keep &= ~blocked[src]
        dst = dst[keep]
        hit = dst[self.rng.random(len(dst)) < prob]
        return np.unique(hit)

    def step(self) -> bool:
        """Play one round. Returns False (and does nothing) once the run is over."""
        if self.done:
            return False
        p = self.params
        s = self.state
        self.round += 1
        human = ~self.bot
        if self.round >= p.factcheck_delay:
            if self.round == max(p.factcheck_delay, 1) and p.fact_checkers:
                # The fact-check is posted by people who had not believed the story.
                pool = np.flatnonzero(human & ((s == _UNAWARE) | (s == _CORRECTED)))
                picked = self.rng.choice(pool, size=min(p.fact_checkers, len(pool)), replace=False)
                s[picked] = _CORRECTING
            if p.label_rate > 0:
                sharers = np.flatnonzero((s == _SHARING) & human)
                labelled = sharers[self.rng.random(len(sharers)) < p.label_rate]
                s[labelled] = _CORRECTED  # their post is labelled: they learn it is false
        sharing = np.flatnonzero(s == _SHARING)
        correcting = np.flatnonzero(s == _CORRECTING)
        new = s.copy()

        reached = self._passed(sharing, s == _UNAWARE, p.share_false)
        if len(reached):
            sees_through = self.prebunked[reached]
            new[reached[sees_through]] = _CORRECTED
            believers = reached[~sees_through]
            self.ever[believers] = True
            shares = self.rng.random(len(believers)) < (1 - p.friction) * (1 - p.nudge)
            new[believers] = np.where(shares, _SHARING, _BELIEVING)

        can_learn = human & ((s == _UNAWARE) | (s == _SHARING) | (s == _BELIEVING))
        learned = self._passed(correcting, can_learn, p.share_true)
        if len(learned):
            shares = self.rng.random(len(learned)) < (1 - p.friction)
            new[learned] = np.where(shares, _CORRECTING, _CORRECTED)

        # Those who were sharing at the start of the round and are still unchanged may stop.
        for was, quiet in ((sharing[human[sharing]], _BELIEVING), (correcting, _CORRECTED)):
            still = was[new[was] == s[was]]
            new[still[self.rng.random(len(still)) < p.stop_sharing]] = quiet
        self.state = new
        self._counts.append(self._count())
        self._ever.append(int(self.ever.sum()))
        if self._states is not None:
            self._states.append(new.copy())
        return True

    @property
    def done(self) -> bool:
        """Whether nothing can change any more, or the rounds are used up."""
        if self.round >= self.params.rounds:
            return True
        active = np.any((self.state == _SHARING) | (self.state == _CORRECTING))
        waiting = self.params.fact_checkers > 0 and self.round < self.params.factcheck_delay
        return not active and not waiting

    def run(self) -> History:
        """Play every remaining round and return the history."""
        while self.step():
            pass
        return self.history

    def _count(self) -> np.ndarray:
        return np.bincount(self.state[~self.bot], minlength=len(State))

    @property
    def history(self) -> History:
        """The rounds played so far."""
        states = np.array(self._states, dtype=np.uint8) if self._states is not None else None
        return History(np.array(self._counts), np.array(self._ever), states, self.bot.copy(), int((~self.bot).sum()))


def simulate(network: Network, params: Params | None = None, *, record_states: bool = True) -> History:
    """Run the model to the end on ``network`` with ``params`` (seeded by ``params.seed``)."""
    return SpreadModel(network, params, record_states=record_states).run()


__all__ = ["History", "Network", "ParamError", "Params", "SpreadModel", "State", "check", "defaults",
           "load_network", "simulate", "spec", "specs"]
