"""Where a lesson finds its content: the nearest ``datasets/`` folder, else the one in the kit.

A lesson names content relative to ``datasets/`` (``"quizzes/defamation_basics.csv"``), so the
same notebook works in the checkout, in a teacher's folder made by ``netkit init`` and in a
district's image.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATASETS = "NETKIT_DATASETS"


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


def resolve(relative: str | Path, start: str | Path | None = None) -> Path:
    """The path of a content file named relative to the datasets folder (absolute paths kept)."""
    p = Path(relative)
    return p if p.is_absolute() else datasets_root(start) / p
