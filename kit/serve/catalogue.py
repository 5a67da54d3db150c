"""The lesson catalogue: every lesson notebook under a folder, read from its ``netkit`` metadata.

Reading metadata starts no kernel, so opening the catalogue costs the server nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.content.text import Text
from kit.content.vocab import AUDIENCES, TOPICS
from kit.notebook import metadata


@dataclass(frozen=True)
class Entry:
    """One lesson as the catalogue lists it."""

    path: str  # relative to the served folder, with "/" separators
    title: Text
    summary: Text
    topic: str
    audience: str
    minutes: int | None
    lesson_id: str = ""  # the id answers are stored under (metadata ``netkit.id``)
    booster: bool = False  # a short review weeks after the topic's lesson (metadata ``netkit.booster``)


def read_entry(root: Path, notebook: Path) -> Entry:
    """The catalogue entry of one notebook; a notebook without metadata is listed by its name."""
    rel = notebook.relative_to(root).as_posix()
    meta = metadata(notebook) or {}
    topic = meta.get("topic") if meta.get("topic") in TOPICS else _topic_from_path(rel)
    minutes = meta.get("minutes")
    return Entry(
        path=rel,
        title=Text(str(meta.get("title_ja") or notebook.stem), str(meta.get("title_en") or "")),
        summary=Text(str(meta.get("summary_ja") or ""), str(meta.get("summary_en") or "")),
        topic=topic,
        audience=str(meta.get("audience") or ""),
        minutes=minutes if isinstance(minutes, int) else None,
        lesson_id=str(meta.get("id") or ""),
        booster=meta.get("booster") is True,
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


def today_only(entries: list[Entry], today: list[str] | tuple[str, ...]) -> list[Entry]:
    """The entries of today's lessons (paths), or every entry when none was picked."""
    return [e for e in entries if e.path in today] if today else entries


def titles(entries: list[Entry], lang: str) -> dict[str, str]:
    """Lesson id → title in ``lang``, for naming stored results."""
    return {e.lesson_id: e.title.get(lang) for e in entries if e.lesson_id}


def suggest(name: str, entries: list[Entry]) -> str:
    """The lesson path a mistyped name probably meant: its id (``defamation-basics``), or the closest path."""
    import difflib

    stem = name.removesuffix(".ipynb")
    for e in entries:
        if stem in (e.lesson_id, e.path.removesuffix(".ipynb").replace("/", "-")):
            return e.path.removesuffix(".ipynb")
    close = difflib.get_close_matches(stem, [e.path.removesuffix(".ipynb") for e in entries], n=1, cutoff=0.6)
    return close[0] if close else ""


def grouped(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Entries grouped by topic, in catalogue order."""
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        groups.setdefault(e.topic, []).append(e)
    return list(groups.items())
