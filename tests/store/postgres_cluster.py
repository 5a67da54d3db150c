"""A throwaway PostgreSQL cluster for the store tests: initdb and pg_ctl from Debian's ``postgresql`` package.

It lives in a temporary folder, listens on 127.0.0.1 at a free port, and is stopped and removed at
the end of the session. PostgreSQL refuses to run as root, so as root the server runs as ``nobody``
(``runuser``). Without the binaries (or psycopg) the PostgreSQL half of the store tests skips with
the reason, except in CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

USER = "netkit"  # the cluster's superuser (trust authentication: it listens on 127.0.0.1 only)


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/N/bin), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def missing() -> str:
    """Why no cluster can be started here ('' when one can)."""
    if binaries() is None:
        return "no PostgreSQL server binaries (apt-get install postgresql)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'net-literacy-kit[postgres]')"
    if getattr(os, "geteuid", lambda: 1)() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: PostgreSQL refuses to run as root"
    return ""


def require_postgres() -> None:
    """Skip without PostgreSQL, but fail in CI."""
    reason = missing()
    if not reason:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI must install Debian's postgresql package and the test extra")
    pytest.skip(f"{reason}; the PostgreSQL store tests skipped")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One PostgreSQL server in a temporary folder; ``url()`` gives each test its own schema."""

    def __init__(self, durable: bool = False, max_connections: int = 200):
        # ``durable``: fsync on, as a real server commits (the benchmarks); off, tests run faster.
        self.durable, self.max_connections = durable, max_connections
        self.bin = binaries()
        self.folder = Path(tempfile.mkdtemp(prefix="netkit-pg-"))
        self.data, self.log = self.folder / "data", self.folder / "server.log"
        self.port = _free_port()
        self._as = []
        if getattr(os, "geteuid", lambda: 1)() == 0:  # PostgreSQL will not run as root: the server runs as nobody
            import pwd  # POSIX only, as running as root is

            nobody = pwd.getpwnam("nobody")
            os.chown(self.folder, nobody.pw_uid, nobody.pw_gid)
            self._as = ["runuser", "-u", "nobody", "--"]
        self._schemas = itertools.count(1)
        self._pg(["initdb", "-D", str(self.data), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"])
        self.start()

    def _pg(self, command: list[str]) -> None:
        done = subprocess.run([*self._as, str(self.bin / command[0]), *command[1:]], capture_output=True, text=True,
                              timeout=120, cwd=self.folder)
        if done.returncode:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{command[0]} failed: {done.stderr or done.stdout}\n{log}")

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.folder}"
                   f" -c fsync={'on' if self.durable else 'off'} -c max_connections={self.max_connections}")
        self._pg(["pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start"])

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``fast``: clients are disconnected, as in a restart)."""
        self._pg(["pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop"])

    def url(self, schema: str = "") -> str:
        """A URL of the cluster; with ``schema`` (created here) the store's tables live in that schema."""
        base = f"postgresql://{USER}@127.0.0.1:{self.port}/postgres"
        if not schema:
            return base
        import psycopg

        with psycopg.connect(base, autocommit=True) as db:
            db.execute(f'CREATE SCHEMA "{schema}"')
        return f"{base}?options=-csearch_path%3D{schema}"

    def fresh_url(self) -> str:
        """A URL with an empty schema of its own: one test's store."""
        return self.url(f"t{next(self._schemas)}")

    def remove(self) -> None:
        """Stop the server (if running) and delete its folder."""
        try:
            self.stop("immediate")
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.folder, ignore_errors=True)
