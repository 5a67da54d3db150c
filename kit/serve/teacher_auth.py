"""Who counts as the teacher: a browser that typed the passcode, in a session the server can end.

The passcode lives in the data folder (``teacher-passcode``, readable by its owner only), so it is
the same after a restart; ``netkit serve`` prints it and ``netkit passcode --new`` changes it, even
while the server runs (the file is read at each login, and a new passcode ends every session).
Only strong passcodes are accepted: a student may guess, slowly (``MAX_FAILURES`` a minute per
address), but not a four-digit number.

Typing it starts a session: a random id kept on the server, sent in a signed, HTTP-only cookie.
Logging out (a POST with the page's xsrf value) ends the session on the server, so a copied
cookie stops working too; sessions also end after ``SESSION_SECONDS``.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
import unicodedata
from pathlib import Path

COOKIE = "netkit_teacher"
PASSCODE_FILE = "teacher-passcode"
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud and typed on a tablet
MIN_LENGTH = 10
MIN_DIFFERENT = 5
MAX_FAILURES = 8
LOCKOUT_SECONDS = 60
SESSION_SECONDS = 12 * 3600  # a school day


def new_passcode(groups: int = 3, size: int = 4) -> str:
    """A random passcode that is easy to read and type: ``k7mp-3xqa-9rtw`` (about 59 bits)."""
    while True:
        text = "-".join("".join(secrets.choice(ALPHABET) for _ in range(size)) for _ in range(groups))
        if passcode_problem(text) is None:
            return text


def normalise(text: str) -> str:
    """A typed passcode as compared: full-width characters from a Japanese keyboard read as ASCII, no case."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def passcode_problem(text: str) -> str | None:
    """Why ``text`` is too weak to be the teacher's passcode (a ``cli.yaml`` key), or None."""
    value = normalise(text)
    if len(value) < MIN_LENGTH:
        return "passcode_short"
    kinds = sum((any(c.isalpha() for c in value), any(c.isdigit() for c in value),
                 any(not c.isalnum() for c in value)))
    if kinds < 2:
        return "passcode_one_kind"
    if len(set(value)) < MIN_DIFFERENT:
        return "passcode_repetitive"
    return None


def passcode_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / PASSCODE_FILE


def save_passcode(data_dir: str | Path, passcode: str) -> Path:
    """Write the passcode to the data folder, readable and writable by its owner only (0600)."""
    path = passcode_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(passcode + "\n")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return path


def read_passcode(data_dir: str | Path) -> str:
    """The saved passcode, or "" when there is none."""
    try:
        return passcode_path(data_dir).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def current_passcode(data_dir: str | Path, given: str = "") -> str:
    """The passcode to use: ``given`` (saved for next time), else the saved one, else a new one (saved).

    ``given`` must already have passed ``passcode_problem``.
    """
    if given:
        if read_passcode(data_dir) != given:
            save_passcode(data_dir, given)
        return given
    saved = read_passcode(data_dir)
    if saved and passcode_problem(saved) is None:
        return saved
    fresh = new_passcode()
    save_passcode(data_dir, fresh)
    return fresh


class Guard:
    """Checks passcodes, slows down an address that keeps guessing, and keeps the teacher's sessions.

    ``data_dir`` set: the passcode is read from its file at each check, so a passcode changed with
    ``netkit passcode --new`` applies at once, and ends every session started with the old one.
    """

    def __init__(self, passcode: str = "", data_dir: str | Path | None = None):
        self._passcode = passcode
        self.data_dir = data_dir
        self._failures: dict[str, list[float]] = {}
        self._sessions: dict[str, float] = {}  # hash of the session id -> when it ends (monotonic)
        self._seen = self.passcode

    @property
    def passcode(self) -> str:
        if self.data_dir is not None:
            saved = read_passcode(self.data_dir)
            if saved:
                return saved
        return self._passcode

    def locked(self, address: str, now: float | None = None) -> bool:
        """Whether ``address`` must wait before trying again."""
        now = time.monotonic() if now is None else now
        recent = [t for t in self._failures.get(address, []) if now - t < LOCKOUT_SECONDS]
        if recent:
            self._failures[address] = recent
        else:
            self._failures.pop(address, None)
        return len(recent) >= MAX_FAILURES

    def check(self, address: str, attempt: str, now: float | None = None) -> bool:
        """Whether ``attempt`` is the passcode; a wrong one is counted against ``address``."""
        if self.locked(address, now):
            return False
        if hmac.compare_digest(normalise(attempt[:200]).encode(), normalise(self._current()).encode()):
            self._failures.pop(address, None)
            return True
        self._failures.setdefault(address, []).append(time.monotonic() if now is None else now)
        return False

    def _current(self) -> str:
        passcode = self.passcode
        if passcode != self._seen:  # changed while serving: whoever logged in with the old one is out
            self._seen = passcode
            self._sessions.clear()
        return passcode

    def replace_passcode(self, passcode: str) -> None:
        """Make ``passcode`` the passcode (saved in the data folder) and end every session."""
        if self.data_dir is not None:
            save_passcode(self.data_dir, passcode)
        self._passcode = self._seen = passcode
        self._sessions.clear()

    def start_session(self, now: float | None = None) -> str:
        """A new session id for a browser that just gave the passcode."""
        now = time.monotonic() if now is None else now
        self._sessions = {k: end for k, end in self._sessions.items() if end > now}
        session = secrets.token_urlsafe(32)
        self._sessions[_digest(session)] = now + SESSION_SECONDS
        return session

    def valid(self, session: str | None, now: float | None = None) -> bool:
        """Whether ``session`` is a live session (not ended, not expired, same passcode)."""
        if not session:
            return False
        self._current()
        end = self._sessions.get(_digest(session))
        return end is not None and end > (time.monotonic() if now is None else now)

    def end_session(self, session: str | None) -> None:
        """Log out: the session id no longer counts, wherever its cookie was copied."""
        if session:
            self._sessions.pop(_digest(session), None)


def _digest(session: str) -> str:
    return hashlib.sha256(session.encode()).hexdigest()


def _guard(handler) -> Guard:
    return handler.settings["netkit_guard"]


def _session(handler) -> str | None:
    value = handler.get_signed_cookie(COOKIE, max_age_days=1)
    return value.decode("ascii", "replace") if value else None


def is_teacher(handler) -> bool:
    """Whether the request comes from a browser in a live teacher's session (behind a hub: signed in there)."""
    hub = handler.settings.get("netkit_hub")
    if hub is not None:
        return hub.teacher_now(handler) is not None
    return _guard(handler).valid(_session(handler))


def mark_teacher(handler) -> None:
    """Start a teacher's session in this browser (ends when the browser closes, at logout, or after a day)."""
    session = _guard(handler).start_session()
    handler.set_signed_cookie(COOKIE, session, expires_days=None, httponly=True, samesite="Strict")


def log_out(handler) -> None:
    """End this browser's session on the server and forget its cookie."""
    _guard(handler).end_session(_session(handler))
    handler.clear_cookie(COOKIE)
