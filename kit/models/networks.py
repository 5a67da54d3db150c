"""Social networks for the spread model: generated (scale-free, small-world) or read from a file.

A ``Network`` is an undirected graph held as CSR arrays (``indptr``, ``indices``) plus a layout
(x, y in 0…1) to draw it with, so the browser never runs a force layout. Generated networks are
seeded and cached per kernel; their layout is computed cheaply (a ring for small-world, a radial
breadth-first tree from the biggest hub for scale-free). Files in ``datasets/networks/*.json``
carry a layout made once by ``tools/make_networks.py``; they are read and checked, and a spec such as
``scale-free:1000`` is understood, by ``kit.content.networks``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from kit.content.networks import MAX_NODES, Generated, NetworkFile, load_network_file, network_source
from kit.content.text import Text


@dataclass(frozen=True, eq=False)
class Network:
    """An undirected network: CSR adjacency, a layout in the unit square, and a title."""

    name: str
    indptr: np.ndarray  # int64, n + 1
    indices: np.ndarray  # int32, neighbours of node i are indices[indptr[i]:indptr[i+1]]
    layout: np.ndarray  # float32, (n, 2), each coordinate in 0…1
    title: Text = field(default_factory=lambda: Text(""))

    @property
    def n(self) -> int:
        """Number of nodes."""
        return len(self.indptr) - 1

    @property
    def degree(self) -> np.ndarray:
        """Number of neighbours of each node."""
        return np.diff(self.indptr)

    @property
    def edges(self) -> np.ndarray:
        """Each undirected edge once, as rows (u, v) with u < v (int32, shape (m, 2))."""
        rows = np.repeat(np.arange(self.n, dtype=np.int32), self.degree)
        keep = rows < self.indices
        return np.column_stack([rows[keep], self.indices[keep]])

    def adjacency(self) -> sp.csr_matrix:
        """The adjacency matrix (0/1, symmetric) as scipy CSR."""
        data = np.ones(len(self.indices), dtype=np.int8)
        return sp.csr_matrix((data, self.indices, self.indptr), shape=(self.n, self.n))

    @classmethod
    def from_edges(cls, n: int, edges, layout=None, name: str = "", title: Text | None = None) -> Network:
        """A network of ``n`` nodes from (u, v) pairs; duplicates, directions and self-loops are dropped."""
        e = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
        e = e[e[:, 0] != e[:, 1]]
        u = np.concatenate([e[:, 0], e[:, 1]])
        v = np.concatenate([e[:, 1], e[:, 0]])
        a = sp.csr_matrix((np.ones(len(u), dtype=np.int8), (u, v)), shape=(n, n))
        a.sum_duplicates()
        a.sort_indices()
        indptr = a.indptr.astype(np.int64)
        indices = a.indices.astype(np.int32)
        if layout is None:
            layout = radial_layout(indptr, indices)
        return cls(name, indptr, indices, np.asarray(layout, dtype=np.float32), title or Text(name))


# --- generated networks ------------------------------------------------------------------


def scale_free(n: int, m: int = 3, seed: int = 0) -> Network:
    """A Barabási–Albert network: each new node links to ``m`` nodes chosen by degree."""
    return _generated("scale-free", n, m, seed)


def small_world(n: int, k: int = 6, p: float = 0.1, seed: int = 0) -> Network:
    """A Watts–Strogatz network: a ring where each node knows ``k`` neighbours, a share ``p`` rewired."""
    return _generated("small-world", n, k, seed, p)


@lru_cache(maxsize=16)
def _generated(kind: str, n: int, k: int, seed: int, p: float = 0.0) -> Network:
    _check_size(n, k)
    rng = np.random.default_rng(seed)
    if kind == "scale-free":
        edges = _barabasi_albert_edges(n, k, rng)
        title = Text(f"スケールフリー（{n}人）", f"Scale-free ({n} people)")
        return Network.from_edges(n, edges, name=f"scale-free:{n}", title=title)
    edges = _watts_strogatz_edges(n, k, p, rng)
    title = Text(f"スモールワールド（{n}人）", f"Small world ({n} people)")
    return Network.from_edges(n, edges, layout=ring_layout(n), name=f"small-world:{n}", title=title)


def _check_size(n: int, k: int) -> None:
    if not 10 <= n <= MAX_NODES:
        raise ValueError(f"nodes must be between 10 and {MAX_NODES} (got {n})")
    if not 1 <= k < n:
        raise ValueError(f"links per node must be between 1 and nodes - 1 (got {k})")


def _barabasi_albert_edges(n: int, m: int, rng: np.random.Generator) -> np.ndarray:
    # Preferential attachment: a node appears in ``targets_pool`` once per link it has, so a
    # uniform draw from the pool picks nodes in proportion to their degree. Starts from a star
    # on m + 1 nodes, as networkx does.
    pool = np.empty(2 * m * n, dtype=np.int64)
    edges = np.empty((m * n, 2), dtype=np.int64)
    star = np.arange(1, m + 1)
    edges[:m] = np.column_stack([np.zeros(m, dtype=np.int64), star])
    pool[:m], pool[m:2 * m] = 0, star
    size, count = 2 * m, m
    for new in range(m + 1, n):
        chosen: set[int] = set()
        while len(chosen) < m:
            chosen.update(pool[rng.integers(0, size, m - len(chosen))].tolist())
        targets = np.fromiter(chosen, dtype=np.int64, count=m)
        edges[count:count + m, 0], edges[count:count + m, 1] = new, targets
        pool[size:size + m], pool[size + m:size + 2 * m] = new, targets
        size += 2 * m
        count += m
    return edges[:count]


def _watts_strogatz_edges(n: int, k: int, p: float, rng: np.random.Generator) -> np.ndarray:
    half = max(1, k // 2)
    u = np.repeat(np.arange(n), half)
    v = (u + np.tile(np.arange(1, half + 1), n)) % n
    rewire = rng.random(len(u)) < p
    v = v.copy()
    v[rewire] = rng.integers(0, n, rewire.sum())  # a self-loop or duplicate is dropped later
    return np.column_stack([u, v])


def ring_layout(n: int) -> np.ndarray:
    """Nodes evenly on a circle, in index order."""
    angle = 2 * np.pi * np.arange(n) / n
    return (0.5 + 0.47 * np.column_stack([np.cos(angle), np.sin(angle)])).astype(np.float32)


def radial_layout(indptr: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """A radial tree layout: the biggest hub in the centre, rings by distance, subtrees as sectors.

    Friends stay near each other and hubs near the middle; it costs one breadth-first search,
    so it suits 10,000 nodes where a force layout would not.
    """
    from scipy.sparse.csgraph import breadth_first_order

    n = len(indptr) - 1
    a = sp.csr_matrix((np.ones(len(indices), dtype=np.int8), indices, indptr), shape=(n, n))
    degree = np.diff(indptr)
    depth = np.full(n, -1, dtype=np.int64)
    parent = np.full(n, -1, dtype=np.int64)
    orders = []
    # One tree per connected piece, largest hub first; pieces after the first share the rim.
    for root in np.argsort(-degree, kind="stable"):
        if depth[root] >= 0:
            continue
        order, pred = breadth_first_order(a, int(root), directed=False, return_predecessors=True)
        depth[root] = 0
        for node in order[1:]:  # order is breadth-first, so a parent's depth is known first
            parent[node] = pred[node]
            depth[node] = depth[pred[node]] + 1
        orders.append(order)
    order = np.concatenate(orders)
    size = np.ones(n, dtype=np.float64)
    for node in order[::-1]:
        if parent[node] >= 0:
            size[parent[node]] += size[node]
    start = np.zeros(n)
    width = np.zeros(n)
    total = sum(size[o[0]] for o in orders)
    offset = 0.0
    for o in orders:
        start[o[0]], width[o[0]] = offset, 2 * np.pi * size[o[0]] / total
        offset += width[o[0]]
    cursor = start.copy()
    for node in order:
        p = parent[node]
        if p >= 0:
            width[node] = width[p] * size[node] / (size[p] - 1)
            start[node] = cursor[p]
            cursor[p] += width[node]
            cursor[node] = start[node]
    angle = start + width / 2
    levels = max(1, depth.max())
    # Each ring is widened into a band (a fixed, seeded jitter) so that people on it do not overlap.
    jitter = np.random.default_rng(0).random(n) - 0.5
    radius = np.where(depth == 0, 0.0, 0.1 + 0.9 * np.clip(depth - 0.5 + 0.45 * (1 + jitter), 0.2, levels) / levels)
    radius[(depth == 0) & (np.arange(n) != order[0])] = 0.98  # roots of smaller pieces: on the rim
    xy = 0.5 + 0.47 * np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    return xy.astype(np.float32)


# --- network files -----------------------------------------------------------------------


def from_file(file: NetworkFile) -> Network:
    """The network a checked file describes."""
    return Network.from_edges(file.nodes, file.edges, layout=file.layout, name=file.id, title=file.title)


def read_network_file(path: str | Path) -> Network:
    """The network in a file (``kit.content.networks.load_network_file`` raises a ContentError for a wrong one)."""
    return from_file(load_network_file(path))


def load_network(spec: str, seed: int = 0, *, start: str | Path | None = None) -> Network:
    """The network named by ``spec``: a file under datasets (``"networks/class.json"``) or a
    generated one, ``"scale-free:10000"`` (m = 3) or ``"small-world:1000"`` (k = 6, p = 0.1).

    A wrong spec or file raises the ContentError of ``kit.content.networks``.
    """
    source = network_source(spec, start)
    if isinstance(source, Generated):
        return scale_free(source.nodes, 3, seed) if source.kind == "scale-free" else small_world(source.nodes, 6, 0.1, seed)
    return _read_cached(str(source), *_stat(source))


def _stat(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
        return st.st_mtime_ns, st.st_size
    except OSError:
        return 0, 0


@lru_cache(maxsize=8)
def _read_cached(path: str, _mtime: int, _size: int) -> Network:
    return read_network_file(path)


__all__ = ["MAX_NODES", "Network", "from_file", "load_network", "radial_layout", "read_network_file",
           "ring_layout", "scale_free", "small_world"]
