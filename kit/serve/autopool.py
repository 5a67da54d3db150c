"""A pool that starts itself: the first students to open a lesson preheat kernels for the rest of the class.

With the README's plain ``netkit serve`` (no ``--class-size``), no lesson has a pool when the server
starts: the teacher did not say which lesson or how big the class is, and preheating every lesson
would fill the memory before anyone arrives. When a second browser opens a lesson within
``window`` seconds of the first (``starters`` browsers, the teacher's not counted: a class is
arriving), that lesson gets a pool of ``pool_size`` kernels. One browser opening lesson after
lesson (a teacher trying them, a student browsing the catalogue, the release check) starts no
pool: a pool is up to 40 kernels, and starting one for every lesson looked at would take the CPU
from the class. A browser counts only once it comes back: its lesson page is served (``served``)
and the kernel's websocket then opens with the cookie that page set (``came_back``). A request
without cookies (a script, ``curl``) gets its page but is never counted, so a script cannot start
the pools of every lesson; a class's second student still starts the pool as soon as their page
connects to its kernel. The pool holds a class, but never more than the memory
cap (``--max-kernels``, or what the available memory holds at 100 MB a kernel, ``capacity.py``)
leaves room for, counting every kernel already running or starting (the first student's among
them). That first student's own kernel starts as without a pool, and the pool starts once the
second student's page has been served and has connected to its kernel (``websocket.py``): on a busy
two-core machine 40 kernels starting beside the first page kept it from arriving for 30 s. The rest of the class arrives to
warm kernels. Refills after a
student takes one are paced and capped as for ``--class-size`` (``capacity.pace_refills``).

A pool nobody uses shrinks again: when no student has opened its lesson for ``idle_seconds``, the
lesson's pool size goes back to 0 and its waiting kernels are shut down (kernels still starting are
shut down at the next check, once they are up). The next student to open it starts a new pool.
Students' own kernels are never touched here: culling handles those.
"""

from __future__ import annotations

import asyncio
import logging
import time

from kit.serve.capacity import kernels_counted

log = logging.getLogger(__name__)

CLASS_SIZE = 40  # the most students a Japanese class has (学級編制の標準: 35–40)
IDLE_SECONDS = 900.0  # a lesson nobody opened for 15 minutes is over
START_DELAY = 0.0  # seconds from the first page served to the pool's first start
STARTERS = 2  # browsers that open a lesson within WINDOW seconds: a class is arriving
WINDOW = 300.0
PENDING_MAX = 1000  # browsers served a page whose websocket has not come back yet, at most (the oldest are forgotten)


def pool_size(limit: int, counted: int, class_size: int = CLASS_SIZE) -> int:
    """Kernels a lesson's new pool may hold: ``class_size``, within ``limit`` less the kernels ``counted``."""
    room = limit - counted if limit else class_size
    return max(0, min(class_size, room))


def idle_lessons(last_opened: dict[str, float], now: float, idle_seconds: float) -> list[str]:
    """The lessons nobody has opened for ``idle_seconds`` (``last_opened``: lesson → monotonic time)."""
    return [lesson for lesson, at in last_opened.items() if now - at >= idle_seconds]


