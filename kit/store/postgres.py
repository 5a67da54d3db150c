"""Answers in PostgreSQL (psycopg 3, the ``postgres`` extra): the same queries and numbered migrations as SQLite.

Each student's kernel writes through one connection in autocommit mode, so every answer is committed before
the student sees feedback. The connection is held only while the kernel is writing: it closes once it has been idle
for ``idle_close_s`` seconds (``NETKIT_STORE_IDLE_S``, 10 by default; ``none`` holds it for the whole lesson) and the
next answer opens it again. So a district's database holds about one connection per student answering in the last
few seconds, not one per student sitting a lesson (docs/district.md). When the server restarts, the broken
connection is dropped and the next call connects again; a call that cannot reach the server raises
``StoreUnavailable`` (the sitting waits and tries again). Kernels that open the store at once apply the migrations
one at a time (an advisory lock), each in one transaction.
"""

from __future__ import annotations

import threading
import time

from kit.store.errors import MissingExtra, StoreUnavailable
from kit.store.migrations import pending
from kit.store.sql import SQLStore

SCHEMES = ("postgresql://", "postgres://")
MIGRATION_LOCK = 0x6E65746B6974  # "netkit": one advisory lock id for applying migrations
CONNECT_TIMEOUT_S = 5
IDLE_CLOSE_S = 10.0  # seconds an unused connection stays open (a quiz's answers come in bursts)
APPLICATION_NAME = "netkit"  # how the kit's connections show in pg_stat_activity


def is_url(location) -> bool:
    """Whether ``location`` names a PostgreSQL database (``postgresql://…``) rather than a SQLite file."""
    return isinstance(location, str) and location.startswith(SCHEMES)


def shown(url: str) -> str:
    """The URL as printed for people: its password replaced by ``***``."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def _psycopg():
    try:
        import psycopg
    except ImportError as missing:
        raise MissingExtra("postgres") from missing
    return psycopg


class PostgresStore(SQLStore):
    """Answers kept in one PostgreSQL database, shared by every kernel (and every server) that names its URL."""

    def __init__(self, url: str, idle_close_s: float | None = IDLE_CLOSE_S):
        self.url = url
        self.idle_close_s = idle_close_s  # None: keep the connection for as long as the store is open
        self._psycopg = _psycopg()
        self._db = None
        self._lock = threading.RLock()  # the idle timer's thread closes the connection only between statements
        self._used = 0.0
        self._timer: threading.Timer | None = None
        with self._lock:
            self._migrate()
            self._touch()

    @property
    def connected(self) -> bool:
        """Whether the store holds an open connection now."""
        return self._db is not None and not self._db.closed

    def _connection(self):
        if self._db is None or self._db.closed or self._db.broken:
            if self._db is not None:
                self._db.close()
            self._db = self._psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                                             application_name=APPLICATION_NAME)
        return self._db

    def _touch(self) -> None:
        """Note a use, and make sure a timer will close the connection once it has been idle long enough."""
        self._used = time.monotonic()
        if self.idle_close_s is not None and (self._timer is None or not self._timer.is_alive()):
            self._start_timer(self.idle_close_s)

    def _start_timer(self, after: float) -> None:
        self._timer = threading.Timer(after, self._close_if_idle)
        self._timer.daemon = True  # never keeps a kernel alive
        self._timer.start()

    def _close_if_idle(self) -> None:
        with self._lock:
            if self._db is None:
                return
            idle = time.monotonic() - self._used
            if idle >= self.idle_close_s:
                self._db.close()
                self._db = None
            else:  # used since the timer started: look again when it will have been idle long enough
                self._start_timer(self.idle_close_s - idle)

    def _unavailable(self, error) -> StoreUnavailable:
        if self._db is not None and (self._db.closed or self._db.broken):
            self._db.close()  # the next call connects again
            self._db = None
        return StoreUnavailable(f"PostgreSQL cannot be reached now: {error}")

    def _migrate(self) -> None:
        try:
            db = self._connection()
            with db.transaction():
                db.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
                db.execute("CREATE TABLE IF NOT EXISTS netkit_schema (version INTEGER NOT NULL)")
                row = db.execute("SELECT version FROM netkit_schema").fetchone()
                if row is None:
                    db.execute("INSERT INTO netkit_schema (version) VALUES (0)")
                for number, script in pending(row[0] if row else 0, "postgresql"):
                    for statement in script:
                        db.execute(statement)
                    db.execute("UPDATE netkit_schema SET version = %s", (number,))
        except self._psycopg.OperationalError as error:
            raise self._unavailable(error) from error

    def _run(self, sql: str, args=()):
        with self._lock:
            try:
                cursor = self._connection().execute(sql.replace("?", "%s"), args)
                rows = cursor.fetchall() if cursor.description is not None else None
            except self._psycopg.OperationalError as error:
                raise self._unavailable(error) from error
            self._touch()
            return _Fetched(rows, cursor.rowcount)

    @property
    def schema_version(self) -> int:
        """The schema version the database has reached."""
        return self._run("SELECT version FROM netkit_schema").fetchone()[0]

    def close(self) -> None:
        """Close the connection (and stop its idle timer)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._db is not None:
                self._db.close()
                self._db = None


class _Fetched:
    """A statement's rows, read before the connection may close: what the queries use of a cursor."""

    def __init__(self, rows: list | None, rowcount: int):
        self._rows = rows or []
        self.rowcount = rowcount

    def fetchone(self):
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list:
        return list(self._rows)

    def __iter__(self):
        return iter(self._rows)
