"""Waiting for a server started as a child process to serve its first page, or to know it never will.

The tests, the benchmarks and the release check each start ``netkit serve`` (or stock Voilà) and
must wait until its address answers: on a loaded two-core machine importing Voilà takes a while,
and a server that exits early (a port taken, a wrong option) must be reported at once, not after
the whole deadline.
"""

from __future__ import annotations

import subprocess
import time
import urllib.request


class ServerNotReady(RuntimeError):
    """The server exited, or did not answer within the deadline; the message says which."""


def wait_until_serving(url: str, process: subprocess.Popen | None = None, timeout: float = 240.0,
                       interval: float = 0.2) -> None:
    """Return once ``url`` answers 200; raise ``ServerNotReady`` if ``process`` exits first or ``timeout`` passes.

    A refused connection, a timeout or an error status means "not yet": the server is still starting.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:  # refused, timed out, or an HTTP error status (HTTPError is an OSError)
            pass
        if process is not None and process.poll() is not None:
            raise ServerNotReady(f"the server exited with code {process.returncode} before {url} answered")
        if time.monotonic() >= deadline:
            raise ServerNotReady(f"{url} did not answer within {timeout:g} s")
        time.sleep(interval)
