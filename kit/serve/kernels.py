"""Lesson kernels as the server hands them out: a clean environment, an owner, and a place within the limits.

- **Environment**: every kernel (a student's or the pool's) starts with ``kernel_env.kernel_environment``.
- **Limits, counted when a kernel starts**: a lesson page checks for room before it renders, but five
  requests at once all saw room, and a ``?theme=`` made Voilà skip the pool and start a kernel per
  request (``--max-kernels 3`` ended with 7). Now the start itself takes a place — the kernels
  running, the pool's kernels still starting, and the students' kernels being started, checked and
  counted in one step under a lock — or raises
  ``Full`` and the student gets the waiting page. One address may hold at most
  ``per_address`` kernels (the teacher is not counted), so one student cannot take the room.
- **Dropped kernels**: a tablet closing its browser sends no shutdown beacon, and its kernel lives on
  until the cull (``--cull-after``, 600 s); four such visits locked the device out. When a device at
  its limit asks for a lesson, its kernel that no tab has been connected to for ``grace`` seconds
  (30: a reload reconnects well within it) is shut down first (``reclaim``), oldest first, one per
  request. Until then such a kernel still counts, for the device and for the server's memory cap, so
  a script that opens and drops websockets in a loop still holds at most ``per_address`` kernels.
- **Owner**: a kernel belongs to the browser whose lesson page it was started for (or, from the
  pool, handed to): a random, HTTP-only cookie ``netkit_browser``. Its websocket, the shutdown
  beacon and the kernel REST API answer only that browser (``kernel_handlers.py``); a student who
  learns another's kernel id can neither connect to it nor shut it down.

Which request a kernel is started for travels in a context variable the lesson page sets: Voilà
calls the kernel manager from inside the page's handler, so no Voilà code is copied here.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import os
import secrets
import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass

from kit.serve.capacity import kernels_counted, ready_in_pool
from kit.serve.kernel_env import kernel_environment

log = logging.getLogger(__name__)

BROWSER_COOKIE = "netkit_browser"
DEFAULT_PER_ADDRESS = 4
DEFAULT_GRACE = 30.0  # seconds a kernel without a tab keeps its place (a reload reconnects sooner)


@dataclass(frozen=True)
class Visit:
    """Who is asking for a lesson page: the browser's secret, its address, whether it is the teacher."""

    browser: str
    address: str
    teacher: bool = False


