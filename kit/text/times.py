"""Times as a teacher in Japan reads them: the store keeps UTC, every page, list and export shows Japan time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


def japan() -> timezone:
    """Asia/Tokyo (from the system's or the tzdata package's zone files; +09:00 without them — Japan keeps no summer time)."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Tokyo")
    except (ImportError, KeyError, ValueError, OSError):
        return timezone(timedelta(hours=9), "JST")


def in_japan(iso: str) -> datetime | None:
    """A stored ISO time (UTC) as an aware datetime in Japan time; None for an empty or broken value."""
    try:
        moment = datetime.fromisoformat(str(iso).replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(japan())


def shown(iso: str) -> str:
    """A stored time as a teacher reads it: ``2026-12-01 16:30`` in Japan time ("—" when missing)."""
    moment = in_japan(iso)
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "—"
