"""Answers in PostgreSQL (psycopg 3, the ``postgres`` extra): the same queries and numbered migrations as SQLite.

Each student's kernel holds one connection in autocommit mode, so every answer is committed before
the student sees feedback. When the server restarts, the broken connection is dropped and the next
call connects again; a call that cannot reach the server raises ``StoreUnavailable`` (the sitting
waits and tries again). Kernels that open the store at once apply the migrations one at a time
(an advisory lock), each in one transaction.
"""

from __future__ import annotations

from kit.store.errors import MissingExtra, StoreUnavailable
from kit.store.migrations import pending
from kit.store.sql import SQLStore

SCHEMES = ("postgresql://", "postgres://")
MIGRATION_LOCK = 0x6E65746B6974  # "netkit": one advisory lock id for applying migrations
CONNECT_TIMEOUT_S = 5


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

    def __init__(self, url: str):
        self.url = url
        self._psycopg = _psycopg()
        self._db = None
        self._migrate()

    def _connection(self):
        if self._db is None or self._db.closed or self._db.broken:
            if self._db is not None:
                self._db.close()
            self._db = self._psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        return self._db

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
        try:
            return self._connection().execute(sql.replace("?", "%s"), args)
        except self._psycopg.OperationalError as error:
            raise self._unavailable(error) from error

    @property
    def schema_version(self) -> int:
        """The schema version the database has reached."""
        return self._run("SELECT version FROM netkit_schema").fetchone()[0]

    def close(self) -> None:
        """Close the connection."""
        if self._db is not None:
            self._db.close()
            self._db = None
