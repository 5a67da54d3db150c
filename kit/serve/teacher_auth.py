"""Who counts as the teacher: whoever typed the passcode that ``netkit serve`` printed.

The passcode is made fresh at each start (or given with ``--teacher-passcode``); typing it sets a
signed, HTTP-only cookie. Students' links never carry it, so a student's browser cannot open the
dashboard, the exports or teacher notebooks. Repeated wrong guesses from one address are slowed.
"""

from __future__ import annotations

import hmac
import secrets
import time

COOKIE = "netkit_teacher"
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud and typed on a tablet
MAX_FAILURES = 8
LOCKOUT_SECONDS = 60


def new_passcode(length: int = 8) -> str:
    """A random passcode that is easy to read and type."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


class Guard:
    """Checks passcodes and slows down an address that keeps guessing."""

    def __init__(self, passcode: str):
        self.passcode = passcode
        self._failures: dict[str, list[float]] = {}

    def locked(self, address: str, now: float | None = None) -> bool:
        """Whether ``address`` must wait before trying again."""
        now = time.monotonic() if now is None else now
        recent = [t for t in self._failures.get(address, []) if now - t < LOCKOUT_SECONDS]
        self._failures[address] = recent
        return len(recent) >= MAX_FAILURES

    def check(self, address: str, attempt: str, now: float | None = None) -> bool:
        """Whether ``attempt`` is the passcode; a wrong one is counted against ``address``."""
        if self.locked(address, now):
            return False
        if hmac.compare_digest(attempt.strip().lower().encode(), self.passcode.lower().encode()):
            self._failures.pop(address, None)
            return True
        self._failures.setdefault(address, []).append(time.monotonic() if now is None else now)
        return False


def is_teacher(handler) -> bool:
    """Whether the request comes from a browser that gave the passcode."""
    value = handler.get_signed_cookie(COOKIE, max_age_days=1)
    return value == b"1"


def mark_teacher(handler) -> None:
    """Remember in this browser that its user gave the passcode (for a day)."""
    handler.set_signed_cookie(COOKIE, "1", expires_days=1, httponly=True, samesite="Strict")
