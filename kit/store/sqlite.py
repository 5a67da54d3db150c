"""Answers in SQLite: WAL mode, a busy timeout, and the numbered schema migrations of ``kit.store.migrations``.

One file serves a classroom: each student's kernel opens its own connection and commits every
answer at once, before the student sees feedback. A file still locked after the busy timeout raises
``StoreUnavailable``, so the sitting waits and tries again, as for a restarting PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kit.store.errors import StoreUnavailable
from kit.store.migrations import pending
from kit.store.sql import SQLStore


class SQLiteStore(SQLStore):
    """Answers kept in one SQLite file; safe for many kernels writing at once."""

    def __init__(self, path: str | Path, busy_timeout_ms: int = 30000):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=busy_timeout_ms / 1000, isolation_level=None)
        try:
            self._db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")  # each answer survives a power cut, not only a crash
            self._migrate()
        except sqlite3.OperationalError as error:
            self._db.close()
            if _busy(error):
                raise StoreUnavailable(f"the results file is busy: {error}") from error
            raise

    def _migrate(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            for number, script in pending(version, "sqlite"):
                for statement in script:
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number}")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _run(self, sql: str, args=()):
        try:
            return self._db.execute(sql, args)
        except sqlite3.OperationalError as error:
            if _busy(error):  # still locked after the busy timeout: a moment later it may not be
                raise StoreUnavailable(f"the results file is busy: {error}") from error
            raise

    @property
    def schema_version(self) -> int:
        """The schema version of the open file."""
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


def _busy(error: sqlite3.OperationalError) -> bool:
    """Whether ``error`` is SQLite's "database is locked" (SQLITE_BUSY or SQLITE_LOCKED)."""
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) if code is not None else "locked" in str(error)
