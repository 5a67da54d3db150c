"""One play-through of a scenario: where the student is, what they chose, and what it added up to.

Pure rules with no widgets: ``Walk(scenario, role)`` shows the role's start node and every node
that follows it by ``next`` until one offers choices or ends the story; ``choose(i)`` takes a
choice and moves on the same way. ``summary()`` counts the outcome tags of the path and, for each
choice that hurt someone, names the kind choices that were there too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kit.content.errors import ContentError
from kit.content.scenario import TAGS, Node, Scenario, ScenarioChoice

MAX_CHAIN = 200  # a loaded scenario has no endless next-chain; this only guards hand-built ones


class ChoiceError(ValueError):
    """A choice that cannot be taken now (no such choice, or the story has ended)."""


@dataclass(frozen=True)
class Step:
    """One choice the student made at one node."""

    node: str
    index: int
    choice: ScenarioChoice

    @property
    def safe(self) -> bool:
        return self.choice.safe


@dataclass(frozen=True)
class Summary:
    """What a finished (or unfinished) path added up to."""

    steps: tuple[Step, ...]
    counts: dict[str, int] = field(default_factory=dict)  # tag -> how many choices carried it
    kinder: dict[str, tuple[ScenarioChoice, ...]] = field(default_factory=dict)  # node -> kind choices missed
    ending: Node | None = None

    @property
    def all_safe(self) -> bool:
        """No choice on the path hurt anyone or risked the law."""
        return all(s.safe for s in self.steps)


class Walk:
    """A student's path through ``scenario`` in ``role``: shown nodes in order, and choices made."""

    def __init__(self, scenario: Scenario, role: str):
        self.scenario = scenario
        self.role = scenario.role(role)
        self.shown: list[str] = []  # node ids, in the order they appeared
        self.steps: list[Step] = []
        self._enter(self.role.start)

    def _enter(self, node_id: str) -> list[Node]:
        entered = []
        for _ in range(MAX_CHAIN):
            node = self.scenario.node(node_id)
            self.shown.append(node.id)
            entered.append(node)
            if not node.next or node.choices or node.end:
                return entered
            node_id = node.next
        raise ChoiceError(f"node {node_id!r}: next-chain longer than {MAX_CHAIN}")

    def shown_nodes(self) -> list[Node]:
        """Every node shown so far, in order."""
        return [self.scenario.node(n) for n in self.shown]

    @property
    def current(self) -> Node:
        """The node waiting for a choice, or the ending."""
        return self.scenario.node(self.shown[-1])

    @property
    def finished(self) -> bool:
        return self.current.end

    def choose(self, index: int) -> tuple[Step, list[Node]]:
        """Take choice ``index`` (0-based) of the current node; the step and the nodes now shown."""
        node = self.current
        if self.finished or not node.choices:
            raise ChoiceError("the story has ended")
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(node.choices):
            raise ChoiceError(f"node {node.id!r} has no choice {index!r}")
        step = Step(node.id, index, node.choices[index])
        self.steps.append(step)
        return step, self._enter(step.choice.next)

    def summary(self) -> Summary:
        """Tag counts of the path and the kind choices missed where a choice was not safe."""
        counts = Counter(t for s in self.steps for t in s.choice.tags)
        kinder = {}
        for s in self.steps:
            if not s.safe:
                options = tuple(c for c in self.scenario.node(s.node).choices if "kindness" in c.tags)
                if options:
                    kinder[s.node] = options
        return Summary(tuple(self.steps), {t: counts.get(t, 0) for t in TAGS}, kinder,
                       self.current if self.finished else None)


def replay(scenario: Scenario, choices: list[tuple[str, int]], roles: list[str] | None = None) -> Walk | None:
    """The latest play-through that ``choices`` (node id, choice index; oldest first) made, or None.

    A stored choice either continues the path being rebuilt (it was made at its current node) or
    starts a new one, in the role (of ``roles``; default: every role) whose story first asks at
    that node: that is where a student who began again made their first choice. Choices that
    fit neither (the scenario was edited since) are passed over.
    """
    offered = [r.id for r in scenario.roles] if roles is None else roles
    walk: Walk | None = None
    for node, index in choices:
        if walk is not None and not walk.finished and walk.current.id == node:
            try:
                walk.choose(index)
                continue
            except ChoiceError:
                pass
        for role in offered:
            try:
                fresh = Walk(scenario, role)
            except (ChoiceError, ContentError, KeyError):
                continue
            if fresh.current.id == node:
                try:
                    fresh.choose(index)
                except ChoiceError:
                    continue
                walk = fresh
                break
    return walk
