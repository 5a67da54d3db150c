"""What a preheated kernel prepares before its student arrives: the components its notebook uses.

A class arriving at once takes 40 preheated kernels in the same second; whatever each kernel still
has to import or load then runs 40 times over on the server's two cores. So while it waits, a
kernel finds its own notebook (the one in its folder whose ``metadata.netkit.id`` is the lesson's
id), sees which ``lesson.<component>(...)`` calls it makes (``kit.notebook``), imports those
components' modules and runs their warm hook if the registry names one (``kit.components``: e.g.
loading a morphological analyser's dictionary), and reads the content files those calls name (or
read by default) — only those, so a kernel holds its own lesson and not the whole datasets folder.
Nothing here may fail a lesson: a problem is logged and the component is simply built later.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from kit import components, notebook

log = logging.getLogger(__name__)


def notebook_for(lesson_id: str, folder: Path | None = None) -> Path | None:
    """The notebook in ``folder`` (default: the kernel's working folder) that is lesson ``lesson_id``."""
    return notebook.find(Path.cwd() if folder is None else folder, lesson_id)


def used_methods(path: Path) -> list[str]:
    """The ``lesson.<method>(`` calls in the notebook's code cells, in order, without repeats."""
    return notebook.read(path).methods()


def module_for(method: str) -> str | None:
    """The module of the component a ``Lesson`` method builds, if there is one."""
    component = components.COMPONENTS.get(method)
    return component.module if component is not None else None


def warm_components(lesson_id: str, folder: Path | None = None) -> list[str]:
    """Import (and warm) the components lesson ``lesson_id`` uses; the modules prepared."""
    try:
        path = notebook_for(lesson_id, folder)
        methods = used_methods(path) if path else []
    except (OSError, ValueError):
        log.debug("could not read the notebook of %s", lesson_id, exc_info=True)
        return []
    warmed = []
    for method in methods:
        component = components.COMPONENTS.get(method)
        if component is None or component.module in warmed:
            continue
        try:
            importlib.import_module(component.module)
            if component.warm:
                components.attribute(component.warm)()
            warmed.append(component.module)
        except Exception:  # a component that cannot warm up is built (or reported) later
            log.warning("could not prepare %s ahead of the student", component.module, exc_info=True)
    return warmed


def content_used(path: Path) -> list[tuple[str, str]]:
    """``(kind, file)`` of each content file the notebook's ``lesson.<method>(...)`` calls read.

    The file is the one the call names (as text) or the method's default; a call whose file is
    computed is skipped: its file is read when the student gets there.
    """
    found: dict[tuple[str, str], None] = {}
    for call in notebook.read(path).calls:
        component = components.COMPONENTS.get(call.method)
        if component is None or component.kind is None or call.spread:
            continue
        file = component.file_of(call.args, call.kwargs)
        if isinstance(file, str) and file:
            found.setdefault((component.kind, file), None)
    return list(found)
