"""Copy the kit's lessons into a teacher's folder, and plan and apply an upgrade of that copy.

``plan_update`` compares three versions of each file: what the kit ships now, what it shipped
when the folder was made (the manifest's hash) and what is in the folder. Only a file the teacher
never changed is ever replaced; the new version of a file the teacher edited is saved under
``kit-updates/`` (outside ``lessons/`` and ``datasets/``, so it is neither served nor validated)
for the teacher to compare.
"""

from __future__ import annotations

import difflib
import enum
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from kit import __version__
from kit.workspace.manifest import Manifest, file_hash, same_file, shipped_files

UPDATES_FOLDER = "kit-updates"
REMOVED_FOLDER = Path(".netkit") / "removed"
TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".yaml", ".yml", ".md", ".json", ".ipynb"}


class Kind(str, enum.Enum):
    """What an upgrade would do with one file."""

    NEW = "new"  # the kit ships a new file: add it
    UPDATED = "updated"  # the kit changed a file the teacher did not: replace it
    EDITED = "edited"  # both changed it: keep the teacher's, save the kit's in kit-updates/
    RESTORE = "restore"  # the kit changed a file the teacher deleted: put it back
    REMOVED = "removed"  # the kit dropped a file the teacher did not change: move it to .netkit/removed/
    DROPPED_EDITED = "dropped-edited"  # the kit dropped a file the teacher changed: it stays, now the teacher's


@dataclass(frozen=True)
class Change:
    """One file an upgrade offers to change."""

    path: str  # relative to the teacher's folder, e.g. "datasets/quizzes/piracy_basics.csv"
    kind: Kind

    @property
    def default(self) -> bool:
        """Whether ``--yes`` takes it (everything that keeps the teacher's edits does)."""
        return self.kind is not Kind.RESTORE


@dataclass
class Plan:
    """The changes an upgrade offers, and files that only need their manifest entry refreshed."""

    changes: list[Change]
    settled: dict[str, str]  # path -> hash already identical to the kit's new version ("" = forget the path)


def init_folder(folder: Path, root: Path | None = None) -> int:
    """Copy every shipped file into ``folder`` (which must not hold lessons yet); return how many."""
    folder = Path(folder)
    manifest = Manifest(__version__)
    for rel, src in shipped_files(root).items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
        manifest.files[rel] = file_hash(src)
    manifest.write(folder)
    return len(manifest.files)


def plan_update(folder: Path, manifest: Manifest, root: Path | None = None) -> Plan:
    """What upgrading ``folder`` to the kit's current files would change, file by file."""
    folder = Path(folder)
    shipped = {rel: file_hash(p) for rel, p in shipped_files(root).items()}
    changes: list[Change] = []
    settled: dict[str, str] = {}
    for rel in sorted(set(shipped) | set(manifest.files)):
        new, base = shipped.get(rel), manifest.files.get(rel)
        local = folder / rel
        mine = file_hash(local) if local.is_file() else None
        if mine is not None and mine != base and same_file(local, base):
            mine = base  # unchanged since a manifest hashed it the older way (bytes)
        if new is not None and mine == new:
            if base != new:
                settled[rel] = new
        elif new is None:
            if mine is None:
                settled[rel] = ""  # gone from the kit and from the folder: forget it
            else:
                changes.append(Change(rel, Kind.REMOVED if mine == base else Kind.DROPPED_EDITED))
        elif base == new:
            continue  # the kit did not change it; whatever the teacher did stays
        elif mine is None:
            changes.append(Change(rel, Kind.NEW if base is None else Kind.RESTORE))
        elif mine == base:
            changes.append(Change(rel, Kind.UPDATED))
        else:
            changes.append(Change(rel, Kind.EDITED))
    return Plan(changes, settled)


def apply_change(change: Change, folder: Path, manifest: Manifest, root: Path | None = None) -> str:
    """Carry out ``change`` in ``folder`` and record it in ``manifest``; return where it went."""
    folder = Path(folder)
    shipped = shipped_files(root)
    target = folder / change.path
    if change.kind in (Kind.NEW, Kind.UPDATED, Kind.RESTORE):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(shipped[change.path], target)
        manifest.files[change.path] = file_hash(target)
        return change.path
    if change.kind is Kind.EDITED:
        beside = folder / UPDATES_FOLDER / change.path
        beside.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(shipped[change.path], beside)
        manifest.files[change.path] = file_hash(beside)  # seen: not offered again until the kit changes it anew
        return beside.relative_to(folder).as_posix()
    if change.kind is Kind.REMOVED:
        moved = folder / REMOVED_FOLDER / change.path
        moved.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(target, moved)
        manifest.files.pop(change.path, None)
        return moved.relative_to(folder).as_posix()
    manifest.files.pop(change.path, None)  # DROPPED_EDITED: the file is the teacher's own from now on
    return change.path


def diff_lines(change: Change, folder: Path, root: Path | None = None, limit: int = 60) -> list[str]:
    """A unified diff from the teacher's file to the kit's new one (notebooks: their cells' text)."""
    old_path = Path(folder) / change.path
    new_path = shipped_files(root).get(change.path)
    if Path(change.path).suffix.lower() not in TEXT_SUFFIXES:
        return []
    old = _text_lines(old_path) if old_path.is_file() else []
    new = _text_lines(new_path) if new_path is not None else []
    lines = list(difflib.unified_diff(old, new, f"いまのファイル / yours: {change.path}",
                                      f"キットの新しい版 / kit's new version: {change.path}", n=1, lineterm=""))
    if len(lines) > limit:
        lines = lines[:limit] + [f"…（ほか {len(lines) - limit} 行 / {len(lines) - limit} more lines）"]
    return lines


def _text_lines(path: Path) -> list[str]:
    from kit.content.tables import decode_text

    text = decode_text(path.read_bytes(), path.name)
    if path.suffix.lower() == ".ipynb":
        try:
            cells = json.loads(text).get("cells", [])
        except ValueError:
            return text.splitlines()
        out = []
        for number, cell in enumerate(cells, start=1):
            out.append(f"# ---- {number}番目のセル / cell {number} ({cell.get('cell_type')}) ----")
            out += "".join(cell.get("source", "")).splitlines()
        return out
    return text.splitlines()
