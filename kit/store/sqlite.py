"""Answers in SQLite: WAL mode, a busy timeout, and numbered schema migrations.

One file serves a classroom: each student's kernel opens its own connection and commits every
answer at once, before the student sees feedback.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from kit.store.records import Answer

# Each entry moves the schema one version up; never edit a released entry, add a new one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        lesson TEXT NOT NULL,
        item TEXT NOT NULL,
        response TEXT NOT NULL,
        correct INTEGER NOT NULL,
        phase TEXT NOT NULL,
        session TEXT NOT NULL,
        student TEXT NOT NULL DEFAULT '',
        class_code TEXT NOT NULL DEFAULT '',
        answered_at TEXT NOT NULL
    );
    CREATE INDEX answers_by_class ON answers (class_code, lesson);
    CREATE INDEX answers_by_session ON answers (session);
    """,
)


class SQLiteStore:
    """Answers kept in one SQLite file; safe for many kernels writing at once."""

    def __init__(self, path: str | Path, busy_timeout_ms: int = 30000):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=busy_timeout_ms / 1000, isolation_level=None)
        self._db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")  # with WAL: durable at each commit's checkpoint
        self._migrate()

    def _migrate(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in filter(str.strip, script.split(";")):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number}")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        """The schema version of the open file."""
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def record(self, answer: Answer) -> None:
        """Write one answer and commit it before returning."""
        at = answer.answered_at or datetime.now(timezone.utc).isoformat(timespec="milliseconds")
        self._db.execute(
            "INSERT INTO answers (lesson, item, response, correct, phase, session, student,"
            " class_code, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (answer.lesson, answer.item, json.dumps(list(answer.response)), int(answer.correct),
             answer.phase, answer.session, answer.student, answer.class_code, at),
        )

    def answers(self, lesson: str | None = None, class_code: str | None = None) -> list[Answer]:
        """Stored answers, oldest first, optionally of one lesson and one class."""
        sql, args = "SELECT lesson, item, response, correct, phase, session, student, class_code, answered_at FROM answers", []
        where = []
        if lesson is not None:
            where.append("lesson = ?")
            args.append(lesson)
        if class_code is not None:
            where.append("class_code = ?")
            args.append(class_code)
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._db.execute(sql + " ORDER BY id", args).fetchall()
        return [Answer(r[0], r[1], tuple(json.loads(r[2])), bool(r[3]), r[4], r[5], r[6], r[7], r[8]) for r in rows]

    def close(self) -> None:
        """Close the connection."""
        self._db.close()
