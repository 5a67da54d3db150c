"""The answer store: committed at once, safe with many writers, upgraded by migrations."""

from __future__ import annotations

import multiprocessing
import sqlite3

from kit.store import Answer, open_store
from kit.store.migrations import MIGRATIONS


def answer(i=0, **kw):
    base = dict(lesson="demo", item=f"q{i}", response=(1,), correct=True, phase="pre", session="s", student="<b>3番</b>", class_code="2-3")
    base.update(kw)
    return Answer(**base)


def test_records_are_visible_to_another_connection_at_once(tmp_path):
    db = tmp_path / "r.sqlite3"
    writer = open_store(db)
    writer.record(answer())
    other = sqlite3.connect(db)
    assert other.execute("SELECT student, class_code FROM answers").fetchall() == [("<b>3番</b>", "2-3")]
    assert writer.schema_version == len(MIGRATIONS)
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reading_back(tmp_path):
    store = open_store(tmp_path / "r.sqlite3")
    store.record(answer(1, response=(2, 0, 1), correct=False))
    got = store.answers(lesson="demo", class_code="2-3")
    assert got[0].response == (2, 0, 1) and got[0].correct is False and got[0].answered_at


def _write_many(path, worker, count, ready=None):
    store = open_store(path)
    if ready is not None:
        ready.wait(120)  # every writer has its connection open: all start at once
    for i in range(count):
        store.record(answer(i, session=f"w{worker}"))
    store.close()


def test_many_processes_lose_nothing(tmp_path):
    db = tmp_path / "r.sqlite3"
    open_store(db).close()
    procs = [multiprocessing.Process(target=_write_many, args=(db, w, 50)) for w in range(8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM answers").fetchone()[0] == 400
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_summary_count_and_purge(tmp_path):
    store = open_store(tmp_path / "r.sqlite3")
    store.record(answer(1, class_code="1-1", answered_at="2026-04-01T00:00:00"))
    store.record(answer(2, class_code="1-1", answered_at="2026-10-01T00:00:00"))
    store.record(answer(3, class_code="2-3", answered_at="2026-10-01T00:00:00"))
    assert [(r[0], r[2], r[3]) for r in store.summary()] == [("1-1", 1, 2), ("2-3", 1, 1)]
    assert store.count(before="2026-05-01") == 1
    assert store.purge(class_code="1-1", before="2026-05-01") == 1
    assert store.purge(class_code="2-3") == 1
    assert [a.item for a in store.answers()] == ["q2"]


def test_forty_kernels_writing_two_hundred_answers_each_lose_nothing(tmp_path):
    # As a class's 40 kernels do; the throughput is measured by benchmarks/store_concurrency.py, never asserted.
    db = tmp_path / "r.sqlite3"
    open_store(db).close()
    ready = multiprocessing.Barrier(41)
    procs = [multiprocessing.Process(target=_write_many, args=(db, w, 200, ready)) for w in range(40)]
    for p in procs:
        p.start()
    ready.wait(120)
    for p in procs:
        p.join(300)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM answers").fetchone()[0] == 8000
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert {p.exitcode for p in procs} == {0}


def test_checked_posts_are_kept_apart_and_purged_with_their_class(tmp_path):
    store = open_store(tmp_path / "r.sqlite3")
    store.record(answer())
    store.record_post({"lesson": "demo", "item": "postchecker:1", "text": "バカ", "categories": "insult",
                       "session": "s", "class_code": "2-3"})
    store.record_post({"lesson": "demo", "item": "postchecker:1", "text": "hi", "session": "t", "class_code": "1-1"})
    assert [p["text"] for p in store.posts(class_code="2-3")] == ["バカ"]
    assert store.answers()[0].item == "q0"  # the answer path is unchanged
    store.purge(class_code="2-3")
    assert [p["text"] for p in store.posts()] == ["hi"]


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
