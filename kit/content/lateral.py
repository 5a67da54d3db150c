"""Lateral reading without internet (``datasets/lateral/*.yaml``): a post, a search, the pages behind it.

A lateral-reading file holds a heading (title, what to do, the note that everything is made up, and
the method shown after each answer) and a list of tasks. A task is a post with the page it links to
(a page that looks authoritative), the words in a simulated search box, the search results with the
page each opens (the site's own about page, a fact-check, an encyclopedia-like page, a news report)
and a closing question with one right answer and feedback for each answer. Every address ends in
``.example`` (or ``.test`` / ``.invalid``), names that can never be a real site. ``load_lateral``
checks the heading, every task and its nested page, results and answers against
``schema/lateral.schema.json`` plus the rules a schema cannot say (the answer names an answer, ids
are used once, a page shows who is behind the post), and raises one ``ContentError`` listing every
problem with the task id and the field (``sources.2.address``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kit.content import schema
from kit.content.errors import ContentError, ContentProblem
from kit.content.tables import Row, read_table
from kit.content.text import Text
from kit.content.validate import checked_rows

SCHEMA = "lateral"
KINDS = ("about", "factcheck", "encyclopedia", "news", "official", "other")


@dataclass(frozen=True)
class Page:
    """The page a post links to, as it presents itself."""

    site: Text
    address: str
    heading: Text
    body: Text
    badge: Text = Text("")


@dataclass(frozen=True)
class Source:
    """One search result and the page it opens; ``key`` pages show who is behind the post."""

    id: str
    kind: str
    site: Text
    address: str
    title: Text
    snippet: Text
    heading: Text
    body: Text
    key: bool = False


@dataclass(frozen=True)
class Option:
    """One answer to the closing question, with what the student reads after choosing it."""

    id: str
    text: Text
    feedback: Text


@dataclass(frozen=True)
class Task:
    """A post and its page, the search, the source pages and the closing question."""

    id: str
    author: Text
    handle: str
    text: Text
    page: Page
    query: Text
    sources: tuple[Source, ...]
    question: Text
    options: tuple[Option, ...]
    answer: str
    behind: Text

    def source(self, source_id: str) -> Source:
        """The source page with ``source_id`` (``KeyError`` if there is none)."""
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def option_index(self, option_id: str) -> int:
        """The position of the answer ``option_id`` (``KeyError`` if there is none)."""
        for i, o in enumerate(self.options):
            if o.id == option_id:
                return i
        raise KeyError(option_id)


@dataclass(frozen=True)
class LateralFile:
    """The heading and tasks of one lateral-reading file."""

    file: str
    id: str
    title: Text
    intro: Text
    note: Text
    method: Text
    tasks: tuple[Task, ...] = field(default_factory=tuple)

    def task(self, task_id: str) -> Task:
        """The task with ``task_id`` (``KeyError`` if there is none)."""
        for t in self.tasks:
            if t.id == task_id:
                return t
        raise KeyError(task_id)

    def select(self, ids: list[str] | tuple[str, ...] | None) -> LateralFile:
        """The file with only the tasks ``ids``, in that order; ``ContentError`` names missing ones."""
        if ids is None:
            return self
        known = {t.id: t for t in self.tasks}
        missing = [i for i in ids if i not in known]
        if missing or not ids:
            names = ", ".join(missing) or "-"
            raise ContentError.single(
                self.file, f"id {names} の課題がありません。ノートブックの tasks か課題の id を直してください。",
                f"no task with id {names}; fix the tasks in the notebook or the task ids.", field="tasks")
        return LateralFile(self.file, self.id, self.title, self.intro, self.note, self.method,
                           tuple(known[i] for i in ids))


def load_lateral(path: str | Path) -> LateralFile:
    """Read and check a lateral-reading file; raise ``ContentError`` listing every problem found."""
    table = read_table(Path(path), items_key="tasks")
    rows, problems = checked_rows(f"{SCHEMA}#task", table)
    problems += _heading_problems(table.file, table.meta, table.lines)
    tasks: list[Task] = []
    seen: dict[str, str] = {}
    for row in rows:
        row_problems = [p for p in problems if p.place == row.place] + _nested_problems(table.file, row)
        tid = str(row.values.get("id", "")).strip()
        if tid in seen:
            row_problems.append(ContentProblem(
                table.file, row.place, "id", f"id「{tid}」は{seen[tid]}でも使われています。別の id にしてください。",
                f"id '{tid}' is already used at {seen[tid]}; use another id."))
        elif tid:
            seen[tid] = row.place
        if not row_problems:
            row_problems = _rule_problems(table.file, row)
        problems += [p for p in row_problems if p not in problems]
        if not row_problems:
            tasks.append(_task(row.values))
    if not rows and not problems:
        problems.append(ContentProblem(table.file, "", "tasks", "課題が1つもありません。tasks: の下に課題を書いてください。",
                                       "there are no tasks; add them under 'tasks:'."))
    if problems:
        raise ContentError(problems)
    m = table.meta
    return LateralFile(table.file, m["id"], Text.from_row(m, "title"), Text.from_row(m, "intro"),
                       Text.from_row(m, "note"), Text.from_row(m, "method"), tuple(tasks))


def _heading_problems(file: str, meta: dict, lines: dict[str, int]) -> list[ContentProblem]:
    values = {k: schema.coerce(SCHEMA, k, v) for k, v in meta.items()}
    return schema.check_row(SCHEMA, file, Row(values, "", 0, lines))


def _nested_problems(file: str, row: Row) -> list[ContentProblem]:
    """The page's, each source's and each answer's fields, named ``page.address`` or ``sources.2.kind``."""
    problems = []
    page = row.values.get("page")
    if isinstance(page, dict):
        problems += _prefixed(_check(f"{SCHEMA}#page", file, page, row), "page.")
    for key, part in (("sources", "source"), ("options", "option")):
        items = row.values.get(key)
        if isinstance(items, list):
            for i, item in enumerate(items, start=1):
                problems += _prefixed(_check(f"{SCHEMA}#{part}", file, item, row), f"{key}.{i}.")
    return problems


