"""A preheated kernel waiting for its student: it receives the link they opened from the server.

Voilà runs a pooled kernel's notebook before anyone asks for it and stops it in
``voila.utils.wait_for_request`` until a student arrives; the server then sends the request's
details (``QUERY_STRING`` and the rest) over a websocket at ``voila/query/<kernel id>``.

This is the same exchange without importing ``voila.utils``, which brings nbconvert,
jupyter_server, requests and bleach into every student's kernel: about 46 MB of each kernel's
memory for one message. Only ``websockets``' small synchronous client is used here.
"""

from __future__ import annotations

import json
import logging
import os
import time

log = logging.getLogger(__name__)

OPEN_TIMEOUT = 5  # seconds for one try to reach the server
OPEN_DEADLINE = 60  # seconds of tries that time out (a busy server); then the lesson runs without the link's parameters


def preheated() -> bool:
    """Whether this kernel was started ahead of its student by Voilà's pool."""
    return os.environ.get("VOILA_PREHEAT", "False") == "True"


def query_url(env: dict[str, str] | None = None) -> str:
    """The server's websocket that hands this kernel its request, as Voilà builds it."""
    env = os.environ if env is None else env
    protocol = env.get("VOILA_WS_PROTOCOL", "ws")
    host = env.get("VOILA_APP_IP", "127.0.0.1")
    port = env.get("VOILA_APP_PORT", "8866")
    base = env.get("VOILA_WS_BASE_URL", env.get("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{host}:{port}{base}voila/query/{env.get('VOILA_KERNEL_ID', '')}"


def apply_request(message: str | bytes, env: dict[str, str] | None = None) -> None:
    """Put the request's details the server sent into the environment (only text values)."""
    env = os.environ if env is None else env
    details = json.loads(message)
    if isinstance(details, dict):
        for key, value in details.items():
            if isinstance(key, str) and isinstance(value, str):
                env[key] = value


def wait_for_request() -> None:
    """Wait until a student takes this kernel, then set the environment from their request.

    Does nothing in a kernel that was not preheated. A try that times out (a server too busy to
    answer in ``OPEN_TIMEOUT``) is repeated for ``OPEN_DEADLINE``: a lesson run without the link's
    parameters would store its student's answers without their class. If the server cannot be reached, refuses the
    websocket or closes it without a request, the lesson goes on without the link's parameters (as
    Voilà's own helper does), and says so in the log. Any other error is a fault in this wait and is
    raised, not hidden.
    """
    if not preheated():
        return
    from websockets.exceptions import WebSocketException
    from websockets.sync.client import connect

    url = query_url()
    deadline = time.monotonic() + OPEN_DEADLINE
    while True:
        try:
            with connect(url, open_timeout=OPEN_TIMEOUT, max_size=2**20) as websocket:
                message = websocket.recv()
            break
        except TimeoutError as exc:  # a busy server: without its request the student's answers would lose their class
            if time.monotonic() < deadline:
                log.info("the server did not answer in %s s; trying again", OPEN_TIMEOUT)
                continue
            log.warning("could not receive the student's request from %s: %s", url, exc)
            return
        except (OSError, WebSocketException) as exc:  # refused; not a websocket, or closed unanswered
            log.warning("could not receive the student's request from %s: %s", url, exc)
            return
    try:
        apply_request(message)
    except ValueError:
        log.warning("the server sent a request this kernel cannot read: %.200r", message)
