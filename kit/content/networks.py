"""A network for the spread lab as a teacher names it: a file in ``datasets/networks/*.json``, checked against
``schema/network.schema.json`` with every problem in one ``ContentError``, or a generated one written
``scale-free:1000`` / ``small-world:1000``. Pure reading and checking (no numpy); ``kit.models.networks`` turns what
is read here into arrays.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kit.content import schema
from kit.content.errors import ContentError, ContentProblem, display_name
from kit.content.tables import Row
from kit.content.text import Text

MAX_NODES = 20_000
GENERATED = ("scale-free", "small-world")


@dataclass(frozen=True)
class NetworkFile:
    """What a network file says: who is linked to whom, and where each person is drawn (x, y in 0…1)."""

    id: str
    title: Text
    nodes: int
    edges: list  # [u, v] pairs of person numbers, from 0
    layout: list  # one [x, y] per person


@dataclass(frozen=True)
class Generated:
    """A generated network named in a lesson: ``kind`` is one of ``GENERATED``."""

    kind: str
    nodes: int


def network_source(spec: str, start: str | Path | None = None) -> Generated | Path:
    """What ``spec`` names: a generated network (``"scale-free:10000"``, default 1000 people) or the path of a
    file under datasets (``"networks/class.json"``); a ``ContentError`` a teacher can act on otherwise."""
    from kit.content.paths import resolve

    kind, _, size = str(spec).partition(":")
    if kind in GENERATED:
        nodes = size.strip() or "1000"
        if not nodes.isdigit() or not 10 <= int(nodes) <= MAX_NODES:
            raise ContentError.single(
                str(spec), f"人数は 10 から {MAX_NODES} までの数にしてください（例: {kind}:1000）。",
                f"the number of people must be a whole number from 10 to {MAX_NODES} (e.g. {kind}:1000).",
                field="network")
        return Generated(kind, int(nodes))
    path = resolve(spec, start)
    if path.suffix.lower() != ".json":
        raise ContentError.single(
            str(spec), "ネットワークは networks/ の .json ファイルか、scale-free:1000 / small-world:1000 で指定してください。",
            "name a .json file in networks/ or a generated network: scale-free:1000 or small-world:1000.", field="network")
    return path


def load_network_file(path: str | Path) -> NetworkFile:
    """A network file in the format of ``docs/content-format.md``, or a ContentError listing every problem."""
    path = Path(path)
    name = display_name(path)
    try:
        doc = json.loads(path.read_text("utf-8-sig"))
    except FileNotFoundError:
        raise ContentError.single(name, "ファイルがありません。名前を確かめてください。",
                                  "the file does not exist; check the name.") from None
    except UnicodeDecodeError:
        raise ContentError.single(name, "UTF-8 で保存してください。", "save the file as UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise ContentError.single(
            name, f"JSON として読めません（{exc.lineno}行目 {exc.colno}文字目: {exc.msg}）。かっこやカンマを確かめてください。",
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); check brackets and commas.") from None
    if not isinstance(doc, dict):
        raise ContentError.single(name, "「名前: 値」の組を { } で囲んだ JSON にしてください。",
                                  "the file must be a JSON object of 'name: value' pairs.")
    problems = schema.check_version("network", name, doc.get("schema_version"))
    values = {k: v for k, v in doc.items() if k != "schema_version"}
    problems += schema.check_row("network", name, Row(values, "", 0))
    if problems:
        raise ContentError(problems)
    n, edges, layout = doc["nodes"], doc["edges"], doc["layout"]
    problems += _edge_problems(name, n, edges) + _layout_problems(name, n, layout, doc.get("groups"))
    if problems:
        raise ContentError(problems)
    return NetworkFile(doc["id"], Text(doc["title_ja"], doc.get("title_en", "")), n, edges, layout)


def _edge_problems(name: str, n: int, edges: list) -> list[ContentProblem]:
    bad = [i for i, (u, v) in enumerate(edges) if not (0 <= u < n and 0 <= v < n)]
    loops = [i for i, (u, v) in enumerate(edges) if u == v]
    problems = []
    if bad:
        shown = "、".join(f"{i + 1}番目 {edges[i]}" for i in bad[:3])
        problems.append(ContentProblem(
            name, f"{len(bad)}本の辺", "edges", f"人の番号は 0 から {n - 1} までです（{shown}）。番号を直すか nodes を増やしてください。",
            f"people are numbered 0 to {n - 1} ({', '.join(f'item {i + 1} {edges[i]}' for i in bad[:3])}); fix them or raise nodes."))
    if loops:
        problems.append(ContentProblem(
            name, f"{len(loops)}本の辺", "edges", f"自分自身へのつながりがあります（{loops[0] + 1}番目 {edges[loops[0]]}）。消してください。",
            f"a person linked to themselves (item {loops[0] + 1} {edges[loops[0]]}); delete it."))
    return problems


def _layout_problems(name: str, n: int, layout: list, groups: list | None) -> list[ContentProblem]:
    problems = []
    if len(layout) != n:
        problems.append(ContentProblem(
            name, "", "layout", f"layout の位置が {len(layout)} 個あります。nodes と同じ {n} 個にしてください。",
            f"layout has {len(layout)} positions; it needs one per node ({n})."))
    if groups is not None and len(groups) != n:
        problems.append(ContentProblem(
            name, "", "groups", f"groups の番号が {len(groups)} 個あります。nodes と同じ {n} 個にしてください。",
            f"groups has {len(groups)} numbers; it needs one per node ({n})."))
    return problems
