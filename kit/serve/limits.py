"""Limits on connections, requests and the log, so that one device cannot stop the server for the class.

Measured before: 1,100 half-sent requests from one laptop (slowloris) used up the open-file limit
(1,024 on many systems); the server stopped answering and logged 488 MB of "Too many open files"
in 35 s. Five 99 MB POSTs to the login page were read whole (160 → 721 MB) before being refused.

- A request must send its headers within ``IDLE_SECONDS`` and its body within ``BODY_SECONDS``; an
  idle connection is closed after ``IDLE_SECONDS``.
- Headers are at most ``MAX_HEADER_BYTES`` and bodies at most ``MAX_BODY_BYTES``: nothing the kit
  serves takes more than a short form (a kernel's messages travel over its websocket).
- One address holds at most ``per_address`` open connections (a browser uses about 6; websockets
  are not counted once open, a kernel each), all together at most what the open-file limit leaves
  for kernels and files; beyond that a new connection is closed at once.
- The open-file soft limit is raised to the hard limit (up to ``WANT_FILES``) at start.
- A warning or error repeated in the log is written at most ``REPEATS`` times a minute, then
  counted.
"""

from __future__ import annotations

import logging
import time
from collections import Counter

from tornado.httpserver import HTTPServer

IDLE_SECONDS = 20
BODY_SECONDS = 30
MAX_HEADER_BYTES = 16 * 1024
MAX_BODY_BYTES = 64 * 1024
DEFAULT_PER_ADDRESS = 64
WANT_FILES = 65536
FILES_FOR_KERNELS = 2048  # each kernel holds about 10 sockets and pipes
REPEATS = 10

log = logging.getLogger(__name__)


def raise_open_file_limit(want: int = WANT_FILES) -> int:
    """Raise this process's open-file soft limit towards ``want`` (never above the hard limit); the new soft limit."""
    try:
        import resource
    except ImportError:  # Windows: no such limit to raise
        return want
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = want if hard == resource.RLIM_INFINITY else min(want, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    return soft if soft != resource.RLIM_INFINITY else want


def max_connections(open_files: int) -> int:
    """Connections the server accepts at once with ``open_files`` available: the rest is kept for kernels and files."""
    return max(256, open_files - FILES_FOR_KERNELS) if open_files > 2 * FILES_FOR_KERNELS else max(64, open_files // 2)


def http_server_options() -> dict:
    """Options of tornado's HTTPServer for a classroom."""
    return {"idle_connection_timeout": IDLE_SECONDS, "body_timeout": BODY_SECONDS,
            "max_header_size": MAX_HEADER_BYTES, "max_body_size": MAX_BODY_BYTES}


class ClassroomHTTPServer(HTTPServer):
    """tornado's HTTPServer that closes a new connection at once when its address, or the server, holds too many."""

    def initialize(self, *args, per_address: int = DEFAULT_PER_ADDRESS, total: int = 1024, **kwargs):
        super().initialize(*args, **kwargs)
        self.per_address = per_address
        self.total = total
        self._open: Counter[str] = Counter()

    def handle_stream(self, stream, address) -> None:
        who = _address(address)
        if len(self._connections) >= self.total or (self.per_address and self._open[who] >= self.per_address):
            log.warning("too many connections from %s: new ones are closed", who)
            stream.close()
            return
        self._open[who] += 1
        super().handle_stream(stream, address)

    def on_close(self, server_conn) -> None:
        who = _address(getattr(getattr(server_conn, "context", None), "address", ""))
        if self._open[who] > 1:
            self._open[who] -= 1
        else:
            self._open.pop(who, None)
        super().on_close(server_conn)


def _address(address) -> str:
    return str(address[0]) if isinstance(address, tuple) and address else ""


class QuietRepeats(logging.Filter):
    """Lets a warning or error through at most ``limit`` times a minute per logger and message."""

    def __init__(self, limit: int = REPEATS, window: float = 60.0):
        super().__init__()
        self.limit, self.window = limit, window
        self._seen: dict[tuple[str, str], list] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        key = (record.name, str(record.msg)[:200])
        now = time.monotonic()
        start, count, dropped = self._seen.get(key, (now, 0, 0))
        if now - start > self.window:
            if dropped:
                record.msg = f"{record.msg} (and {dropped} more like it in the last minute)"
            start, count, dropped = now, 0, 0
        if count >= self.limit:
            self._seen[key] = (start, count, dropped + 1)
            return False
        self._seen[key] = (start, count + 1, dropped)
        return True


def quiet_repeated_logs(*loggers: logging.Logger) -> None:
    """Attach one ``QuietRepeats`` to the loggers that a flood of connections makes talk."""
    quiet = QuietRepeats()
    for logger in (*loggers, *(logging.getLogger(n) for n in ("asyncio", "tornado.general", "tornado.application",
                                                            "tornado.access", __name__))):
        logger.addFilter(quiet)
