"""The one reader of a lesson notebook: its ``metadata.netkit`` and its ``lesson.<method>(...)`` calls.

The catalogue, ``netkit validate``, a preheated kernel's warm-up and the printed pages read a
notebook as data: its code is parsed, never run. A call counts when it is made on ``lesson`` or on
a name the notebook binds to ``Lesson(...)``; its arguments are known when written as constants
(``"quizzes/x.csv"``, ``0.2``, ``("a", "b")``) and ``UNKNOWN`` when computed. IPython's ``%magic`` and
``!shell`` lines are not Python and name nothing.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()  # an argument the notebook computes: known only when the lesson runs


@dataclass(frozen=True)
class Call:
    """One ``lesson.<method>(...)`` call, where it is and the constant values of its arguments."""

    method: str
    args: tuple = ()  # positional values, UNKNOWN where computed
    kwargs: dict = field(default_factory=dict)  # keyword values, UNKNOWN where computed
    cell: int = 1  # the cell's number, counting every cell from 1
    line: int = 1
    column: int = 0
    spread: bool = False  # has *args or **kwargs, so the arguments written are not all of them

    def text(self, position: int) -> str | None:
        """The positional argument at ``position`` when it is written as text."""
        value = self.args[position] if position < len(self.args) else None
        return value if isinstance(value, str) else None

    def keyword(self, name: str) -> str | None:
        """The keyword argument ``name`` when it is written as text."""
        value = self.kwargs.get(name)
        return value if isinstance(value, str) else None

    def texts(self, name: str) -> list[str]:
        """The texts of the keyword argument ``name`` written as a list or tuple (others left out)."""
        value = self.kwargs.get(name)
        return [v for v in value if isinstance(v, str)] if isinstance(value, (list, tuple)) else []


@dataclass(frozen=True)
class CellError:
    """A code cell that is not Python."""

    cell: int
    line: int
    message: str


@dataclass(frozen=True)
class Notebook:
    """A lesson notebook as read: its metadata, its calls in order and the cells that are not Python."""

    path: Path
    meta: dict | None  # metadata.netkit, None when missing or not a mapping
    calls: tuple[Call, ...] = ()
    errors: tuple[CellError, ...] = ()
    lesson_at: tuple[int, int] | None = None  # (cell, line) of the first ``name = Lesson(...)``; None: there is none

    @property
    def id(self) -> str:
        return str((self.meta or {}).get("id") or "")

    def methods(self) -> list[str]:
        """The methods called, in order, each once."""
        return list(dict.fromkeys(c.method for c in self.calls))


class NotANotebook(ValueError):
    """The file is JSON but not a notebook."""


def _document(path: Path) -> dict:
    doc = json.loads(Path(path).read_text("utf-8"))
    if not isinstance(doc, dict) or not isinstance(doc.get("cells"), list):
        raise NotANotebook("no list of cells")
    return doc


def netkit_of(doc: dict) -> dict | None:
    """``metadata.netkit`` of a notebook already read (a dict, or nbformat's), None when missing or not a mapping."""
    metadata = doc.get("metadata")
    meta = metadata.get("netkit") if isinstance(metadata, dict) else None
    return meta if isinstance(meta, dict) else None


def metadata(path: Path) -> dict | None:
    """``metadata.netkit`` of the notebook at ``path``; None when it is unreadable, missing or not a mapping."""
    try:
        return netkit_of(_document(path))
    except (OSError, ValueError):
        return None


def read(path: Path) -> Notebook:
    """The notebook at ``path``; ``OSError`` or ``ValueError`` when it cannot be read as a notebook."""
    doc = _document(path)
    trees: list[tuple[int, ast.AST]] = []
    errors = []
    for number, cell in enumerate(doc["cells"], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        try:
            trees.append((number, ast.parse(_code(cell))))
        except SyntaxError as exc:
            errors.append(CellError(number, exc.lineno or 1, str(exc.msg)))
        except ValueError as exc:  # e.g. a NUL character
            errors.append(CellError(number, 1, str(exc)))
    names = {"lesson"} | {name for _, tree in trees for name, _line in _lesson_names(tree)}
    lesson_at = min(((number, line) for number, tree in trees for _name, line in _lesson_names(tree)), default=None)
    calls = sorted((_call(node, number) for number, tree in trees for node in ast.walk(tree)
                    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in names),
                   key=lambda c: (c.cell, c.line, c.column))
    return Notebook(Path(path), netkit_of(doc), tuple(calls), tuple(errors), lesson_at)


def lesson_notebooks(folder: Path) -> Iterator[Path]:
    """Every notebook under ``folder`` (JupyterLab's checkpoints left out), in path order."""
    if not Path(folder).is_dir():
        return
    for path in sorted(Path(folder).rglob("*.ipynb")):
        if ".ipynb_checkpoints" not in path.parts:
            yield path


def by_id(lessons: Path) -> dict[str, dict]:
    """``{id: metadata.netkit + {"path": notebook}}`` of every lesson notebook under ``lessons`` that has an id."""
    found: dict[str, dict] = {}
    for path in lesson_notebooks(lessons):
        meta = metadata(path)
        if meta is not None and isinstance(meta.get("id"), str):
            found.setdefault(meta["id"], {**meta, "path": path})
    return found


def find(folder: Path, lesson_id: str) -> Path | None:
    """The notebook directly in ``folder`` whose id is ``lesson_id`` (a kernel's own, beside it)."""
    for path in sorted(Path(folder).glob("*.ipynb")):
        meta = metadata(path)
        if meta is not None and meta.get("id") == lesson_id:
            return path
    return None


def _code(cell: dict) -> str:
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else str(source)
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


def _lesson_names(tree: ast.AST) -> Iterator[tuple[str, int]]:
    """Names bound to ``Lesson(...)`` (``lesson = Lesson("x")``), each with its line."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = node.value.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if called == "Lesson":
                yield from ((t.id, node.lineno) for t in node.targets if isinstance(t, ast.Name))


def _literal(node: ast.AST):
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return UNKNOWN


def _call(node: ast.Call, cell: int) -> Call:
    spread = any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords)
    return Call(node.func.attr, tuple(UNKNOWN if isinstance(a, ast.Starred) else _literal(a) for a in node.args),
                {k.arg: _literal(k.value) for k in node.keywords if k.arg}, cell, node.lineno, node.col_offset, spread)
