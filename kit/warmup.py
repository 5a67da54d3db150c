"""What a preheated kernel prepares before its student arrives: the components its notebook uses.

A class arriving at once takes 40 preheated kernels in the same second; whatever each kernel still
has to import or load then runs 40 times over on the server's two cores. So while it waits, a
kernel finds its own notebook (the one in its folder whose ``metadata.netkit.id`` is the lesson's
id), sees which ``lesson.<component>(...)`` calls it makes, imports those components' modules and
calls their ``warm()`` if they have one (e.g. loading a morphological analyser's dictionary), and
reads the content files those calls name (or read by default) — only those, so a kernel holds its
own lesson and not the whole datasets folder.
Nothing here may fail a lesson: a problem is logged and the component is simply built later.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import json
import logging
import re
from pathlib import Path

log = logging.getLogger(__name__)

CALL = re.compile(r"\blesson\.([a-z_][a-z0-9_]*)\s*\(")

# Lesson methods whose component lives in a module of another name (the rest: kit.widgets.<method>).
METHOD_MODULES = {
    "quiz": "kit.widgets.quiz_card",
    "sections": "kit.widgets.fact_card",
    "section": "kit.widgets.fact_card",
    "title": "kit.widgets.fact_card",
    "help": "kit.widgets.help_list",
    "scenario": "kit.widgets.scenario_player",
    "creator_income": "kit.widgets.creator_income_lab",
    "timeline_spread": "kit.widgets.class_spread",
    "law_card": "kit.widgets.law_walk",
    "law_cards": "kit.widgets.law_walk",
}


def notebook_for(lesson_id: str, folder: Path | None = None) -> Path | None:
    """The notebook in ``folder`` (default: the kernel's working folder) that is lesson ``lesson_id``."""
    folder = Path.cwd() if folder is None else folder
    for path in sorted(folder.glob("*.ipynb")):
        try:
            meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("netkit", {})
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(meta, dict) and meta.get("id") == lesson_id:
            return path
    return None


def used_methods(notebook: Path) -> list[str]:
    """The ``lesson.<method>(`` calls in the notebook's code cells, in order, without repeats."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    found: dict[str, None] = {}
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else str(source)
            for name in CALL.findall(source):
                found.setdefault(name, None)
    return list(found)


def module_for(method: str) -> str | None:
    """The module of the component a ``Lesson`` method builds, if there is one."""
    if method in METHOD_MODULES:
        return METHOD_MODULES[method]
    name = f"kit.widgets.{method}"
    try:
        return name if importlib.util.find_spec(name) is not None else None
    except (ImportError, ValueError):
        return None


def warm_components(lesson_id: str, folder: Path | None = None) -> list[str]:
    """Import (and ``warm()``) the components lesson ``lesson_id`` uses; the modules warmed."""
    try:
        notebook = notebook_for(lesson_id, folder)
        methods = used_methods(notebook) if notebook else []
    except (OSError, ValueError):
        log.debug("could not read the notebook of %s", lesson_id, exc_info=True)
        return []
    warmed = []
    for method in methods:
        name = module_for(method)
        if name is None or name in warmed:
            continue
        try:
            module = importlib.import_module(name)
            warm = getattr(module, "warm", None)
            if callable(warm):
                warm()
            warmed.append(name)
        except Exception:  # a component that cannot warm up is built (or reported) later
            log.warning("could not prepare %s ahead of the student", name, exc_info=True)
    return warmed


def _code(cell: dict) -> str:
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else str(source)
    # IPython's magics and shell lines are not Python; they name no content.
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


def _literal(node: ast.AST):
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return _UNKNOWN


_UNKNOWN = object()


def content_used(notebook: Path) -> list[tuple[str, str]]:
    """``(kind, file)`` of each content file the notebook's ``lesson.<method>(...)`` calls read.

    The file is the one the call names (as text) or the method's default; a call whose file is
    computed is skipped: its file is read when the student gets there.
    """
    from kit.lesson import Lesson

    nb = json.loads(notebook.read_text(encoding="utf-8"))
    found: dict[tuple[str, str], None] = {}
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        try:
            tree = ast.parse(_code(cell))
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "lesson"):
                continue
            kind = Lesson.CONTENT_KINDS.get(node.func.attr)
            if kind is None or any(isinstance(a, ast.Starred) for a in node.args):
                continue
            signature = inspect.signature(getattr(Lesson, node.func.attr))
            try:
                bound = signature.bind_partial(None, *(_literal(a) for a in node.args),
                                               **{k.arg: _literal(k.value) for k in node.keywords if k.arg})
            except TypeError:
                continue
            parameter = signature.parameters.get("file")
            file = bound.arguments.get("file", parameter.default if parameter else _UNKNOWN)
            if isinstance(file, str) and file:
                found.setdefault((kind, file), None)
    return list(found)
