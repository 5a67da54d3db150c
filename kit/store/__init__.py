"""Where answers are kept: SQLite in a data folder outside the served lessons.

``open_store()`` finds the folder from ``NETKIT_DATA_DIR`` (set by ``netkit serve`` for every
kernel) or the user's data folder (platformdirs). Only a student's sitting (``kit.sitting``) writes
to it (``record``, ``record_post``) and reads a browser's earlier answers (``answers``), so a PostgreSQL
store can be added behind the same methods, applying the same numbered migrations (``kit.store.migrations``).
"""

from __future__ import annotations

import os
from pathlib import Path

from kit.store.records import Answer
from kit.store.sqlite import SQLiteStore

ENV_DATA_DIR = "NETKIT_DATA_DIR"
DB_NAME = "results.sqlite3"


def data_dir() -> Path:
    """The folder for results: ``$NETKIT_DATA_DIR`` or the platform's user data folder."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("net-literacy-kit", appauthor=False))


def open_store(path: str | Path | None = None) -> SQLiteStore:
    """Open (and create or upgrade) the results store."""
    return SQLiteStore(Path(path) if path else data_dir() / DB_NAME)


__all__ = ["Answer", "SQLiteStore", "data_dir", "open_store"]
