"""Role-play scenarios: a branching story told as a group chat or an SNS timeline (``datasets/scenarios``).

A scenario file has characters, the roles a student can play (poster, target, bystander), each
with its start node, and nodes: who speaks, what they say in both languages, and either choices
leading to next nodes (with outcome tags kindness / harm / legal_risk), a ``next`` node shown
straight after, or ``end: true``. ``load_scenario`` checks each part against
``schema/scenario.schema.json`` and then the story as a whole — every choice leads to a node that
exists, every node can be reached and can reach an end — and raises one ``ContentError`` listing
every problem, each naming the node (and choice) and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.content import schema
from kit.content.errors import ContentError, ContentProblem
from kit.content.suggest import closest, did_you_mean
from kit.content.tables import Row, read_table
from kit.content.text import Text

ROLES = ("poster", "target", "bystander")
TAGS = ("kindness", "harm", "legal_risk")
UNSAFE_TAGS = frozenset({"harm", "legal_risk"})
YOU, NARRATOR = "you", "narrator"


@dataclass(frozen=True)
class Character:
    """Someone in the story (always fictional): a name, and for a timeline an @handle."""

    id: str
    name: Text
    handle: str = ""
    icon: str = ""


@dataclass(frozen=True)
class ScenarioChoice:
    """One thing the student can do or write, where it leads, and what it means."""

    text: Text
    next: str
    kind: str = "say"  # "say": posted as the student's message; "do": an action
    tags: tuple[str, ...] = ()
    note: Text = Text("")

    @property
    def safe(self) -> bool:
        """Whether the choice hurts no one and risks no law (kind, or at least not harmful)."""
        return not (UNSAFE_TAGS & set(self.tags))


@dataclass(frozen=True)
class Node:
    """One message or post; then choices, a ``next`` node, or the end."""

    id: str
    speaker: str
    text: Text
    choices: tuple[ScenarioChoice, ...] = ()
    next: str = ""
    end: bool = False
    photo: Text = Text("")
    takeaway: Text = Text("")


@dataclass(frozen=True)
class Role:
    """A viewpoint the student can take, where it starts and how it is introduced."""

    id: str
    start: str
    intro: Text
    label: Text = Text("")  # the role button's name, when the usual one (書く人 …) does not fit the story
    about: Text = Text("")


@dataclass(frozen=True)
class Scenario:
    """A whole checked scenario file."""

    file: str
    id: str
    title: Text
    look: str
    channel: Text
    intro: Text
    characters: tuple[Character, ...]
    roles: tuple[Role, ...]
    nodes: tuple[Node, ...]
    topic: str = "defamation"
    audience: tuple[str, ...] = ()

    def node(self, node_id: str) -> Node:
        """The node with ``node_id`` (``KeyError`` if none: a loaded file has no dangling ids)."""
        return self._nodes[node_id]

    def role(self, role_id: str) -> Role:
        """The role ``role_id``; ``ContentError`` naming the file and the roles it offers if absent."""
        for role in self.roles:
            if role.id == role_id:
                return role
        offered = ", ".join(r.id for r in self.roles)
        raise ContentError.single(
            self.file, f"この場面には立場「{role_id}」がありません（あるのは {offered}）。role= を直すか、roles: に加えてください。",
            f"this scenario has no role '{role_id}' (it offers {offered}); fix role= or add it under roles:.",
            field="roles")

    def character(self, speaker: str) -> Character | None:
        """The character who speaks as ``speaker`` (None for you and narrator)."""
        return self._characters.get(speaker)

    @property
    def _nodes(self) -> dict[str, Node]:
        return {n.id: n for n in self.nodes}

    @property
    def _characters(self) -> dict[str, Character]:
        return {c.id: c for c in self.characters}


def load_scenario(path: str | Path) -> Scenario:
    """Read and check a scenario file; raise ``ContentError`` listing every problem found."""
    table = read_table(path, items_key="nodes")
    file = table.file
    problems = schema.check_version("scenario", file, table.schema_version)
    meta = dict(table.meta)
    top = Row({**meta, "nodes": [r.values for r in table.rows]}, "", 0, table.lines)
    problems += [p for p in schema.check_row("scenario", file, top) if p.field != "schema_version"]

    characters = _characters(file, meta.get("characters"), problems)
    roles = _roles(file, meta.get("roles"), problems)
    nodes = _nodes(file, table.rows, problems)
    by_id = {n.id: n for n in nodes}
    speakers = [c.id for c in characters] + [YOU, NARRATOR]
    for node in nodes:
        _check_node(file, node, by_id, speakers, problems)
    for role in roles:
        if role.start and role.start not in by_id:
            problems.append(ContentProblem(
                file, f"roles の {role.id}", "start",
                f"最初の場面「{role.start}」がありません。{_did_you_mean(role.start, by_id)}nodes にある id を書いてください。",
                f"the start node '{role.start}' does not exist; {_did_you_mean_en(role.start, by_id)}use an id from nodes."))
    problems += _graph_problems(file, nodes, roles, by_id)
    if problems:
        raise ContentError(problems)
    return Scenario(
        file=file, id=str(meta["id"]), title=Text.from_row(meta, "title"), look=str(meta["look"]),
        channel=Text.from_row(meta, "channel"), intro=Text.from_row(meta, "intro"),
        characters=tuple(characters), roles=tuple(sorted(roles, key=lambda r: ROLES.index(r.id))), nodes=tuple(nodes),
        topic=str(meta.get("topic") or "defamation"), audience=tuple(meta.get("audience") or ()),
    )


def _did_you_mean(value: str, known) -> str:
    return did_you_mean(value, known)[0]


def _did_you_mean_en(value: str, known) -> str:
    return did_you_mean(value, known)[1]


def _items(file: str, value: Any, key: str, problems: list[ContentProblem]) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list):
        return []  # the schema check of the top level already says what to write
    good = []
    for i, item in enumerate(value, start=1):
        if isinstance(item, dict):
            good.append(item)
        else:
            problems.append(ContentProblem(file, f"{key} の{i}番目", "", "「名前: 値」の組を並べた項目にしてください。",
                                           "each item must be a set of 'name: value' pairs."))
    return good


def _characters(file: str, value: Any, problems: list[ContentProblem]) -> list[Character]:
    found: list[Character] = []
    for i, item in enumerate(_items(file, value, "characters", problems), start=1):
        cid = str(item.get("id") or "")
        place = f"登場人物「{cid}」" if cid else f"characters の{i}番目"
        row_problems = schema.check_row("scenario#character", file, Row(item, place, i))
        if cid in {c.id for c in found}:
            row_problems.append(ContentProblem(file, place, "id", f"id「{cid}」の登場人物が2人います。別の id にしてください。",
                                               f"two characters have the id '{cid}'; give one another id."))
        problems += row_problems
        if cid and not row_problems:
            found.append(Character(cid, Text.from_row(item, "name"), str(item.get("handle") or ""), str(item.get("icon") or "")))
        elif cid:  # keep the id so that nodes naming this speaker are not reported twice
            found.append(Character(cid, Text(cid)))
    return found


def _roles(file: str, value: Any, problems: list[ContentProblem]) -> list[Role]:
    if not isinstance(value, dict):
        return []
    found = []
    for name, item in value.items():
        place = f"roles の {name}"
        if name not in ROLES:
            problems.append(ContentProblem(
                file, place, "roles",
                f"立場「{name}」は使えません。{_did_you_mean(name, ROLES)}poster（書く人）・target（書かれた人）・bystander（見ている人）のどれかにしてください。",
                f"unknown role '{name}'; {_did_you_mean_en(name, ROLES)}use poster, target or bystander."))
            continue
        if not isinstance(item, dict):
            problems.append(ContentProblem(file, place, "start", "start: と intro_ja: / intro_en: を書いてください。",
                                           "write start: and intro_ja: / intro_en: under it."))
            continue
        problems += schema.check_row("scenario#role", file, Row(item, place, 0))
        found.append(Role(name, str(item.get("start") or ""), Text.from_row(item, "intro"),
                          Text.from_row(item, "label"), Text.from_row(item, "about")))
    return found


def _nodes(file: str, rows: list[Row], problems: list[ContentProblem]) -> list[Node]:
    found: list[Node] = []
    seen: dict[str, int] = {}
    for row in rows:
        v = row.values
        nid = str(v.get("id") or "")
        place = f"場面「{nid}」" if nid else row.place
        if "__not_a_mapping__" in v:
            problems.append(ContentProblem(file, row.place, "", "「名前: 値」の組を並べた項目にしてください。",
                                           "each item must be a set of 'name: value' pairs."))
            continue
        problems += schema.check_row("scenario#node", file, Row(v, place, row.number))
        if nid in seen:
            problems.append(ContentProblem(file, place, "id", f"id「{nid}」は{seen[nid]}番目の場面でも使われています。別の id にしてください。",
                                           f"the id '{nid}' is already used by node number {seen[nid]}; use another id."))
            continue
        if not nid:
            continue
        seen[nid] = row.number
        choices = []
        raw = v.get("choices")
        for n, item in enumerate(raw if isinstance(raw, list) else [], start=1):
            cplace = f"場面「{nid}」の選択肢{n}"
            if not isinstance(item, dict):
                problems.append(ContentProblem(file, cplace, "", "「text_ja: …」「next: …」のような組で書いてください。",
                                               "write the choice as 'text_ja: …', 'next: …' pairs."))
                continue
            problems += schema.check_row("scenario#choice", file, Row(item, cplace, n))
            tags = item.get("tags") if isinstance(item.get("tags"), list) else []
            choices.append(ScenarioChoice(
                Text.from_row(item, "text"),
                str(item.get("next") or ""), str(item.get("kind") or "say"),
                tuple(str(t) for t in tags), Text.from_row(item, "note")))
        found.append(Node(
            id=nid, speaker=str(v.get("speaker") or ""), text=Text.from_row(v, "text"), choices=tuple(choices),
            next=str(v.get("next") or ""), end=v.get("end") is True, photo=Text.from_row(v, "photo"),
            takeaway=Text.from_row(v, "takeaway")))
    return found


def _check_node(file: str, node: Node, by_id: dict[str, Node], speakers: list[str],
                problems: list[ContentProblem]) -> None:
    place = f"場面「{node.id}」"

    def problem(where: str, fld: str, ja: str, en: str) -> None:
        problems.append(ContentProblem(file, where, fld, ja, en))

    if node.speaker and node.speaker not in speakers:
        problem(place, "speaker", f"話す人「{node.speaker}」は characters にいません。{_did_you_mean(node.speaker, speakers)}"
                "characters の id か、you（生徒自身）・narrator（説明）を書いてください。",
                f"speaker '{node.speaker}' is not in characters; {_did_you_mean_en(node.speaker, speakers)}"
                "use a character id, you (the student) or narrator.")
    ways = [w for w, present in (("choices", bool(node.choices)), ("next", bool(node.next)), ("end", node.end)) if present]
    if len(ways) > 1:
        problem(place, ways[1], f"{' と '.join(ways)} が両方あります。選択肢・next・end: true のどれか1つにしてください。",
                f"it has both {' and '.join(ways)}; keep only one of choices, next or end: true.")
    elif not ways and not any(p.place == place and p.field == "choices" for p in problems):
        problem(place, "choices", "この場面のあとがありません。choices（選択肢）・next（次の場面）・end: true（終わり）のどれかを書いてください。",
                "nothing follows this node; add choices, a next node, or end: true.")
    if node.next and node.next not in by_id:
        problem(place, "next", f"次の場面「{node.next}」がありません。{_did_you_mean(node.next, by_id)}nodes にある id を書いてください。",
                f"the next node '{node.next}' does not exist; {_did_you_mean_en(node.next, by_id)}use an id from nodes.")
    for n, choice in enumerate(node.choices, start=1):
        cplace = f"場面「{node.id}」の選択肢{n}"
        if choice.next and choice.next not in by_id:
            problem(cplace, "next", f"行き先の場面「{choice.next}」がありません。{_did_you_mean(choice.next, by_id)}"
                    "nodes にある id を書くか、その場面を加えてください。",
                    f"it leads to node '{choice.next}', which does not exist; {_did_you_mean_en(choice.next, by_id)}"
                    "use an id from nodes or add that node.")
        for tag in choice.tags:
            if tag not in TAGS:
                problem(cplace, "tags", f"タグ「{tag}」は使えません。{_did_you_mean(tag, TAGS)}kindness（思いやり）・harm（人を傷つける）・"
                        "legal_risk（法律にふれるおそれ）のどれかにしてください。",
                        f"unknown tag '{tag}'; {_did_you_mean_en(tag, TAGS)}use kindness, harm or legal_risk.")
        if "kindness" in choice.tags and UNSAFE_TAGS & set(choice.tags):
            problem(cplace, "tags", "kindness と harm・legal_risk が同時に付いています。どちらか一方にしてください。",
                    "it is tagged both kindness and harm/legal_risk; keep one side.")


def _successors(node: Node, by_id: dict[str, Node] | None = None) -> list[str]:
    targets = [c.next for c in node.choices] + ([node.next] if node.next else [])
    if by_id is None:
        return targets
    # A misspelt target counts as its likely meaning, so the node it names is not also "unreachable".
    return [t if t in by_id else (closest(t, by_id) or t) for t in targets]


def _graph_problems(file: str, nodes: list[Node], roles: list[Role], by_id: dict[str, Node]) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    starts = [r.start for r in roles if r.start in by_id]
    if not starts:
        return problems  # the roles are reported already; reachability would flag every node
    reached: set[str] = set()
    todo = list(starts)
    while todo:
        nid = todo.pop()
        if nid in reached or nid not in by_id:
            continue
        reached.add(nid)
        todo += _successors(by_id[nid], by_id)
    for node in nodes:
        if node.id not in reached:
            problems.append(ContentProblem(
                file, f"場面「{node.id}」", "id",
                "どの立場の最初の場面からもたどり着けません。ほかの場面の選択肢か next からつなぐか、消してください。",
                "no role's start node leads here; link it from another node's choice or next, or delete it."))
    # Nodes from which some end can be reached, found backwards from the ends.
    predecessors: dict[str, list[str]] = {n.id: [] for n in nodes}
    for node in nodes:
        for nxt in _successors(node):
            if nxt in predecessors:
                predecessors[nxt].append(node.id)
    can_end: set[str] = set()
    todo = [n.id for n in nodes if n.end]
    while todo:
        nid = todo.pop()
        if nid in can_end:
            continue
        can_end.add(nid)
        todo += predecessors[nid]
    has_exit = {n.id for n in nodes if n.choices or n.next or n.end}
    for node in nodes:
        if node.id in reached and node.id not in can_end and node.id in has_exit and all(s in by_id for s in _successors(node)):
            problems.append(ContentProblem(
                file, f"場面「{node.id}」", "next",
                "ここから先は同じ場面をくり返すだけで、終わり（end: true）にたどり着けません。どこかの選択肢を終わりの場面につないでください。",
                "from here the story only goes round in circles and never reaches an end (end: true); lead one choice to an ending node."))
    return problems
