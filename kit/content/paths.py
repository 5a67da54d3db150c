"""Where a lesson finds its content: the nearest ``datasets/`` folder, else the one in the kit.

A lesson names content relative to ``datasets/`` (``"quizzes/defamation_basics.csv"``), so the
same notebook works in the checkout, in a teacher's folder made by ``netkit init`` and in a
district's image.

A lesson a teacher published from the teacher's page (``kit.serve.publish``) runs in its teacher's
folder ``published/TEACHER/``; the content files that teacher published with it are in
``published/TEACHER/own/datasets/`` and are read instead of the kit's files of the same name
(every other file still comes from the kit's datasets).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATASETS = "NETKIT_DATASETS"
OWN = ("own", "datasets")  # beside a published lesson: its teacher's content files


def bundled_root() -> Path:
    """The folder that holds the kit's own ``lessons``, ``datasets`` and ``widgets``."""
    package = Path(__file__).resolve().parent.parent
    bundled = package / "_bundled"
    return bundled if bundled.is_dir() else package.parent


def datasets_root(start: str | Path | None = None) -> Path:
    """The ``datasets`` folder for a lesson running in ``start`` (default: the working folder)."""
    env = os.environ.get(ENV_DATASETS)
    if env:
        return Path(env)
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "datasets"
        if candidate.is_dir():
            return candidate
    return bundled_root() / "datasets"


def own_file(relative: str | Path, start: str | Path | None = None) -> Path | None:
    """The lesson folder's own copy of a content file (``own/datasets/<relative>`` beside the notebook), or None.

    Only a plain file inside that folder counts: no ``..``, no hidden name, no symlink on the way.
    """
    parts = Path(relative).parts
    if not parts or any(part in (".", "..") or part.startswith(".") for part in parts):
        return None
    own = Path(start or os.getcwd()).joinpath(*OWN)
    steps = [own.joinpath(*parts[:i]) for i in range(1, len(parts) + 1)]
    if not own.is_dir() or any(step.is_symlink() for step in steps) or not steps[-1].is_file():
        return None
    return steps[-1]


def resolve(relative: str | Path, start: str | Path | None = None) -> Path:
    """The path of a content file named relative to the datasets folder (absolute paths kept).

    A published lesson's own copy of the file (``own_file``) comes first.
    """
    p = Path(relative)
    if p.is_absolute():
        return p
    return own_file(p, start) or datasets_root(start) / p
