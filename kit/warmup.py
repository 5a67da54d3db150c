"""What a preheated kernel prepares before its student arrives: the components its notebook uses.

A class arriving at once takes 40 preheated kernels in the same second; whatever each kernel still
has to import or load then runs 40 times over on the server's two cores. So while it waits, a
kernel finds its own notebook (the one in its folder whose ``metadata.netkit.id`` is the lesson's
id), sees which ``lesson.<component>(...)`` calls it makes, imports those components' modules and
calls their ``warm()`` if they have one (e.g. loading a morphological analyser's dictionary).
Nothing here may fail a lesson: a problem is logged and the component is simply built later.
"""

from __future__ import annotations

import importlib
import importlib.util
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