class AutoPools:
    """The self-starting pools of one server: started by ``opened``, shrunk by ``shrink_idle``."""

    def __init__(self, kernel_manager, limit: int = 0, counted=None, class_size: int = CLASS_SIZE,
                 idle_seconds: float = IDLE_SECONDS, start_delay: float = START_DELAY, clock=time.monotonic,
                 logger: logging.Logger | None = None, starters: int = STARTERS, window: float = WINDOW):
        self.km = kernel_manager
        self.log = logger or log  # the server's log, which the teacher's terminal shows
        self.limit = limit
        self.counted = counted or (lambda: kernels_counted(kernel_manager))
        self.class_size = class_size
        self.idle_seconds = idle_seconds
        self.start_delay = start_delay
        self.starters = starters
        self.window = window
        self.pending: dict[str, tuple[str, float]] = {}  # browser served a page → (lesson, when), until it comes back
        self.seen: dict[str, dict[str, float]] = {}  # lessons without a pool → browser → when it opened the lesson
        self.clock = clock
        self.last_opened: dict[str, float] = {}  # lessons with a pool started here → when last opened
        self._draining: set[str] = set()  # lessons shrunk whose pool still has kernels starting
        self._shutdowns: set[asyncio.Future] = set()
        self._checker = None

    def served(self, lesson: str, browser: str) -> None:
        """A lesson page was served to ``browser``; it counts as opened once its kernel's websocket comes back."""
        now = self.clock()
        self._forget_pending(now)
        self.pending.pop(browser, None)  # the latest lesson this browser was served, newest last
        self.pending[browser] = (lesson, now)
        while len(self.pending) > PENDING_MAX:
            del self.pending[next(iter(self.pending))]

    def came_back(self, browser: str | None) -> int:
        """``browser``'s kernel websocket opened with the cookie its page set: the lesson it was served is opened."""
        lesson, _ = self.pending.pop(browser or "", ("", 0.0))
        return self.opened(lesson, browser) if lesson else 0

    def _forget_pending(self, now: float) -> None:
        self.pending = {b: (lesson, at) for b, (lesson, at) in self.pending.items() if now - at < self.window}

    def opened(self, lesson: str, browser: str = "") -> int:
        """A student's ``browser`` was served a page of ``lesson``: start its pool if it has none and the
        ``starters``-th browser came. Returns the pool's size (or 0)."""
        now = self.clock()
        self._start_checking()
        if lesson in self.last_opened:
            self.last_opened[lesson] = now
            return 0
        seen = {b: at for b, at in self.seen.get(lesson, {}).items() if now - at < self.window}
        seen[browser] = now
        self.seen[lesson] = seen
        if len(seen) < self.starters:
            return 0
        del self.seen[lesson]
        size = pool_size(self.limit, self.counted(), self.class_size)
        if size <= 0:
            self.log.info("no pool for %s: %s kernels is the limit and they are in use", lesson, self.limit)
            return 0
        self.last_opened[lesson] = now
        self._draining.discard(lesson)
        self._set_size(lesson, size)
        self.log.info("Starting a pool of %s kernel(s) for %s: %s students opened it", size, lesson, self.starters)
        self.km.fill_if_needed(delay=self.start_delay, notebook_name=lesson)
        return size

    def shrink_idle(self) -> list[str]:
        """Shut down the waiting kernels of lessons nobody opened for ``idle_seconds``; returns those lessons."""
        now = self.clock()
        self._forget_pending(now)
        for lesson in [lesson for lesson, seen in self.seen.items() if all(now - at >= self.window for at in seen.values())]:
            del self.seen[lesson]  # browsers that came alone, long ago
        quiet = idle_lessons(self.last_opened, now, self.idle_seconds)
        for lesson in quiet:
            del self.last_opened[lesson]
            self._set_size(lesson, 0)
            self._draining.add(lesson)
            self.log.info("Shrinking the pool of %s: nobody opened it for %g s", lesson, self.idle_seconds)
        for lesson in list(self._draining):
            if self._drain(lesson):
                self._draining.discard(lesson)
        return quiet

    # -- inside ------------------------------------------------------------------------------
    def _set_size(self, lesson: str, size: int) -> None:
        config = dict(self.km.kernel_pools_config)
        config[lesson] = {**config.get(lesson, {}), "pool_size": size}
        self.km.kernel_pools_config = config

    def _drain(self, lesson: str) -> bool:
        """Shut down the lesson's pooled kernels that are up; True when none is left starting."""
        pool = getattr(self.km, "_pools", {}).get(lesson, [])
        starting = []
        for task in list(pool):
            if not task.done():
                starting.append(task)
                continue
            pool.remove(task)
            if task.cancelled() or task.exception() is not None:
                continue
            content = task.result()
            content["task"].cancel()  # the notebook waiting in that kernel for its student
            shutdown = asyncio.ensure_future(self.km.shutdown_kernel(content["kernel_id"]))
            self._shutdowns.add(shutdown)
            shutdown.add_done_callback(self._shutdown_done)
        return not starting

    def _shutdown_done(self, future: asyncio.Future) -> None:
        self._shutdowns.discard(future)
        if not future.cancelled() and future.exception() is not None:
            self.log.warning("a pooled kernel could not be shut down: %s", future.exception())

    def _start_checking(self) -> None:
        """Check for idle pools every so often, from the first lesson opened on (the server's loop is running then)."""
        if self._checker is None:
            from tornado.ioloop import PeriodicCallback

            every = max(0.5, min(30.0, self.idle_seconds / 4))
            self._checker = PeriodicCallback(self.shrink_idle, every * 1000)
            self._checker.start()
