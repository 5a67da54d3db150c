"""What the kit shipped into a teacher's folder: the files, their hashes, the kit version."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from kit.content.paths import bundled_root

SHIPPED_FOLDERS = ("lessons", "datasets")
MANIFEST = Path(".netkit") / "manifest.json"
_SKIP_PARTS = {".ipynb_checkpoints", "__pycache__", ".netkit"}


def file_hash(path: Path) -> str:
    """The SHA-256 of what a teacher can change in a file: its bytes, or for a notebook its lesson.

    Opening a notebook in JupyterLab rewrites it (kernel and language metadata, cell ids, outputs of
    a trial run) without the teacher changing the lesson; ``netkit init --update`` must not take
    that for an edit and keep the kit's updates away from it. A notebook is compared by its cells'
    types, sources and tags and its ``netkit`` metadata (the catalogue's title, topic, audience).
    """
    data = path.read_bytes()
    if path.suffix == ".ipynb":
        lesson = _notebook_lesson(data)
        if lesson is not None:
            return NOTEBOOK_PREFIX + hashlib.sha256(lesson).hexdigest()
    return hashlib.sha256(data).hexdigest()


NOTEBOOK_PREFIX = "nb:"


def byte_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes (what manifests written before notebook hashing hold)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def same_file(path: Path, digest: str | None) -> bool:
    """Whether ``path`` is unchanged since ``digest`` was taken, by either way of hashing."""
    if digest is None or not path.is_file():
        return False
    return file_hash(path) == digest or (not digest.startswith(NOTEBOOK_PREFIX) and byte_hash(path) == digest)


def _notebook_lesson(data: bytes) -> bytes | None:
    try:
        doc = json.loads(data.decode("utf-8"))
        cells = [{"type": c.get("cell_type"), "source": "".join(c.get("source", "")),
                  "tags": sorted((c.get("metadata") or {}).get("tags", []))} for c in doc["cells"]]
        meta = (doc.get("metadata") or {}).get("netkit")
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        return None
    return json.dumps({"netkit": meta, "cells": cells}, ensure_ascii=False, sort_keys=True).encode("utf-8")


def shipped_files(root: Path | None = None) -> dict[str, Path]:
    """``{"lessons/defamation/basics.ipynb": path}`` for every file the kit ships to teachers."""
    root = Path(root) if root is not None else bundled_root()
    found = {}
    for folder in SHIPPED_FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            rel = path.relative_to(root)
            if path.is_file() and not _SKIP_PARTS & set(rel.parts) and not path.name.startswith((".", "~$")):
                found[rel.as_posix()] = path
    return found


@dataclass
class Manifest:
    """The kit version and the hash of each shipped file as it was last copied or accepted."""

    kit_version: str
    files: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, folder: Path) -> Manifest | None:
        """The manifest of ``folder``, or None when it was not made by ``netkit init``."""
        path = Path(folder) / MANIFEST
        if not path.is_file():
            return None
        doc = json.loads(path.read_text("utf-8"))
        return cls(str(doc.get("kit_version", "")), dict(doc.get("files", {})))

    def write(self, folder: Path) -> None:
        """Save the manifest in ``folder/.netkit/``."""
        path = Path(folder) / MANIFEST
        path.parent.mkdir(parents=True, exist_ok=True)
        doc = {"kit_version": self.kit_version, "files": dict(sorted(self.files.items())),
               "note": "netkit init --update がこのファイルで先生の変更を見分けます。消さないでください。"
                       " / netkit init --update uses this to tell your edits apart; do not delete it."}
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", "utf-8")