def _check(name: str, file: str, item, row: Row) -> list[ContentProblem]:
    if not isinstance(item, dict):
        return schema.check_row(name, file, Row({"__not_a_mapping__": item}, row.place, row.number))
    values = {k: schema.coerce(name, k, v) for k, v in item.items()}
    return schema.check_row(name, file, Row(values, row.place, row.number, dict(getattr(item, "lines", {}))))


def _prefixed(problems: list[ContentProblem], prefix: str) -> list[ContentProblem]:
    return [ContentProblem(p.file, p.place, prefix + p.field if p.field else prefix.rstrip("."), p.why, p.why_en, p.line)
            for p in problems]


def _rule_problems(file: str, row: Row) -> list[ContentProblem]:
    """What the schema cannot say: ids used once, the answer among the answers, a page showing who is behind."""
    v = row.values
    problems: list[ContentProblem] = []

    def problem(fld: str, ja: str, en: str) -> None:
        problems.append(ContentProblem(file, row.place, fld, ja, en))

    for key, what_ja, what_en in (("sources", "検索結果", "result"), ("options", "選択肢", "answer")):
        ids = [str(item["id"]) for item in v[key]]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            problem(key, f"{what_ja}の id「{'」「'.join(twice)}」が2回あります。別の id にしてください。",
                    f"the {what_en} id '{', '.join(twice)}' is used twice; use another id.")
    options = [str(o["id"]) for o in v["options"]]
    if str(v["answer"]) not in options:
        problem("answer", f"answer「{v['answer']}」という選択肢がありません。{'・'.join(options)} のどれかを書いてください。",
                f"there is no answer '{v['answer']}'; use one of {', '.join(options)}.")
    if not any(s.get("key") is True for s in v["sources"]):
        problem("sources", "だれが発信しているかが分かるページがありません。そのページに key: true を書いてください。",
                "no page shows who is behind the post; add key: true to that page.")
    return problems


def _task(v: dict) -> Task:
    p = v["page"]
    return Task(
        id=v["id"], author=Text.from_row(v, "author"), handle=v["handle"], text=Text.from_row(v, "text"),
        page=Page(Text.from_row(p, "site"), p["address"], Text.from_row(p, "heading"), Text.from_row(p, "body"),
                  Text.from_row(p, "badge")),
        query=Text.from_row(v, "query"),
        sources=tuple(Source(str(s["id"]), s["kind"], Text.from_row(s, "site"), s["address"], Text.from_row(s, "title"),
                             Text.from_row(s, "snippet"), Text.from_row(s, "heading"), Text.from_row(s, "body"),
                             bool(s.get("key", False))) for s in v["sources"]),
        question=Text.from_row(v, "question"),
        options=tuple(Option(str(o["id"]), Text.from_row(o, "text"), Text.from_row(o, "feedback")) for o in v["options"]),
        answer=str(v["answer"]), behind=Text.from_row(v, "behind"),
    )
