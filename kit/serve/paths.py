"""Which notebook a lesson link names, decided once on the normalised path inside the lessons folder.

Tornado hands the handler the path with ``%2e`` and ``%2f`` already decoded, but not normalised:
``./teacher/x.ipynb`` and ``defamation/../teacher/x.ipynb`` name a teacher notebook without
starting with ``teacher/``. Every check here is made on the path resolved against the lessons
folder (symbolic links followed), and that same path is what Voilà then renders, so the check and
the use cannot disagree.
"""

from __future__ import annotations

import os
from pathlib import Path

TEACHER_FOLDER = "teacher"


def notebook_path(root: str | Path, requested: str) -> str | None:
    """The notebook ``requested`` names, relative to ``root`` with ``/``; None if it is not a notebook inside ``root``.

    Hidden parts (``.ipynb_checkpoints``, ``.git``) are refused like paths that leave the folder.
    """
    base = Path(root).resolve()
    try:
        resolved = (base / requested.lstrip("/\\")).resolve()
        relative = resolved.relative_to(base)
    except (ValueError, OSError):  # outside the folder, a NUL byte, a name the system refuses
        return None
    if not relative.parts or any(part.startswith(".") for part in relative.parts):
        return None
    if resolved.suffix.lower() != ".ipynb" or not resolved.is_file():
        return None
    return relative.as_posix()


def is_teacher_notebook(root: str | Path, relative: str) -> bool:
    """Whether the notebook at ``relative`` (from ``notebook_path``) lies in the teacher's folder.

    Compared as files too, so ``Teacher/`` on a case-insensitive disk is the teacher's folder.
    """
    first = relative.split("/", 1)[0]
    if first.casefold() == TEACHER_FOLDER:
        return True
    teacher = Path(root).resolve() / TEACHER_FOLDER
    first_path = Path(root).resolve() / first
    try:
        return teacher.is_dir() and first_path.is_dir() and os.path.samefile(first_path, teacher)
    except OSError:
        return False
