"""The spread model: seeded, consistent, each lever moves the outcome, checked against exact SIR."""

from __future__ import annotations

import itertools
from functools import cache

import numpy as np
import pytest
from scipy import stats

from kit.content.errors import ContentError
from kit.models.networks import Network, load_network, read_network_file, scale_free, small_world
from kit.models.spread import History, Params, SpreadModel, State, simulate
from tests.conftest import FIXTURES, REPO

SCHOOL = REPO / "datasets" / "networks" / "school.json"


@pytest.fixture(scope="module")
def school() -> Network:
    return read_network_file(SCHOOL)


@pytest.fixture(scope="module")
def tiny() -> Network:
    return read_network_file(FIXTURES / "datasets" / "networks" / "tiny.json")


# --- determinism and invariants ----------------------------------------------------------


def test_same_seed_same_run_other_seed_other_run(school):
    a = simulate(school, Params(seed=5))
    b = simulate(school, Params(seed=5))
    c = simulate(school, Params(seed=6))
    assert np.array_equal(a.states, b.states) and np.array_equal(a.counts, b.counts)
    assert not np.array_equal(a.states[-1], c.states[-1])


@pytest.mark.parametrize("params", [
    Params(seed=2),
    Params(seed=3, bots=0.05, prebunked=0.3, label_rate=0.3, nudge=0.3, friction=0.2, factcheck_delay=1),
    Params.sir(0.2, 0.3, seeds=3, seed=4),
])
def test_states_follow_the_rules(school, params):
    h = simulate(school, params)
    assert np.all(h.counts.sum(axis=1) == h.people)  # everybody is somewhere, bots left out
    assert np.all(np.diff(h.ever_believed) >= 0)
    assert np.all(h.states[:, h.bots] == State.SHARING)  # bots never change
    before, after = h.states[:-1], h.states[1:]
    knows = (before == State.CORRECTING) | (before == State.CORRECTED)
    assert not np.any(knows & ((after == State.SHARING) | (after == State.BELIEVING) | (after == State.UNAWARE)))
    assert not np.any((before == State.BELIEVING) & (after == State.SHARING))  # stopped means stopped
    assert not np.any((before != State.UNAWARE) & (after == State.UNAWARE))
    believed = np.any((h.states == State.SHARING) | (h.states == State.BELIEVING), axis=0) & ~h.bots
    assert believed.sum() <= h.final_size  # everybody seen believing is counted


def test_step_by_step_equals_run(school):
    model = SpreadModel(school, Params(seed=9))
    while model.step():
        pass
    assert np.array_equal(model.history.states, simulate(school, Params(seed=9)).states)
    assert model.step() is False and model.done


def test_run_stops_when_nothing_can_change(school):
    h = simulate(school, Params(share_false=0.0, fact_checkers=0, stop_sharing=1.0, rounds=50))
    assert h.rounds == 1 and h.final_size == 3


def test_frontier_links_are_exactly_the_network_links(school):
    model = SpreadModel(school, Params())
    frontier = np.array([0, 5, 17, 700])
    src, dst = model._neighbours(frontier)
    a = school.adjacency().tocoo()
    expected = sorted((u, v) for u, v in zip(a.row, a.col, strict=True) if u in set(frontier.tolist()))
    assert sorted(zip(src.tolist(), dst.tolist(), strict=True)) == expected


# --- every lever moves the outcome the expected way ---------------------------------------

RUNS = 40


def mean_of(net, measure, **changes) -> float:
    return float(np.mean([measure(simulate(net, Params(seed=s, **changes), record_states=False)) for s in range(RUNS)]))


def final_size(h: History) -> float:
    return h.final_size


def final_believers(h: History) -> float:
    return h.believers[-1]


@pytest.mark.parametrize("name, low, high, measure, direction", [
    ("share_false", 0.15, 0.4, final_size, +1),
    ("share_true", 0.1, 0.5, final_believers, -1),
    ("stop_sharing", 0.3, 0.8, final_size, -1),
    ("factcheck_delay", 1, 8, final_size, +1),
    ("fact_checkers", 1, 10, final_size, -1),
    ("label_rate", 0.0, 0.5, final_size, -1),
    ("nudge", 0.0, 0.5, final_size, -1),
    ("friction", 0.0, 0.5, final_size, -1),
    ("prebunked", 0.0, 0.5, final_size, -1),
    ("bots", 0.0, 0.05, final_size, +1),  # with a weak story (below), where bots make the difference
    ("seeds", 1, 10, final_size, +1),
])
def test_each_parameter_moves_the_outcome(school, name, low, high, measure, direction):
    base = dict(share_false=0.15, stop_sharing=0.6) if name == "bots" else {}
    a = mean_of(school, measure, **base, **{name: low})
    b = mean_of(school, measure, **base, **{name: high})
    assert direction * (b - a) > 0.05 * max(a, b), (name, a, b)


def test_prebunking_the_best_connected_protects_more(school):
    spread_random = mean_of(school, final_size, prebunked=0.2, prebunk_target="random")
    spread_hubs = mean_of(school, final_size, prebunked=0.2, prebunk_target="hubs")
    assert spread_hubs < 0.95 * spread_random


def test_baseline_switches_off_only_the_interventions():
    p = Params(nudge=0.4, friction=0.2, prebunked=0.3, label_rate=0.5, fact_checkers=5, share_false=0.4, bots=0.02)
    base = p.without_interventions()
    assert (base.nudge, base.friction, base.prebunked, base.label_rate, base.fact_checkers) == (0, 0, 0, 0, 0)
    assert (base.share_false, base.bots, base.seed) == (0.4, 0.02, p.seed)