class Full(Exception):
    """No kernel may start for this visit: the server (``reason == "server"``) or the address is full."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


VISIT: ContextVar[Visit | None] = ContextVar("netkit_visit", default=None)


def new_browser_secret() -> str:
    return secrets.token_urlsafe(32)


def valid_browser_secret(value: str | None) -> bool:
    return bool(value) and 32 <= len(value) <= 64 and all(c.isalnum() or c in "-_" for c in value)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class Kernels:
    """The kit's book of lesson kernels, attached to Voilà's kernel manager by ``install``."""

    def __init__(self, kernel_manager, limit: int = 0, per_address: int = DEFAULT_PER_ADDRESS,
                 grace: float = DEFAULT_GRACE):
        self.km = kernel_manager
        self.limit = limit
        self.per_address = per_address
        self.grace = grace
        self._tabs: dict[str, int] = {}  # kernel id -> websockets connected now
        self._alone_since: dict[str, float] = {}  # kernel id -> when its last tab left (or it was handed out)
        self._owners: dict[str, tuple[str, str]] = {}  # kernel id -> (digest of the browser secret, address)
        self._starting = 0
        self._starting_by: dict[str, int] = {}
        self._lock = threading.Lock()

    # -- counting ---------------------------------------------------------------------------
    def _running(self) -> set[str]:
        return set(self.km.list_kernel_ids())

    def _held_by(self, address: str) -> int:
        running = self._running()
        self._owners = {k: v for k, v in self._owners.items() if k in running}
        self._alone_since = {k: v for k, v in self._alone_since.items() if k in running}
        self._tabs = {k: v for k, v in self._tabs.items() if k in running}
        return sum(1 for _, owner_address in self._owners.values() if owner_address == address) + self._starting_by.get(address, 0)

    def count(self) -> int:
        """Kernels running, the pool's still starting, and students' being started."""
        return kernels_counted(self.km) + self._starting

    def refusal(self, visit: Visit, new_kernel: bool = True) -> str | None:
        """Why ``visit`` may not have a kernel now ("server" or "address"), or None."""
        if not visit.teacher and self.per_address and self._held_by(visit.address) >= self.per_address:
            return "address"
        if new_kernel and self.limit and self.count() >= self.limit:
            return "server"
        return None

    def _take_place(self, visit: Visit, new_kernel: bool = True) -> None:
        with self._lock:  # the check and the count are one step
            reason = self.refusal(visit, new_kernel)
            if reason:
                raise Full(reason)
            self._starting += new_kernel
            self._starting_by[visit.address] = self._starting_by.get(visit.address, 0) + 1

    def _leave_place(self, visit: Visit, new_kernel: bool = True) -> None:
        with self._lock:
            self._starting -= new_kernel
            left = self._starting_by.get(visit.address, 1) - 1
            if left:
                self._starting_by[visit.address] = left
            else:
                self._starting_by.pop(visit.address, None)

    # -- kernels no tab is connected to -------------------------------------------------------
    def connected(self, kernel_id: str) -> None:
        """A tab's websocket reached the kernel."""
        self._tabs[kernel_id] = self._tabs.get(kernel_id, 0) + 1
        self._alone_since.pop(kernel_id, None)

    def disconnected(self, kernel_id: str) -> None:
        """A tab's websocket left the kernel (closed, or the browser with it)."""
        left = max(0, self._tabs.get(kernel_id, 0) - 1)
        self._tabs[kernel_id] = left
        if not left:
            self._alone_since[kernel_id] = time.monotonic()

    def dropped(self, address: str, now: float | None = None) -> list[str]:
        """The kernels of ``address`` no tab has been connected to for ``grace`` seconds, longest alone first."""
        now = time.monotonic() if now is None else now
        alone = [(since, k) for k, (_, owner_address) in self._owners.items()
                 if owner_address == address and not self._tabs.get(k)
                 and (since := self._alone_since.get(k)) is not None and now - since >= self.grace]
        return [k for _, k in sorted(alone)]

    async def reclaim(self, visit: Visit) -> str | None:
        """A device at its limit asks for a lesson: shut down its kernel longest without a tab; its id, or None."""
        if visit.teacher or not self.per_address:
            return None
        with self._lock:
            if self._held_by(visit.address) < self.per_address:
                return None
            dropped = self.dropped(visit.address)
            if not dropped:
                return None
            kernel_id = dropped[0]
            self._owners.pop(kernel_id, None)  # no longer the device's: nobody reconnects to it
            self._alone_since.pop(kernel_id, None)
        log.info("kernel %s: no tab for %.0f s and its device asks for another lesson: shut down",
                 kernel_id[:8], self.grace)
        try:
            done = self.km.shutdown_kernel(kernel_id)
            if inspect.isawaitable(done):
                await done
        except Exception:  # already gone (culled, or its beacon came late): its place is free anyway
            log.info("kernel %s was already shut down", kernel_id[:8])
        return kernel_id

    # -- owners -----------------------------------------------------------------------------
    def adopt(self, kernel_id: str, visit: Visit) -> None:
        self._owners[kernel_id] = (_digest(visit.browser), visit.address)
        if not self._tabs.get(kernel_id):
            self._alone_since[kernel_id] = time.monotonic()  # its page has not connected yet

    def owns(self, kernel_id: str, browser: str | None) -> bool:
        """Whether the browser with secret ``browser`` owns the kernel ``kernel_id``."""
        owner = self._owners.get(kernel_id)
        return bool(owner and browser and secrets.compare_digest(owner[0], _digest(browser)))

    # -- the kernel manager's entry points -----------------------------------------------------
    def install(self) -> None:
        """Route the kernel manager's starts and pool hand-outs through this book."""
        km = self.km
        start_kernel = km.start_kernel
        notify_connect, notify_disconnect = km.notify_connect, km.notify_disconnect

        def connect(kernel_id, *args, **kwargs):
            self.connected(kernel_id)
            return notify_connect(kernel_id, *args, **kwargs)

        def disconnect(kernel_id, *args, **kwargs):
            self.disconnected(kernel_id)
            return notify_disconnect(kernel_id, *args, **kwargs)

        km.notify_connect, km.notify_disconnect = connect, disconnect

        async def started(*args, **kwargs):
            kwargs["env"] = kernel_environment(kwargs.get("env") or os.environ)
            visit = VISIT.get()
            if visit is None:  # the pool filling itself: paced and limited by capacity.pace_refills
                return await start_kernel(*args, **kwargs)
            self._take_place(visit)
            try:
                kernel_id = await start_kernel(*args, **kwargs)
            finally:
                self._leave_place(visit)
            self.adopt(kernel_id, visit)
            return kernel_id

        km.start_kernel = started
        if hasattr(km, "get_rendered_notebook"):
            rendered = km.get_rendered_notebook

            async def handed_out(*args, **kwargs):
                visit = VISIT.get()
                if visit is None:
                    return await rendered(*args, **kwargs)
                notebook = kwargs.get("notebook_name", args[0] if args else None)
                self._take_place(visit, new_kernel=False)  # the pool's kernel is counted already: only the address's share
                # A pool kernel still starting leaves the pool's count when Voilà takes it: count it here until it is up.
                waiting = int(ready_in_pool(km, notebook) == 0)
                self._starting += waiting
                token = VISIT.set(None)  # the refill this triggers is the pool's, not the student's
                try:
                    result = await rendered(*args, **kwargs)
                finally:
                    VISIT.reset(token)
                    self._starting -= waiting
                    self._leave_place(visit, new_kernel=False)
                self.adopt(result[2], visit)
                return result

            km.get_rendered_notebook = handed_out
