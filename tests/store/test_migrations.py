"""The numbered migrations: a store written by an older kit opens in this one with its answers kept."""

from __future__ import annotations

import sqlite3

from kit.store import Answer, open_store
from kit.store.migrations import MIGRATIONS, pending


def _old_store(path, version: int) -> None:
    """A results file as the kit of schema ``version`` left it, with one answer and one checked post."""
    db = sqlite3.connect(path)
    for number, script in pending(0)[:version]:
        for statement in script:
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {number}")
    db.execute("INSERT INTO answers (lesson, item, response, correct, phase, session, student, class_code, answered_at)"
               " VALUES ('demo', 'q-tf', '[0, 2]', 1, 'pre', 's-old', '7', '２－１', '2026-04-10T01:00:00+00:00')")
    if version >= 2:
        db.execute("INSERT INTO checked_posts (lesson, item, text, session, checked_at)"
                   " VALUES ('demo', 'postchecker:1', 'ばか', 's-old', '2026-04-10T01:00:00+00:00')")
    db.commit()
    db.close()


def test_a_store_of_schema_two_keeps_its_answers_and_learns_their_bank_column(tmp_path):
    path = tmp_path / "results.sqlite3"
    _old_store(path, 2)
    store = open_store(path)
    assert store.schema_version == len(MIGRATIONS) == 3
    [old] = store.answers(lesson="demo", class_code="2-1")
    assert (old.item, old.response, old.correct, old.phase, old.session, old.student) == ("q-tf", (0, 2), True, "pre", "s-old", "7")
    assert old.bank == ""  # stored before answers knew their bank
    assert [p["text"] for p in store.posts()] == ["ばか"]
    store.record(Answer("demo", "q-tf", (1,), False, "post", "s-new", "8", "2-1", bank="quizzes/sample.csv"))
    assert [(a.session, a.bank) for a in store.answers(lesson="demo")] == [("s-old", ""), ("s-new", "quizzes/sample.csv")]
    store.close()
    assert open_store(path).schema_version == 3  # opening again applies nothing twice


def test_a_store_of_schema_one_is_brought_up_to_date(tmp_path):
    path = tmp_path / "results.sqlite3"
    _old_store(path, 1)
    store = open_store(path)
    assert store.schema_version == len(MIGRATIONS)
    assert [a.item for a in store.answers()] == ["q-tf"] and store.posts() == []


def test_only_the_migrations_after_a_version_are_pending():
    assert [n for n, _ in pending(0)] == list(range(1, len(MIGRATIONS) + 1))
    assert [n for n, _ in pending(2)] == [3]
    assert pending(len(MIGRATIONS)) == []
    assert all(statements for _, statements in pending(0))