# --- networks --------------------------------------------------------------------------------


def test_generated_networks_are_seeded_and_drawable():
    a, b = scale_free(2000, 3, seed=1), scale_free(2000, 3, seed=1)
    assert np.array_equal(a.indices, b.indices)
    assert not np.array_equal(a.indices, scale_free(2000, 3, seed=2).indices)
    assert len(a.edges) == 3 * (2000 - 4) + 3 and a.degree.min() >= 3
    w = small_world(1000, 6, 0.1, seed=1)
    assert abs(w.degree.mean() - 6) < 0.2
    for net in (a, w):
        assert net.layout.shape == (net.n, 2) and net.layout.min() >= 0 and net.layout.max() <= 1
        assert np.array_equal(net.adjacency().toarray(), net.adjacency().toarray().T)


def test_load_network_by_spec(datasets):
    assert load_network("scale-free:500").n == 500
    assert load_network("small-world:300", seed=4).n == 300
    assert load_network("networks/tiny.json", start=datasets.parent).n == 6
    with pytest.raises(ContentError, match="10 から"):
        load_network("scale-free:lots")
    with pytest.raises(ContentError, match="scale-free:1000"):
        load_network("networks/tiny.csv", start=datasets.parent)


def test_shipped_networks_are_valid():
    for path in (REPO / "datasets" / "networks").glob("*.json"):
        net = read_network_file(path)
        assert net.n >= 40 and net.layout.shape == (net.n, 2)


# --- agreement with exact discrete-time SIR ------------------------------------------------


@cache
def exact_final_sizes(edges: tuple, n: int, beta: float, gamma: float) -> np.ndarray:
    """P(final size = k), k = 0…n, of discrete-time SIR started from one node chosen at random,
    computed exactly by following the Markov chain over every S/I/R assignment of the nodes.

    In a round each infected node infects each susceptible neighbour with probability beta
    (independently), then recovers with probability gamma; nodes infected in a round start
    infecting in the next. This is NDlib's SIRModel, written independently of the kit.
    """
    nbrs = [[v for u, v in edges if u == i] + [u for u, v in edges if v == i] for i in range(n)]

    @cache
    def transitions(state: tuple) -> list[tuple[tuple, float]]:
        movers = [i for i in range(n) if state[i] in (0, 1)]
        chances = []
        for i in movers:
            if state[i] == 0:
                k = sum(state[j] == 1 for j in nbrs[i])
                chances.append(1 - (1 - beta) ** k)
            else:
                chances.append(gamma)
        out = []
        for events in itertools.product((False, True), repeat=len(movers)):
            p = 1.0
            nxt = list(state)
            for i, happens, c in zip(movers, events, chances, strict=True):
                p *= c if happens else 1 - c
                if happens:
                    nxt[i] += 1
            if p > 0:
                out.append((tuple(nxt), p))
        return out

    sizes = np.zeros(n + 1)
    for start in range(n):
        dist = {tuple(1 if i == start else 0 for i in range(n)): 1.0}
        while True:
            live = {s: p for s, p in dist.items() if 1 in s}
            for s, p in dist.items():
                if 1 not in s:
                    sizes[sum(x == 2 for x in s)] += p / n
            if sum(live.values()) < 1e-13:
                break
            dist = {}
            for s, p in live.items():
                for t, q in transitions(s):
                    dist[t] = dist.get(t, 0.0) + p * q
    return sizes


def model_final_sizes(net: Network, beta: float, gamma: float, runs: int, offset: int = 0) -> np.ndarray:
    sizes = [simulate(net, Params.sir(beta, gamma, seeds=1, seed=offset + s), record_states=False).final_size
             for s in range(runs)]
    return np.bincount(sizes, minlength=net.n + 1)


def chi_square_p(observed: np.ndarray, probs: np.ndarray) -> float:
    expected = probs * observed.sum()
    keep = expected >= 5
    obs = np.append(observed[keep], observed[~keep].sum())
    exp = np.append(expected[keep], expected[~keep].sum())
    if exp[-1] < 1e-9:
        obs, exp = obs[:-1], exp[:-1]
    return stats.chisquare(obs, exp * obs.sum() / exp.sum()).pvalue


@pytest.mark.parametrize("beta, gamma", [(0.3, 0.5), (0.5, 1.0)])
def test_final_size_distribution_matches_exact_sir(tiny, beta, gamma):
    edges = tuple(map(tuple, tiny.edges.tolist()))
    probs = exact_final_sizes(edges, tiny.n, beta, gamma)
    assert abs(probs.sum() - 1) < 1e-9
    observed = model_final_sizes(tiny, beta, gamma, runs=4000)
    assert chi_square_p(observed, probs) > 0.001


def test_agreement_test_would_notice_a_wrong_model(tiny):
    # The same check fails for a model whose story passes 25% more often, or for one where a
    # sharer tries each friend once only (independent cascades with the same mean chance of
    # passing, 1 - 0.7^2): so it can really fail.
    edges = tuple(map(tuple, tiny.edges.tolist()))
    probs = exact_final_sizes(edges, tiny.n, 0.3, 0.5)
    assert chi_square_p(model_final_sizes(tiny, 0.375, 0.5, runs=4000), probs) < 0.001
    once_each = exact_final_sizes(edges, tiny.n, 1 - 0.7**2, 1.0)
    assert chi_square_p(model_final_sizes(tiny, 0.3, 0.5, runs=4000), once_each) < 0.001
