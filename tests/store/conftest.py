"""The store tests run on both backends: ``location`` is a SQLite file or a PostgreSQL URL with a schema of its own."""

from __future__ import annotations

import pytest

from tests.store.postgres_cluster import Cluster, require_postgres

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_cluster():
    """One throwaway PostgreSQL server for the whole session (starting one takes a few seconds)."""
    require_postgres()
    cluster = Cluster()
    yield cluster
    cluster.remove()


@pytest.fixture(params=BACKENDS)
def location(request, tmp_path):
    """Where one test's store is: a fresh SQLite file, or a fresh schema in the session's PostgreSQL."""
    if request.param == "sqlite":
        return tmp_path / "results.sqlite3"
    return request.getfixturevalue("postgres_cluster").fresh_url()
