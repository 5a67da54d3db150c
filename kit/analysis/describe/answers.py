"""Any stored answer in a teacher's words, through its component's ``describe`` (``kit.components``).

The content file is the one the answer names (its ``bank``), else the component's default file,
else any file of its kind whose id the item names. Files are read once while unchanged. When no
file explains the answer (moved, renamed, broken, or changed since), the item is named by its
component and ids and the response by its choice numbers: a report never fails on an old answer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from kit.analysis.describe.words import Described, numbers
from kit.components import COMPONENTS, KINDS, Component, attribute, content_files, kind_of
from kit.text.ui import label

log = logging.getLogger(__name__)


def component_of(item: str) -> Component | None:
    """The component whose answers are stored under ``item`` (by the part before the first ":"), if any."""
    prefix = item.partition(":")[0] if ":" in item else ""
    return next((c for c in COMPONENTS.values() if c.records == prefix and c.describe), None)


def describe_answer(item: str, response: tuple[int, ...], bank: str, datasets: Path, lang: str = "ja") -> Described:
    """``item`` and ``response`` (0-based numbers) as the teacher reads them, from the content files under ``datasets``."""
    response = tuple(response)
    component = component_of(item)
    if component is None:
        return Described(item, numbers(response, lang), from_file=False)
    describe = attribute(component.describe)
    for content in _contents(component, bank, Path(datasets)):
        try:
            found = describe(content, item, response, lang)
        except Exception:  # a file the describe function did not expect: the numbers stand in
            log.exception("could not describe %s with %s", item, component.describe)
            found = None
        if found is not None:
            return replace(found, scored=component.scored)
    return Described(fallback_text(component, item, lang), numbers(response, lang), component.scored, from_file=False)


def fallback_text(component: Component, item: str, lang: str) -> str:
    """「横読み（who-is-behind / supplement）」: the component's name and the item's ids, when no file names it."""
    ids = item.partition(":")[2] if component.records else item
    return label("item_fallback", lang, what=label(f"item_kind_{component.method}", lang), ids=ids.replace(":", " / "))


def _contents(component: Component, bank: str, datasets: Path) -> Iterator[object]:
    """The readable content files that may explain an answer, most likely first, each once."""
    kind = KINDS[component.kind]
    paths = [Path(bank) if Path(bank).is_absolute() else datasets / bank] if bank else []
    if component.file:
        paths.append(datasets / component.file)
    paths += [p for p in content_files(datasets / kind.folder) if kind_of(kind.folder, p) == kind.name]
    seen = set()
    for path in paths:
        if path in seen:
            continue
        seen.add(path)
        content = read(kind.name, path)
        if content is not None:
            yield content


def read(kind: str, path: Path) -> object | None:
    """The content file at ``path`` as its kind's loader reads it, once while unchanged; None if missing or broken."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return _read(kind, str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _read(kind: str, path: str, mtime_ns: int, size: int) -> object | None:
    try:
        return attribute(KINDS[kind].loader)(path)
    except Exception:  # a broken file (ContentError) or one no longer of this kind: its answers keep their ids
        log.debug("could not read %s as %s", path, kind, exc_info=True)
        return None
