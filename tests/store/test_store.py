"""The answer store on both backends (SQLite and PostgreSQL): committed at once, safe with many writers."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

from kit.store import open_store
from kit.store.migrations import MIGRATIONS
from tests.store.answers import answer


def test_records_are_visible_to_another_connection_at_once(location):
    writer = open_store(location)
    writer.record(answer())
    other = open_store(location)
    assert [(a.student, a.class_code) for a in other.answers()] == [("<b>3番</b>", "2-3")]
    assert writer.schema_version == other.schema_version == len(MIGRATIONS)


def test_reading_back(location):
    store = open_store(location)
    store.record(answer(1, response=(2, 0, 1), correct=False))
    got = store.answers(lesson="demo", class_code="2-3")
    assert got[0].response == (2, 0, 1) and got[0].correct is False and got[0].answered_at


def _write_many(location, worker, count, ready=None):
    store = open_store(location)
    if ready is not None:
        ready.wait(120)  # every writer has its connection open: all start at once
    for i in range(count):
        store.record(answer(i, session=f"w{worker}"))
    store.close()


def _all_there(location, workers: int, each: int) -> None:
    """Every writer's every answer is stored once (and a SQLite file is intact)."""
    stored = open_store(location).answers()
    assert sorted((a.session, a.item) for a in stored) == sorted((f"w{w}", f"q{i}") for w in range(workers) for i in range(each))
    if isinstance(location, Path):
        assert sqlite3.connect(location).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_many_processes_lose_nothing(location):
    open_store(location).close()
    procs = [multiprocessing.Process(target=_write_many, args=(location, w, 50)) for w in range(8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert open_store(location).count() == 400
    _all_there(location, 8, 50)


def test_summary_count_and_purge(location):
    store = open_store(location)
    store.record(answer(1, class_code="1-1", answered_at="2026-04-01T00:00:00"))
    store.record(answer(2, class_code="1-1", answered_at="2026-10-01T00:00:00"))
    store.record(answer(3, class_code="2-3", answered_at="2026-10-01T00:00:00"))
    assert [(r[0], r[2], r[3]) for r in store.summary()] == [("1-1", 1, 2), ("2-3", 1, 1)]
    assert store.count(before="2026-05-01") == 1
    assert store.purge(class_code="1-1", before="2026-05-01") == 1
    assert store.purge(class_code="2-3") == 1
    assert [a.item for a in store.answers()] == ["q2"]


def test_forty_kernels_writing_two_hundred_answers_each_lose_nothing(location):
    # As a class's 40 kernels do; the throughput is measured by benchmarks/store_concurrency.py, never asserted.
    open_store(location).close()
    ready = multiprocessing.Barrier(41)
    procs = [multiprocessing.Process(target=_write_many, args=(location, w, 200, ready)) for w in range(40)]
    for p in procs:
        p.start()
    ready.wait(120)
    for p in procs:
        p.join(300)
    assert {p.exitcode for p in procs} == {0}
    _all_there(location, 40, 200)


def test_checked_posts_are_kept_apart_and_purged_with_their_class(location):
    store = open_store(location)
    store.record(answer())
    store.record_post({"lesson": "demo", "item": "postchecker:1", "text": "バカ", "categories": "insult",
                       "session": "s", "class_code": "2-3"})
    store.record_post({"lesson": "demo", "item": "postchecker:1", "text": "hi", "session": "t", "class_code": "1-1"})
    assert [p["text"] for p in store.posts(class_code="2-3")] == ["バカ"]
    assert store.answers()[0].item == "q0"  # the answer path is unchanged
    store.purge(class_code="2-3")
    assert [(p["text"], p["class_code"]) for p in store.posts()] == [("hi", "1-1")]


def test_an_answer_written_again_after_a_lost_reply_is_stored_once(location):
    store = open_store(location)
    store.record(answer(1, key="k" * 32))
    store.record(answer(1, key="k" * 32))  # the sitting's retry when the reply to the first was lost
    store.record(answer(2))
    store.record(answer(2))  # without a key (older callers) both are kept, as before
    assert [a.item for a in store.answers()] == ["q1", "q2", "q2"]
