"""Waiting for a started server: it returns once the page answers, and says why when it never will."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kit.serve.wait import ServerNotReady, wait_until_serving


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again: nobody listens here


@pytest.fixture
def starting_server():
    """A server that answers 503 (still starting) to its first two requests, then 200."""
    requests = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(503 if len(requests) <= 2 else 200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", requests
    server.shutdown()
    server.server_close()


def test_returns_once_the_page_answers_and_not_before(starting_server):
    url, requests = starting_server
    wait_until_serving(url, timeout=30, interval=0.01)
    assert len(requests) == 3  # two "503 still starting" answers were waited through


def test_a_server_that_exits_is_reported_at_once_with_its_exit_code():
    process = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    process.wait(30)
    with pytest.raises(ServerNotReady, match="exited with code 3"):
        wait_until_serving(f"http://127.0.0.1:{closed_port()}/", process, timeout=120)


def test_nobody_answering_ends_at_the_deadline():
    url = f"http://127.0.0.1:{closed_port()}/"
    with pytest.raises(ServerNotReady, match=r"did not answer within 0\.5 s"):
        wait_until_serving(url, timeout=0.5, interval=0.05)
