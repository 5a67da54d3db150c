"""The lesson catalogue: every lesson notebook under a folder, read from its ``netkit`` metadata.

Reading metadata starts no kernel, so opening the catalogue costs the server nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kit.content.text import Text
from kit.content.vocab import AUDIENCES, TOPICS


@dataclass(frozen=True)
class Entry:
    """One lesson as the catalogue lists it."""

    path: str  # relative to the served folder, with "/" separators
    title: Text
    summary: Text
    topic: str
    audience: str
    minutes: int | None


def read_entry(root: Path, notebook: Path) -> Entry:
    """The catalogue entry of one notebook; a notebook without metadata is listed by its name."""
    rel = notebook.relative_to(root).as_posix()
    meta: dict = {}
    try:
        meta = json.loads(notebook.read_text("utf-8")).get("metadata", {}).get("netkit", {}) or {}
    except (OSError, ValueError, AttributeError):
        meta = {}
    topic = meta.get("topic") if meta.get("topic") in TOPICS else _topic_from_path(rel)
    minutes = meta.get("minutes")
    return Entry(
        path=rel,
        title=Text(str(meta.get("title_ja") or notebook.stem), str(meta.get("title_en") or "")),
        summary=Text(str(meta.get("summary_ja") or ""), str(meta.get("summary_en") or "")),
        topic=topic,
        audience=str(meta.get("audience") or ""),
        minutes=minutes if isinstance(minutes, int) else None,
    )


def _topic_from_path(rel: str) -> str:
    first = rel.split("/", 1)[0]
    return first if first in TOPICS else "other"


def scan(root: str | Path, include_teacher: bool = False) -> list[Entry]:
    """Every lesson under ``root``, by topic then audience then title; teacher pages left out."""
    root = Path(root)
    entries = [
        read_entry(root, nb) for nb in root.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in nb.parts and not any(p.startswith(".") for p in nb.relative_to(root).parts)
    ]
    if not include_teacher:
        entries = [e for e in entries if e.topic != "teacher"]
    order = {t: i for i, t in enumerate((*TOPICS, "other"))}
    band = {a: i for i, a in enumerate(AUDIENCES)}
    return sorted(entries, key=lambda e: (order.get(e.topic, 99), band.get(e.audience, 99), e.path))


def grouped(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Entries grouped by topic, in catalogue order."""
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        groups.setdefault(e.topic, []).append(e)
    return list(groups.items())
