"""Where each student is in the lesson right now: the part of their latest answer, and how long ago it was.

A part is a quiz phase (pre, post, practice, …) for a quiz question, else the component that
named the item (``timeline:…``, ``scenario:…``: the word before the first colon). Parts are in the
order the class first reached them, which is the lesson's order for a class going through it.
A student is their nickname, else the first characters of their browser's token, as in
``kit.analysis.students``. Plain Python over the answers (no pandas): the teacher's page asks
for this every few seconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from kit.analysis.charts.progress_chart import PartCount
from kit.analysis.charts.words import say
from kit.store.records import Answer


def part_of(item: str, phase: str) -> str:
    """The part of the lesson an answer belongs to: its phase for a quiz question, else its component."""
    return phase if ":" not in item else item.split(":", 1)[0]


def part_label(part: str, lang: str = "ja") -> str:
    """The part's name for the teacher (``charts.yaml``), or the part itself when it has none."""
    try:
        return say(f"part_{part}", lang)
    except KeyError:
        return part


def _when(text: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def live_progress(answers: Iterable[Answer], now: datetime, lang: str = "ja") -> list[PartCount]:
    """One ``PartCount`` per part someone is on, in the order the class reached the parts.

    Args:
        answers: The answers of one class and lesson.
        now: The time to count "minutes ago" from (aware).
        lang: "ja" or "en", for the parts' names.
    """
    first_seen: dict[str, str] = {}
    latest: dict[str, tuple[str, str]] = {}  # student -> (time, part)
    for a in answers:
        part = part_of(a.item, a.phase)
        when = a.answered_at or ""
        if part not in first_seen or when < first_seen[part]:
            first_seen[part] = when
        who = a.student.strip() or a.session[:8]
        if who not in latest or when >= latest[who][0]:
            latest[who] = (when, part)
    at: dict[str, list[tuple[str, int]]] = {}
    for who, (when, part) in sorted(latest.items(), key=lambda kv: kv[0]):
        moment = _when(when)
        minutes = max(0, int((now - moment).total_seconds() // 60)) if moment else 0
        at.setdefault(part, []).append((who, minutes))
    order = sorted(at, key=lambda p: first_seen[p])
    return [PartCount(part_label(p, lang), tuple(at[p])) for p in order]
