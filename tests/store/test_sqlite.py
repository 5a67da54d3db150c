"""The SQLite file itself: written ahead (WAL), readable by sqlite3, upgraded in place (both backends: test_store.py)."""

from __future__ import annotations

import sqlite3

import pytest

from kit.store import SQLiteStore, open_store
from kit.store.migrations import MIGRATIONS
from tests.store.answers import answer


def test_a_results_file_is_written_ahead_and_readable_by_sqlite_itself(tmp_path):
    db = tmp_path / "r.sqlite3"
    writer = open_store(db)
    writer.record(answer())
    other = sqlite3.connect(db)
    assert other.execute("SELECT student, class_code FROM answers").fetchall() == [("<b>3番</b>", "2-3")]
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert other.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_an_old_store_is_upgraded_in_place(tmp_path):
    db = tmp_path / "old.sqlite3"
    old = sqlite3.connect(db)
    old.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    old.execute("INSERT INTO answers (lesson, item, response, correct, phase, session, answered_at)"
                " VALUES ('l', 'q', '[1]', 1, 'pre', 's', 't')")
    old.commit()
    old.close()
    store = open_store(db)
    assert store.schema_version == len(MIGRATIONS) and store.answers()[0].item == "q"
    assert store.posts() == []


def test_a_file_still_locked_after_the_busy_timeout_is_unavailable_for_a_moment(tmp_path):
    from kit.store import StoreUnavailable

    db = tmp_path / "r.sqlite3"
    open_store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    waiting = SQLiteStore(db, busy_timeout_ms=50)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the file
    with pytest.raises(StoreUnavailable):
        waiting.record(answer())
    with pytest.raises(StoreUnavailable):
        SQLiteStore(db, busy_timeout_ms=50)  # opening it too
    holder.execute("COMMIT")
    waiting.record(answer())  # the same call a moment later
    assert [a.item for a in waiting.answers()] == ["q0"]
