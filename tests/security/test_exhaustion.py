"""One device trying to stop the server for everyone: half-sent requests, huge bodies. Loopback only, bounded, self-stopping."""

from __future__ import annotations

import http.client
import selectors
import socket
import time

import pytest

from kit.serve import limits
from tests.served import REPO, Server

ATTACK_CONNECTIONS = 1100  # the number that stopped the server before (its open-file limit was 1,024)


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    srv = Server(REPO, tmp_path_factory.mktemp("exhaustion-results"))
    yield srv
    srv.stop()


def raise_own_file_limit(need: int) -> int:
    """This test process needs a socket per connection it holds open."""
    return limits.raise_open_file_limit(need + 256)


def get_from(server: Server, source: str, path: str = "", timeout: float = 60) -> int:
    """A plain GET from another loopback address (another device, as far as the server can tell)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout, source_address=(source, 0))
    try:
        conn.request("GET", "/" + path)
        return conn.getresponse().status
    finally:
        conn.close()


def test_half_sent_requests_from_one_device_do_not_stop_the_server(target):
    count = min(ATTACK_CONNECTIONS, raise_own_file_limit(ATTACK_CONNECTIONS) - 256)
    held = []
    try:
        for _ in range(count):
            s = socket.create_connection(("127.0.0.1", target.port), timeout=10)
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")  # and never the rest
            held.append(s)
        # another student's device is still answered while the attack goes on
        assert get_from(target, "127.0.0.2") == 200
        # the server closes what it did not take at once, and the rest after its idle timeout
        selector = selectors.DefaultSelector()
        for s in held:
            s.setblocking(False)
            selector.register(s, selectors.EVENT_READ)
        open_ones, deadline = set(held), time.monotonic() + limits.IDLE_SECONDS + 60
        while open_ones and time.monotonic() < deadline:
            for key, _ in selector.select(timeout=1):
                try:
                    data = key.fileobj.recv(1024)
                except OSError:
                    data = b""
                if not data or data.startswith(b"HTTP/1.1 4"):
                    selector.unregister(key.fileobj)
                    open_ones.discard(key.fileobj)
        assert not open_ones, f"{len(open_ones)} half-sent requests were still held open"
    finally:
        for s in held:
            s.close()
    assert get_from(target, "127.0.0.1") == 200  # and the device itself is served again
    log = target.output()
    assert "Too many open files" not in log
    assert len(log) < 200_000, "the log was flooded"


def test_a_huge_post_is_refused_before_its_body_is_read(target):
    with socket.create_connection(("127.0.0.1", target.port), timeout=30) as s:
        s.sendall(b"POST /teacher/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                  b"Content-Length: 99000000\r\n\r\npasscode=")
        reply = b""
        try:
            while chunk := s.recv(4096):  # the server answers (or hangs up) without waiting for 99 MB
                reply += chunk
        except ConnectionResetError:
            pass
    assert reply == b"" or reply.split(b" ", 2)[1] in (b"400", b"413"), reply[:100]
    assert get_from(target, "127.0.0.2") == 200


def test_a_post_within_the_limit_still_works(target):
    conn = http.client.HTTPConnection("127.0.0.1", target.port, timeout=60)
    conn.request("POST", "/teacher/login", body=b"passcode=" + b"x" * (limits.MAX_BODY_BYTES // 2),
                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert conn.getresponse().status == 403  # read and refused for what it is (no _xsrf), not for its size
    conn.close()


def test_repeated_warnings_are_counted_not_written():
    import logging

    quiet = limits.QuietRepeats(limit=3)
    records = [logging.LogRecord("tornado.general", logging.WARNING, "x", 1, "Too many open files", None, None)
               for _ in range(1000)]
    assert sum(quiet.filter(r) for r in records) == 3
    assert quiet.filter(logging.LogRecord("tornado.access", logging.INFO, "x", 1, "200 GET /", None, None))
