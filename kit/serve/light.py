"""Which lesson pages get the light page: the kit's own small widget manager instead of Voilà's JupyterLab bundle.

Voilà's page runs JupyterLab's front end (about 60 scripts, 1.5 MB compressed) so that it can draw
any widget and any output. A kit lesson draws only the kit's components: anywidget modules from
``widgets/*.js`` and three of ipywidgets' models they are put together with (``VBox``, ``HTML`` and
``Output`` holding Markdown, ``kit.widgets.fact_card``). ``static/netkit-light.js`` draws exactly
those, speaking the same kernel protocol, and ``netkit serve --light-page`` serves it for a
notebook whose every code cell only

- imports from ``kit`` (``from kit.lesson import Lesson``),
- binds a name to ``Lesson(...)``, or
- calls one of the lesson's components (a method in ``kit.components.COMPONENTS``),

so every widget it can show is the kit's (should the page still meet one it cannot draw, it asks
for the same lesson with ``?page=voila`` and gets Voilà's page). Anything else — a teacher's own code, a slider from
ipywidgets, a plot — keeps Voilà's page, which draws everything. The decision is made from the
notebook's code, never by running it, so a preheated kernel's page (rendered before its student
arrives) is decided the same way. Cells still run in the kernel through Voilà's executor and stream
to the page as before; only what draws them in the browser changes.
"""

from __future__ import annotations

import ast
from contextvars import ContextVar

from kit.components import COMPONENTS
from kit.notebook import netkit_of

ENABLED = {"on": False}  # set by ``netkit serve --light-page`` (kit.serve.app.make_app)
# Set while a page is rendered for ``?page=voila``: the light page met a widget it cannot draw and
# asked for the lesson again on Voilà's page (kit/serve/handlers.py).
VOILAS_PAGE: ContextVar[bool] = ContextVar("netkit_voilas_page", default=False)
LESSON_CLASS = "Lesson"


def enable(on: bool) -> None:
    ENABLED["on"] = bool(on)


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _imports_kit(node: ast.stmt) -> bool:
    if isinstance(node, ast.ImportFrom):
        return node.level == 0 and (node.module or "").split(".")[0] == "kit"
    if isinstance(node, ast.Import):
        return all(alias.name.split(".")[0] == "kit" for alias in node.names)
    return False


def _binds_lesson(node: ast.stmt) -> list[str]:
    """The names ``NAME = Lesson(...)`` binds (empty for any other statement)."""
    if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
        return []
    func = node.value.func
    called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    targets = node.targets
    if called != LESSON_CLASS or not all(isinstance(t, ast.Name) for t in targets):
        return []
    return [t.id for t in targets]


def _calls_component(node: ast.stmt, names: set[str]) -> bool:
    """``lesson.<component>(...)`` as a statement of its own, with arguments that call nothing."""
    if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)):
        return False
    func = node.value.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in names):
        return False
    arguments = [*node.value.args, *(k.value for k in node.value.keywords)]
    plain = all(not isinstance(inner, ast.Call | ast.Lambda | ast.NamedExpr)
                for arg in arguments for inner in ast.walk(arg))
    return func.attr in COMPONENTS and plain


def only_kit_widgets(cells) -> bool:
    """Whether every code cell among ``cells`` (a notebook's) only imports the kit, makes a Lesson and calls its components."""
    names: set[str] = set()
    code = [c for c in cells if isinstance(c, dict) and c.get("cell_type") == "code"]
    if not code:
        return False
    for cell in code:
        text = _source(cell)
        if any(line.lstrip().startswith(("%", "!")) for line in text.splitlines()):
            return False  # IPython's magics and shell lines can display anything
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError):
            return False
        for node in tree.body:
            bound = _binds_lesson(node)
            if bound:
                names.update(bound)
            elif not (_imports_kit(node) or _calls_component(node, names)):
                return False
    return bool(names)


def light_page(nb) -> bool:
    """Whether the notebook ``nb`` (nbformat's, as the page template has it) gets the light page (a Jinja filter)."""
    if not ENABLED["on"] or nb is None or VOILAS_PAGE.get():
        return False
    try:
        cells = nb.get("cells") or []
        return netkit_of(nb) is not None and only_kit_widgets(cells)
    except (AttributeError, TypeError):
        return False
