"""The results store's schema, as numbered migrations: the one list every backend applies in order.

Entry ``n`` (1-based) moves a store from schema version ``n - 1`` to ``n``; a store records the
version it has reached (SQLite: ``PRAGMA user_version``) and applies only the entries after it,
so a store written by an older kit opens in a newer one with its answers kept. Never edit a
released entry: add one. Statements are separated by ``;`` and keep to SQL that SQLite and
PostgreSQL both read (``ALTER TABLE … ADD COLUMN … NOT NULL DEFAULT ''``), except entries 1–2,
whose ``INTEGER PRIMARY KEY`` a PostgreSQL backend spells as an identity column.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: one row per answer a student gave
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
    # 2: posts a student checked with the PostChecker, kept only when the teacher turns it on
    """
    CREATE TABLE checked_posts (
        id INTEGER PRIMARY KEY,
        lesson TEXT NOT NULL,
        item TEXT NOT NULL,
        text TEXT NOT NULL,
        categories TEXT NOT NULL DEFAULT '',
        session TEXT NOT NULL,
        student TEXT NOT NULL DEFAULT '',
        class_code TEXT NOT NULL DEFAULT '',
        checked_at TEXT NOT NULL
    );
    CREATE INDEX checked_posts_by_class ON checked_posts (class_code, lesson);
    """,
    # 3: the content file each answer came from (``quizzes/x.csv``), so reports read only that bank;
    # answers stored before it keep '' (a report then looks the item up in every bank)
    """
    ALTER TABLE answers ADD COLUMN bank TEXT NOT NULL DEFAULT ''
    """,
)


def statements(script: str) -> list[str]:
    """The statements of one migration, in order."""
    return [s.strip() for s in script.split(";") if s.strip()]


def pending(version: int) -> list[tuple[int, list[str]]]:
    """(number, statements) of every migration after schema ``version``, oldest first."""
    return [(number, statements(script)) for number, script in enumerate(MIGRATIONS, start=1) if number > version]
