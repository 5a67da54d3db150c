"""PostgreSQL named by a URL: chosen by NETKIT_STORE, named in one sentence when its extra is missing,
and a server restart between two answers loses neither: the second waits, then is stored."""

from __future__ import annotations

import os
import sys
import threading
import time

import pytest

from kit.sitting import Sitting
from kit.store import MissingExtra, PostgresStore, SQLiteStore, location, open_store
from kit.store.postgres import is_url


def test_a_postgresql_url_in_netkit_store_chooses_postgresql_and_sqlite_stays_the_default(postgres_cluster, tmp_path,
                                                                                           monkeypatch):
    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("NETKIT_STORE", raising=False)
    assert location() == tmp_path / "results.sqlite3" and isinstance(open_store(), SQLiteStore)
    url = postgres_cluster.fresh_url()
    monkeypatch.setenv("NETKIT_STORE", url)
    assert location(tmp_path) == url and is_url(url) and not is_url(str(tmp_path))
    store = open_store()
    assert isinstance(store, PostgresStore) and store.answers() == []


def test_a_postgresql_url_without_its_extra_says_which_extra_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as on a plain install: import psycopg fails
    with pytest.raises(MissingExtra) as missing:
        open_store("postgresql://netkit@127.0.0.1:1/results")
    assert missing.value.extra == "postgres"


def test_an_answer_is_false_only_after_the_retries_fail(postgres_cluster):
    import psycopg  # noqa: F401  (this test needs only the driver, and a port where nothing listens)

    from tests.store.postgres_cluster import _free_port

    sitting = Sitting(lesson="demo", open_store=lambda: open_store(f"postgresql://netkit@127.0.0.1:{_free_port()}/x"))
    sitting.retry_seconds = 1.0
    assert sitting.record("q1", (0,), True) is False
    assert sitting.waits >= 2  # it waited and tried again before giving up


def test_the_database_restarting_between_two_answers_loses_neither(postgres_cluster):
    url = postgres_cluster.fresh_url()
    sitting = Sitting(session="a" * 32, class_code="2-1", student="7", lesson="demo", open_store=lambda: open_store(url))
    assert sitting.record("q1", (0,), True, phase="pre")
    postgres_cluster.stop()  # the database goes down mid-lesson (clients are disconnected)
    try:
        result = {}
        second = threading.Thread(target=lambda: result.setdefault("stored", sitting.record("q2", (1,), False)))
        second.start()
        deadline = time.monotonic() + 30
        while sitting.waits < 1 and time.monotonic() < deadline:  # the second answer found the database down
            time.sleep(0.02)
        assert sitting.waits >= 1 and second.is_alive()  # and is waiting, not failed
    finally:
        postgres_cluster.start()  # back up
    second.join(60)
    assert result == {"stored": True}
    assert [(a.item, a.session, a.class_code) for a in open_store(url).answers(lesson="demo")] == [
        ("q1", "a" * 32, "2-1"), ("q2", "a" * 32, "2-1")]


def _serve(tmp_path, store: str, capsys) -> tuple[int, str]:
    from kit.cli import main
    from tests.conftest import FIXTURES

    code = main(["serve", str(FIXTURES), "--data-dir", str(tmp_path / "results"), "--store", store, "--no-qr"])
    return code, capsys.readouterr().err


