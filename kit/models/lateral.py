"""Scoring lateral reading: the right answer, and whether the student left the page before answering.

A task's path is what the student opened before answering, in order: ``SEARCH`` for the simulated
search page, else a source page's id. Leaving the page (opening the search or any source) is
lateral reading; answering from the post's page alone is vertical reading. A task scores one point
for the right answer and one for leaving the page (``TaskScore.points``, 0–2), and notes whether a
page showing who is behind the post (a ``key`` source) was among those opened.

The stored response (``response``) is the chosen answer's position followed by the path, the search
page as 0 and source *i* as *i* + 1, at most ``MAX_PATH`` steps; ``from_response`` reads it back, so
the teacher's page and a resumed sitting score a task exactly as the student's kernel did.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kit.content.lateral import Task

SEARCH = "search"
MAX_PATH = 19  # a stored response is at most 20 small ints: the answer, then the path


@dataclass(frozen=True)
class TaskScore:
    """How one task went."""

    task: str
    answer: str
    right: bool
    path: tuple[str, ...]  # what was opened before answering, in order (SEARCH or source ids)
    found_key: bool  # a page showing who is behind the post was opened

    @property
    def left_page(self) -> bool:
        """Whether the student left the post's page (searched or opened a source) before answering."""
        return bool(self.path)

    @property
    def reading(self) -> str:
        """``"lateral"`` (left the page) or ``"vertical"`` (stayed on it)."""
        return "lateral" if self.left_page else "vertical"

    @property
    def sources_opened(self) -> tuple[str, ...]:
        """The source pages opened, each once, in the order first opened."""
        return tuple(dict.fromkeys(p for p in self.path if p != SEARCH))

    @property
    def points(self) -> int:
        """One point for the right answer, one for leaving the page: 0, 1 or 2."""
        return int(self.right) + int(self.left_page)


@dataclass(frozen=True)
class Summary:
    """Several tasks' scores together."""

    tasks: int
    right: int
    left_page: int
    found_key: int
    points: int

    @property
    def max_points(self) -> int:
        """The most points the tasks could give."""
        return 2 * self.tasks


def clean_path(task: Task, path: Iterable[str]) -> tuple[str, ...]:
    """``path`` with anything that is not the search page or one of ``task``'s sources left out, cut to ``MAX_PATH``."""
    known = {SEARCH, *(s.id for s in task.sources)}
    return tuple(p for p in path if isinstance(p, str) and p in known)[:MAX_PATH]


def score(task: Task, answer: str, path: Sequence[str]) -> TaskScore:
    """The score of answering ``answer`` (an option id) after opening ``path``; ``KeyError`` for an unknown answer."""
    task.option_index(answer)
    opened = clean_path(task, path)
    keys = {s.id for s in task.sources if s.key}
    return TaskScore(task.id, answer, answer == task.answer, opened, any(p in keys for p in opened))


def response(task: Task, answer: str, path: Sequence[str]) -> tuple[int, ...]:
    """The stored response: the answer's position, then the path (search 0, source *i* as *i* + 1)."""
    position = {s.id: i + 1 for i, s in enumerate(task.sources)}
    return (task.option_index(answer), *(0 if p == SEARCH else position[p] for p in clean_path(task, path)))


def from_response(task: Task, stored: Sequence[int]) -> TaskScore | None:
    """The score a stored ``response`` records (None when it does not fit ``task``: the file changed since)."""
    if not stored or not all(type(i) is int for i in stored):
        return None
    first, *steps = stored
    if not 0 <= first < len(task.options) or any(not 0 <= s <= len(task.sources) for s in steps):
        return None
    path = [SEARCH if s == 0 else task.sources[s - 1].id for s in steps]
    return score(task, task.options[first].id, path)


def summarise(scores: Iterable[TaskScore]) -> Summary:
    """The scores added up."""
    scores = list(scores)
    return Summary(len(scores), sum(s.right for s in scores), sum(s.left_page for s in scores),
                   sum(s.found_key for s in scores), sum(s.points for s in scores))
