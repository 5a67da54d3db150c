"""Where answers are kept: SQLite in a data folder outside the served lessons, or PostgreSQL named by a URL.

``open_store()`` opens the store named by ``NETKIT_STORE`` (a ``postgresql://…`` URL, set by
``netkit serve --store`` for every kernel) or else the SQLite file in the folder from
``NETKIT_DATA_DIR`` (set by ``netkit serve`` for every kernel) or the user's data folder
(platformdirs). A student's sitting (``kit.sitting``) writes to it (``record``, ``record_post``) and
reads a browser's earlier answers (``answers``); both backends run the same queries (``kit.store.sql``)
after the same numbered migrations (``kit.store.migrations``).
"""

from __future__ import annotations

import os
from pathlib import Path

from kit.store.errors import MissingExtra, StoreUnavailable
from kit.store.postgres import PostgresStore, is_url
from kit.store.records import Answer
from kit.store.sqlite import SQLiteStore

ENV_DATA_DIR = "NETKIT_DATA_DIR"
ENV_STORE = "NETKIT_STORE"
ENV_IDLE = "NETKIT_STORE_IDLE_S"  # PostgreSQL: seconds an unused connection stays open ("none": the whole lesson)
DB_NAME = "results.sqlite3"


def data_dir() -> Path:
    """The folder for results: ``$NETKIT_DATA_DIR`` or the platform's user data folder."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("net-literacy-kit", appauthor=False))


def location(folder: str | Path | None = None) -> str | Path:
    """Where the results are: ``$NETKIT_STORE`` when it names PostgreSQL, else ``results.sqlite3`` in ``folder``."""
    url = os.environ.get(ENV_STORE, "")
    if is_url(url):
        return url
    return Path(folder if folder else data_dir()) / DB_NAME


def idle_close_s() -> float | None:
    """``$NETKIT_STORE_IDLE_S``: how long a PostgreSQL connection stays open unused (10 s when unset or unreadable)."""
    from kit.store.postgres import IDLE_CLOSE_S

    value = os.environ.get(ENV_IDLE, "").strip().lower()
    if value in ("none", "hold"):
        return None
    try:
        seconds = float(value)
    except ValueError:
        return IDLE_CLOSE_S
    return seconds if seconds >= 0 else IDLE_CLOSE_S


def open_store(where: str | Path | None = None) -> SQLiteStore | PostgresStore:
    """Open (and create or upgrade) the results store: a ``postgresql://`` URL, a SQLite file, or ``location()``."""
    where = location() if where is None else where
    if is_url(where):
        return PostgresStore(where, idle_close_s())
    return SQLiteStore(Path(where))


__all__ = ["Answer", "MissingExtra", "PostgresStore", "SQLiteStore", "StoreUnavailable", "data_dir", "is_url",
           "location", "open_store"]