def test_serve_names_the_extra_a_postgresql_url_needs(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.delenv("NETKIT_STORE", raising=False)
    code, said = _serve(tmp_path, "postgresql://netkit@127.0.0.1:1/results", capsys)
    assert code == 2 and 'pip install "net-literacy-kit[postgres]"' in said and said.count("\n") == 1
    assert "NETKIT_STORE" not in os.environ


def test_serve_says_what_is_wrong_with_a_store_it_cannot_use(tmp_path, capsys, monkeypatch):
    from tests.store.postgres_cluster import _free_port

    pytest.importorskip("psycopg", reason="the postgres extra is not installed")
    monkeypatch.delenv("NETKIT_STORE", raising=False)
    code, said = _serve(tmp_path, "sqlite:///results.db", capsys)
    assert code == 2 and "postgresql://" in said
    code, said = _serve(tmp_path, f"postgresql://netkit:secret@127.0.0.1:{_free_port()}/results", capsys)
    assert code == 2 and "接続できません" in said and "cannot connect" in said
    assert "secret" not in said and ":***@" in said  # the password is never printed


def test_serve_opens_a_reachable_store_once_and_brings_its_schema_up_to_date(postgres_cluster):
    from kit.cli.serve import _store_problem
    from kit.store.migrations import MIGRATIONS

    url = postgres_cluster.fresh_url()
    assert _store_problem(url) == ""
    assert open_store(url).schema_version == len(MIGRATIONS)


def test_the_teachers_commands_read_the_store_netkit_store_names(postgres_cluster, tmp_path, capsys, monkeypatch):
    from kit.cli import main
    from kit.store import Answer

    url = postgres_cluster.fresh_url()
    store = open_store(url)
    store.record(Answer("demo", "q1", (0,), True, "pre", "s1", "7", "２－３", "2026-10-01T09:00:00"))
    monkeypatch.setenv("NETKIT_STORE", url)
    assert main(["results", "list", "--data-dir", str(tmp_path)]) == 0  # no SQLite file there: PostgreSQL is read
    assert "2-3\tdemo\t1\t1" in capsys.readouterr().out


def _netkit_connections(url: str) -> int:
    """Connections the kit holds to the database of ``url`` (its ``application_name``), read from another one."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        return db.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'netkit'"
                          " AND datname = current_database()").fetchone()[0]


def test_a_kernel_holds_its_connection_only_while_it_writes(postgres_cluster):
    """A district's 10,000 sitting students must not hold 10,000 connections: an idle one closes, the next answer
    opens it again, and nothing is lost (docs/district.md)."""
    from kit.store import Answer

    url = postgres_cluster.fresh_url()
    before = _netkit_connections(url)
    store = PostgresStore(url, idle_close_s=0.3)
    store.record(Answer("demo", "q1", (0,), True, "pre", "s" * 32, "7", "2-1"))
    assert store.connected and _netkit_connections(url) == before + 1
    deadline = time.monotonic() + 10
    while store.connected and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not store.connected and _netkit_connections(url) == before  # closed on the server's side too
    store.record(Answer("demo", "q2", (1,), False, "pre", "s" * 32, "7", "2-1"))  # opens it again
    assert [a.item for a in store.answers(lesson="demo")] == ["q1", "q2"]
    store.close()
    held = PostgresStore(url, idle_close_s=None)
    held.answers()
    time.sleep(0.5)
    assert held.connected  # "none": held for the whole lesson, as before
    held.close()


def test_a_connection_in_use_is_not_closed_under_it(postgres_cluster):
    """Answers written faster than the idle time keep one connection open; the timer never closes it mid-write."""
    from kit.store import Answer

    url = postgres_cluster.fresh_url()
    store = PostgresStore(url, idle_close_s=0.2)
    for n in range(12):
        store.record(Answer("demo", f"q{n}", (0,), True, "pre", "s" * 32, "7", "2-1"))
        time.sleep(0.05)
    assert store.connected and len(store.answers(lesson="demo")) == 12
    store.close()
    assert not store.connected


@pytest.mark.parametrize(("value", "expected"), [("", 10.0), ("2.5", 2.5), ("0", 0.0), ("none", None), ("x", 10.0),
                                                 ("-1", 10.0)])
def test_netkit_store_idle_s_sets_how_long_an_idle_connection_stays(monkeypatch, value, expected):
    from kit.store import idle_close_s

    monkeypatch.setenv("NETKIT_STORE_IDLE_S", value)
    assert idle_close_s() == expected
