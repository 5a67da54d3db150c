"""kit.models.spread against NDlib (SIRModel, IndependentCascadesModel) and EoN on the same graphs.

Each engine runs discrete-time SIR from ``seeds`` people chosen uniformly at random in each run, to
the end of the outbreak; the final outbreak size is everyone ever infected (for the kit:
``History.final_size``). The kit runs ``Params.sir(beta, gamma)``: see docs/architecture.md for
why this is the same process as NDlib's SIRModel (beta, gamma) and, with gamma = 1, as NDlib's
IndependentCascadesModel (every edge threshold = beta) and EoN's basic_discrete_SIR (p = beta).
Needs the ``bench`` extra (ndlib, six, EoN, networkx).
"""

from __future__ import annotations

import random
import statistics
import time

import networkx as nx
import numpy as np

from kit.models.networks import Network
from kit.models.spread import Params, simulate


def ba_graph(n: int, m: int = 3, seed: int = 42) -> tuple[nx.Graph, Network]:
    """networkx's Barabási–Albert graph, and the same graph as the kit's Network."""
    g = nx.barabasi_albert_graph(n, m, seed=seed)
    return g, Network.from_edges(n, list(g.edges()), layout=np.zeros((n, 2)), name=f"ba-{n}-{m}")


def kit_run(net: Network, beta: float, gamma: float, seeds: int, run: int) -> int:
    return simulate(net, Params.sir(beta, gamma, seeds=seeds, rounds=200, seed=run), record_states=False).final_size


def ndlib_sir_run(g: nx.Graph, beta: float, gamma: float, seeds: int, run: int) -> int:
    import ndlib.models.epidemics as ep
    import ndlib.models.ModelConfig as mc

    model = ep.SIRModel(g, seed=run)
    config = mc.Configuration()
    config.add_model_parameter("beta", beta)
    config.add_model_parameter("gamma", gamma)
    config.add_model_initial_configuration("Infected", random.Random(run).sample(range(g.number_of_nodes()), seeds))
    model.set_initial_status(config)
    return _ndlib_to_end(model)


def ndlib_ic_run(g: nx.Graph, beta: float, seeds: int, run: int) -> int:
    import ndlib.models.epidemics as ep
    import ndlib.models.ModelConfig as mc

    model = ep.IndependentCascadesModel(g, seed=run)
    config = mc.Configuration()
    for edge in g.edges():
        config.add_edge_configuration("threshold", edge, beta)
    config.add_model_initial_configuration("Infected", random.Random(run).sample(range(g.number_of_nodes()), seeds))
    model.set_initial_status(config)
    return _ndlib_to_end(model)


def _ndlib_to_end(model) -> int:
    model.iteration(node_status=False)  # iteration 0 only reports the start
    for _ in range(10_000):
        counts = model.iteration(node_status=False)["node_count"]
        if counts[1] == 0:
            return counts[2]
    raise RuntimeError("NDlib run did not end")


def eon_run(g: nx.Graph, beta: float, seeds: int, run: int) -> int:
    import EoN

    rng = np.random.default_rng(run)
    start = random.Random(run).sample(range(g.number_of_nodes()), seeds)
    _t, _s, i, r = EoN.basic_discrete_SIR(g, beta, initial_infecteds=start, rng=rng)
    return int(r[-1] + i[-1])


def timed(fn, runs: int, offset: int = 0) -> tuple[list[int], float]:
    """Final sizes of ``runs`` runs and the mean seconds per run."""
    start = time.perf_counter()
    sizes = [fn(offset + r) for r in range(runs)]
    return sizes, (time.perf_counter() - start) / runs


def summary(sizes: list[int], n: int) -> dict:
    mean = statistics.fmean(sizes)
    sd = statistics.stdev(sizes) if len(sizes) > 1 else 0.0
    return {"runs": len(sizes), "mean_final_size": mean, "mean_fraction": mean / n, "sd": sd,
            "stderr": sd / len(sizes) ** 0.5}


def agreement(kit: dict, peer: dict) -> dict:
    """Relative difference of the mean final sizes, with its 95% interval from both samples."""
    diff = kit["mean_final_size"] - peer["mean_final_size"]
    se = (kit["stderr"] ** 2 + peer["stderr"] ** 2) ** 0.5
    base = peer["mean_final_size"]
    return {"relative_difference": diff / base, "ci95_low": (diff - 1.96 * se) / base, "ci95_high": (diff + 1.96 * se) / base}


def speed(n: int = 10_000, m: int = 3, beta: float = 0.05, gamma: float = 0.2, seeds: int = 10,
          ndlib_runs: int = 5, kit_runs: int = 100) -> dict:
    """Seconds per full run on a BA graph: NDlib's SIRModel against the kit, same parameters."""
    g, net = ba_graph(n, m)
    nd_sizes, nd_time = timed(lambda r: ndlib_sir_run(g, beta, gamma, seeds, r), ndlib_runs)
    kit_sizes, kit_time = timed(lambda r: kit_run(net, beta, gamma, seeds, r), kit_runs)
    return {"graph": f"Barabási–Albert n={n} m={m} (networkx seed 42)", "beta": beta, "gamma": gamma, "seeds": seeds,
            "ndlib_sir_seconds_per_run": nd_time, "kit_seconds_per_run": kit_time, "speedup": nd_time / kit_time,
            "ndlib_runs": ndlib_runs, "kit_runs": kit_runs,
            "ndlib_mean_final_size": statistics.fmean(nd_sizes), "kit_mean_final_size": statistics.fmean(kit_sizes)}


def compare(peer: str, n: int, runs: int, beta: float, gamma: float, seeds: int = 10, m: int = 3) -> dict:
    """Final outbreak size of the kit against one peer over ``runs`` runs each, on a BA graph."""
    g, net = ba_graph(n, m)
    fn = {"ndlib-sir": lambda r: ndlib_sir_run(g, beta, gamma, seeds, r),
          "ndlib-ic": lambda r: ndlib_ic_run(g, beta, seeds, r),
          "eon": lambda r: eon_run(g, beta, seeds, r)}[peer]
    peer_sizes, peer_time = timed(fn, runs)
    kit_sizes, kit_time = timed(lambda r: kit_run(net, beta, gamma, seeds, r), runs, offset=10**6)
    kit, other = summary(kit_sizes, n), summary(peer_sizes, n)
    return {"peer": peer, "graph": f"Barabási–Albert n={n} m={m}", "beta": beta, "gamma": gamma, "seeds": seeds,
            "kit": kit, "other": other, **agreement(kit, other),
            "kit_seconds_per_run": kit_time, "peer_seconds_per_run": peer_time}
