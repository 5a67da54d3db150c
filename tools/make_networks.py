"""Write the class- and school-sized networks in datasets/networks/ with a precomputed layout.

Run once by a developer (needs networkx, from the ``bench`` extra); the files are committed so a
lesson never computes a layout. The networks are made up: friendship groups in one class of 40,
and a school of 3 grades × 6 classes × 40 with clubs across grades. No real person's data.
"""

import json
from pathlib import Path

import networkx as nx
import numpy as np

OUT = Path(__file__).resolve().parent.parent / "datasets" / "networks"


def _block_graph(groups: np.ndarray, prob, seed: int) -> nx.Graph:
    rng = np.random.default_rng(seed)
    n = len(groups)
    u, v = np.triu_indices(n, 1)
    p = prob(u, v)
    keep = rng.random(len(u)) < p
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(zip(u[keep].tolist(), v[keep].tolist(), strict=True))
    # Nobody is left out: join every smaller piece to the biggest one through a random person.
    pieces = sorted(nx.connected_components(g), key=len, reverse=True)
    for piece in pieces[1:]:
        a = int(rng.choice(sorted(piece)))
        b = int(rng.choice(sorted(pieces[0])))
        g.add_edge(a, b)
    return g


def _layout(g: nx.Graph, seed: int) -> list[list[float]]:
    pos = nx.spring_layout(g, seed=seed, iterations=200)
    xy = np.array([pos[i] for i in range(g.number_of_nodes())])
    xy = (xy - xy.min(0)) / (xy.max(0) - xy.min(0))
    return np.round(0.04 + 0.92 * xy, 4).tolist()


def _write(name: str, doc: dict, g: nx.Graph, groups: np.ndarray, seed: int) -> None:
    doc |= {"nodes": g.number_of_nodes(), "edges": sorted([min(e), max(e)] for e in g.edges()),
            "layout": _layout(g, seed), "groups": groups.tolist()}
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    (OUT / name).write_text(text + "\n", encoding="utf-8")
    print("wrote", OUT / name, g.number_of_nodes(), "people", g.number_of_edges(), "links")


def make_class() -> None:
    groups = np.repeat(np.arange(7), [6, 6, 6, 6, 6, 5, 5])
    g = _block_graph(groups, lambda u, v: np.where(groups[u] == groups[v], 0.6, 0.045), seed=40)
    _write("class.json", {
        "schema_version": 1, "id": "class-40", "title_ja": "あるクラス（40人）", "title_en": "A class (40 students)",
        "description_ja": "なかよしグループが7つあるクラス。グループの中はよくつながり、グループの間のつながりは少しだけ。",
        "description_en": "A class with seven friendship groups: many links inside each group, a few between them.",
        "source": "架空のネットワーク（tools/make_networks.py で作成。実在の人のデータではありません）",
    }, g, groups, seed=40)


def make_school() -> None:
    grade = np.repeat(np.arange(3), 240)
    klass = np.repeat(np.arange(18), 40)
    club = np.random.default_rng(7).integers(0, 12, len(klass))

    def prob(u, v):
        p = np.where(grade[u] == grade[v], 0.004, 0.0008)
        p = np.where(klass[u] == klass[v], 0.12, p)
        return np.where(club[u] == club[v], np.maximum(p, 0.03), p)

    g = _block_graph(klass, prob, seed=720)
    _write("school.json", {
        "schema_version": 1, "id": "school-720", "title_ja": "ある学校（720人）", "title_en": "A school (720 students)",
        "description_ja": "3学年×6クラス×40人の学校。クラスの中のつながりが多く、部活で学年をこえたつながりもある。",
        "description_en": "A school of 3 grades × 6 classes × 40 students: most links within a class, clubs link across grades.",
        "source": "架空のネットワーク（tools/make_networks.py で作成。実在の人のデータではありません）",
    }, g, klass, seed=720)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    make_class()
    make_school()
