"""A preheated kernel receives its student's link from the server; a server it cannot reach never stops the lesson, and a fault in the wait is not hidden."""

from __future__ import annotations

import json
import os
import sys
import threading

import pytest

from kit import preheat


def test_builds_voilas_query_url_from_the_environment():
    env = {"VOILA_APP_IP": "10.0.0.5", "VOILA_APP_PORT": "8866", "VOILA_SERVER_URL": "/netkit/",
           "VOILA_KERNEL_ID": "abc"}
    assert preheat.query_url(env) == "ws://10.0.0.5:8866/netkit/voila/query/abc"
    env["VOILA_WS_BASE_URL"] = "/hub/user/x/"
    env["VOILA_WS_PROTOCOL"] = "wss"
    assert preheat.query_url(env) == "wss://10.0.0.5:8866/hub/user/x/voila/query/abc"


def test_takes_only_text_values_from_the_request():
    env = {}
    preheat.apply_request(json.dumps({"QUERY_STRING": "name=7&class=1-1", "SERVER_PORT": 8866, "X": None}), env)
    assert env == {"QUERY_STRING": "name=7&class=1-1"}
    with pytest.raises(ValueError):
        preheat.apply_request("not json", env)


def test_does_nothing_in_a_kernel_that_was_not_preheated(monkeypatch):
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    preheat.wait_for_request()  # returns at once: nothing to connect to


def test_receives_the_request_from_the_server(monkeypatch, caplog):
    from websockets.sync.server import serve

    def handler(websocket):
        websocket.send(json.dumps({"QUERY_STRING": "lang=en&name=%E5%A4%AA%E9%83%8E"}))

    with serve(handler, "127.0.0.1", 0) as server:
        port = server.socket.getsockname()[1]
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        monkeypatch.setenv("VOILA_PREHEAT", "True")
        monkeypatch.setenv("VOILA_APP_PORT", str(port))
        monkeypatch.setenv("VOILA_KERNEL_ID", "k1")
        monkeypatch.delenv("QUERY_STRING", raising=False)
        preheat.wait_for_request()
        server.shutdown()
    import os

    assert "could not receive" not in caplog.text
    assert os.environ["QUERY_STRING"] == "lang=en&name=%E5%A4%AA%E9%83%8E"


def test_a_server_that_cannot_be_reached_leaves_the_lesson_running(monkeypatch, caplog):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nobody listens here
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("VOILA_APP_PORT", str(port))
    monkeypatch.delenv("QUERY_STRING", raising=False)
    preheat.wait_for_request()
    assert "QUERY_STRING" not in __import__("os").environ
    assert "could not receive" in caplog.text


def test_a_busy_server_is_asked_again_until_it_answers(monkeypatch, caplog):
    """Under load the server's websocket may not open within OPEN_TIMEOUT; the kernel tries again rather than
    running the lesson without its student's class (answers stored with an empty class)."""
    import websockets.sync.client

    tries = []

    class Answering:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def recv(self):
            return '{"QUERY_STRING": "class=2-3"}'

    def busy_then_answering(url, **kwargs):
        tries.append(url)
        if len(tries) < 3:
            raise TimeoutError("timed out during opening handshake")
        return Answering()

    monkeypatch.setattr(websockets.sync.client, "connect", busy_then_answering)
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    preheat.wait_for_request()
    assert len(tries) == 3
    assert os.environ["QUERY_STRING"] == "class=2-3"
    assert "could not receive" not in caplog.text


def test_a_server_that_never_answers_leaves_the_lesson_running_after_the_deadline(monkeypatch, caplog):
    import websockets.sync.client

    clock = [0.0]

    def timing_out(url, **kwargs):
        clock[0] += preheat.OPEN_TIMEOUT
        raise TimeoutError("timed out during opening handshake")

    monkeypatch.setattr(websockets.sync.client, "connect", timing_out)
    monkeypatch.setattr(preheat.time, "monotonic", lambda: clock[0])
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    preheat.wait_for_request()
    assert "QUERY_STRING" not in os.environ
    assert clock[0] >= preheat.OPEN_DEADLINE
    assert "could not receive" in caplog.text


def test_a_server_that_is_no_websocket_or_closes_unanswered_leaves_the_lesson_running(monkeypatch, caplog):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from websockets.sync.server import serve

    class NotFound(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_error(404)

        def log_message(self, *args):
            pass

    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    web = ThreadingHTTPServer(("127.0.0.1", 0), NotFound)
    threading.Thread(target=web.serve_forever, daemon=True).start()
    monkeypatch.setenv("VOILA_APP_PORT", str(web.server_address[1]))
    preheat.wait_for_request()  # an HTTP 404, not a websocket
    web.shutdown()
    web.server_close()
    with serve(lambda websocket: None, "127.0.0.1", 0) as server:  # accepts, then closes without a word
        threading.Thread(target=server.serve_forever, daemon=True).start()
        monkeypatch.setenv("VOILA_APP_PORT", str(server.socket.getsockname()[1]))
        preheat.wait_for_request()
        server.shutdown()
    assert "QUERY_STRING" not in __import__("os").environ
    assert caplog.text.count("could not receive") == 2


def test_a_fault_in_the_wait_itself_is_raised_not_hidden(monkeypatch):
    import websockets.sync.client

    def faulty(*args, **kwargs):
        raise TypeError("connect() got an unexpected keyword argument")

    monkeypatch.setattr(websockets.sync.client, "connect", faulty)
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    with pytest.raises(TypeError):
        preheat.wait_for_request()


KERNEL = """
import json, sys
from kit.lesson import Lesson
lesson = Lesson("misinformation-basics")
lesson.quiz("quizzes/misinformation_basics.yaml", phase="pre")
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"voila", "nbconvert", "jupyter_server", "requests", "pandas"})
print(json.dumps({"student": lesson.student, "lang": lesson.lang, "heavy": heavy}))
"""


def test_a_preheated_lesson_gets_its_student_and_stays_lean(tmp_path):
    import os
    import subprocess

    from websockets.sync.server import serve

    from tests.conftest import REPO

    def handler(websocket):
        websocket.send(json.dumps({"QUERY_STRING": "lang=en&name=%E5%A4%AA%E9%83%8E&class=1-1"}))

    with serve(handler, "127.0.0.1", 0) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        env = {**os.environ, "VOILA_PREHEAT": "True", "VOILA_APP_PORT": str(server.socket.getsockname()[1]),
               "VOILA_KERNEL_ID": "k1", "NETKIT_DATA_DIR": str(tmp_path)}
        env.pop("QUERY_STRING", None)
        out = subprocess.run([sys.executable, "-c", KERNEL], cwd=REPO / "lessons" / "misinformation", env=env,
                             capture_output=True, text=True, timeout=120)
        server.shutdown()
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[-1]) == {"student": "太郎", "lang": "en", "heavy": []}
