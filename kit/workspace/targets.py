"""Where a teacher's command may write: the teacher's own folder, never the installed kit.

A command run from the wrong folder must not quietly change the kit's own lessons (inside
site-packages, replaced at the next upgrade) nor leave stray ``lessons/`` and ``datasets/``
folders where the teacher happened to be. Every command that writes asks here first, prints the
full path it writes, and suggests commands that name the folder.
"""

from __future__ import annotations

from pathlib import Path

from kit.text.cli_text import say


class TargetError(Exception):
    """A folder or file a command refuses to write; ``str()`` is the sentence for the teacher."""


def kit_package() -> Path:
    """The installed ``kit`` package (its ``_bundled`` lessons and datasets included)."""
    return Path(__file__).resolve().parent.parent


def inside_installed_kit(path: str | Path) -> bool:
    """Whether ``path`` lies in the installed kit: the ``kit`` package or any site-packages folder."""
    target = Path(path).resolve()
    if target == kit_package() or kit_package() in target.parents:
        return True
    return any(part in ("site-packages", "dist-packages") for part in target.parts)


def writable(path: str | Path) -> Path:
    """``path`` made absolute; ``TargetError`` when it lies in the installed kit."""
    target = Path(path).resolve()
    if inside_installed_kit(target):
        raise TargetError(say("target_in_kit", path=target))
    return target


def teacher_folder(directory: str | None, need_lessons: bool = True,
                   example: tuple[str, str] = ("--dir じゅぎょう", "--dir myclass")) -> tuple[Path, Path]:
    """(lessons, datasets) of the teacher's folder to write into: ``directory`` or the current folder.

    It must be a lesson folder (``lessons`` and ``datasets`` in it, as ``netkit init`` makes; only
    ``datasets`` when ``need_lessons`` is false) and not the installed kit; otherwise ``TargetError``
    says which folder to name, with ``example`` (Japanese, English) showing how this command takes it.
    """
    base = Path(directory or ".").resolve()
    if base.name in ("lessons", "datasets") and (base.parent / "lessons").is_dir():
        base = base.parent
    writable(base)
    lessons, datasets = base / "lessons", base / "datasets"
    if not datasets.is_dir() or (need_lessons and not lessons.is_dir()):
        raise TargetError(say("target_not_lesson_folder", folder=base, example=example[0], example_en=example[1]))
    return lessons, datasets


def shown(folder: Path) -> str:
    """A folder as the teacher types it in a suggested command: relative when below here, else absolute, quoted if needed."""
    try:
        text = folder.resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        text = str(folder.resolve())
    return f'"{text}"' if any(ch.isspace() for ch in text) else text
