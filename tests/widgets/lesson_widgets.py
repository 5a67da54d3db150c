"""Every component a shipped lesson notebook builds, built in process from its ``lesson.…`` calls.

A helper shared by the forged-message tests (tests/widgets) and the kernel identity tests
(tests/security): both send a browser's messages to every component of every lesson.
"""

from __future__ import annotations

import json
from pathlib import Path

from kit.lesson import Lesson

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "lessons").glob("*/*.ipynb"))


def _components(top):
    yield top
    for child in getattr(top, "children", ()) or ():
        yield from _components(child)


def _lesson_widgets(notebook: Path, lesson: Lesson) -> list:
    """Every component the notebook builds, by evaluating its one-line ``lesson.…`` calls."""
    cells = json.loads(notebook.read_text("utf-8"))["cells"]
    env = {"lesson": lesson}
    built = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        for line in "".join(cell["source"]).splitlines():
            line = line.strip()
            if line.startswith("lesson.") and "(" in line:
                built.append(eval(line, env))  # noqa: S307 — our own shipped notebooks
    return built


def texts(value, path=(), parent=None):
    """(path, text, the dict it is in) for every string in a widget's state, depth first."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, (*path, str(key)), value)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from texts(item, (*path, i), None)
    elif isinstance(value, str):
        yield path, value, parent
