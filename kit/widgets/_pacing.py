"""A lab's heavy runs asked for by the browser: only the latest request runs, at most half a core.

A slider or button sends one message, but a script can send 10,000 at once: each cascade-lab run
costs about a quarter of a second, so queued ``run`` messages kept a core busy for 45 minutes. The
kernel handles messages one at a time; a lab now handles a heavy message by handing the work to
``PACER`` under a key (the lab and what it does). The work runs from the kernel's event loop once
the messages already waiting are read, and a later request under the same key replaces one not yet
run: a burst of messages becomes one run with the last values. After each run the pacer rests as
long as the run took, so a stream of requests uses at most half a core and the kernel answers
everything else in between. Outside a running event loop (tests, a teacher's script) work runs at once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Hashable

log = logging.getLogger(__name__)


class Pacer:
    """Runs the latest pending work of each key, one at a time, resting as long as each run took."""

    def __init__(self):
        self._pending: dict[Hashable, Callable[[], object]] = {}
        self._scheduled = False
        self._rest_until = 0.0
        self.runs = 0  # work run so far
        self.replaced = 0  # requests replaced by a later one before they ran

    def request(self, key: Hashable, work: Callable[[], object]) -> None:
        """Run ``work`` soon; a later request with the same ``key`` replaces it if it has not run yet."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no kernel event loop: run now
            self._run(work)
            return
        if self._pending.pop(key, None) is not None:
            self.replaced += 1
        self._pending[key] = work  # the newest request of any key runs last
        if not self._scheduled:
            self._scheduled = True
            loop.call_later(max(0.0, self._rest_until - time.monotonic()), self._next)

    def _next(self) -> None:
        self._scheduled = False
        if not self._pending:
            return
        key = next(iter(self._pending))
        took = self._run(self._pending.pop(key))
        self._rest_until = time.monotonic() + took
        if self._pending:
            self._scheduled = True
            asyncio.get_running_loop().call_later(took, self._next)

    def _run(self, work: Callable[[], object]) -> float:
        start = time.monotonic()
        try:
            work()
        except Exception:  # the lab shows nothing new; the kernel and the rest of the lesson go on
            log.exception("a lab's run failed")
        self.runs += 1
        return time.monotonic() - start


PACER = Pacer()  # one per kernel: all labs of a lesson share the half core
