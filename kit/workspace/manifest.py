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
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


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
