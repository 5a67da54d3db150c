"""Student kernels forked from a warm parent: they share the memory of the code every kernel imports.

Forty kernels of one lesson each imported the same IPython, ipywidgets and kit code and read the
same content files: 41–49 MB of PSS each, almost all of it the same bytes. Here a lesson folder's
first kernel starts that folder's zygote (``python -m kit.zygote FOLDER``, ``kit/zygote.py``), which
imports and reads all of it once; every kernel after it is forked from the zygote (copy-on-write)
and starts in a fraction of the time.

``ForkProvisioner`` is a Jupyter kernel provisioner (registered as ``netkit-fork`` in
pyproject.toml's ``jupyter_client.kernel_provisioners`` entry points; the kit's kernel spec names
it, ``kernelspec.py``), so Voilà's pool, restarts, interrupts and culling go through it as through
Jupyter's own ``LocalProvisioner``: the connection file and ports are written the same way (each
kernel its own), the kernel's command line is the same, only the process comes from a fork. The
kernel is not the server's child: its exit is read from a pidfd (``os.pidfd_open``) and its exit
code from the zygote's report, and signals go to its own process group or through the pidfd (so a
pid the system reused is never signalled).

A student whose kernel is started for their page (no pool, or the pool empty) does not wait for a
zygote still warming up: that kernel starts the usual way, and the zygote starts warming up
``WARM_AFTER_STUDENT`` seconds later (after that page, not beside it) for the kernels after it. When a folder's zygote cannot start or answer (a broken lesson import, a thread started at import,
no pidfd on this system), the kernel is started the usual way and the server's log says so in one
line; the zygote is tried again after ``RETRY_SECONDS``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import select
import signal
import sys
import time
from typing import Any

from jupyter_client.provisioning import LocalProvisioner

from kit.serve.kernels import VISIT

SERVER_PID = "NETKIT_SERVER_PID"  # read by kit.kernel.end_with_server in the forked kernel: it ends with this server

log = logging.getLogger(__name__)

PROVISIONER = "netkit-fork"
READY_TIMEOUT = 180.0  # seconds a zygote may take to warm up (a busy two-core machine)
FORK_TIMEOUT = 30.0  # seconds for the zygote to answer one fork
WARM_AFTER_STUDENT = 20.0  # seconds from a student's kernel started afresh to its folder's parent warming up
RETRY_SECONDS = 60.0  # after a zygote failed, its folder's kernels start the usual way this long
ZYGOTE_MODULE = "kit.zygote"
UNKNOWN_EXIT = 1  # the exit code of a forked kernel whose zygote was gone when it ended


def process_ended(pidfd: int) -> bool:
    """Whether the process behind ``pidfd`` has ended (a pidfd turns readable then).

    poll(), not select(): a server with a class and its pool holds more than 1,024 descriptors, and
    select() refuses any past that ("filedescriptor out of range"); each websocket then answered 500.
    """
    poller = select.poll()
    poller.register(pidfd, select.POLLIN)
    return bool(poller.poll(0))


class ZygoteError(Exception):
    """The zygote could not start, or could not fork this kernel."""


class Warming(Exception):
    """The zygote is still warming up, and the kernel asked for should not wait for it."""


def _seen(task: asyncio.Task) -> None:
    if not task.cancelled():
        task.exception()  # a failed start is reported to every kernel that waited for it, and logged there


def kernel_arguments(cmd: list[str]) -> list[str] | None:
    """The arguments after ``python -m kit.kernel`` in a kernel's command, or None for any other command."""
    if len(cmd) >= 3 and cmd[1:3] == ["-m", "kit.kernel"] and os.path.realpath(cmd[0]) == os.path.realpath(sys.executable):
        return list(cmd[3:])
    return None


def can_fork() -> bool:
    """Whether this system can fork kernels and follow them without being their parent (Linux 5.3+)."""
    return sys.platform.startswith("linux") and hasattr(os, "pidfd_open") and hasattr(signal, "pidfd_send_signal")


class Zygote:
    """One lesson folder's warm parent as the server sees it: start it, ask it for forks, hear of exits."""

    def __init__(self, folder: str, env: dict[str, str]):
        self.folder, self.env = folder, env
        self.process: asyncio.subprocess.Process | None = None
        self.exits: dict[int, int] = {}
        self.failed = ""
        self._asked = 0
        self._waiting: dict[int, asyncio.Future] = {}
        self._ready: asyncio.Future | None = None
        self._reader: asyncio.Task | None = None

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.returncode is None and not self.failed

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._ready = loop.create_future()
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", ZYGOTE_MODULE, self.folder, stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, env=self.env, cwd=self.folder, start_new_session=True, limit=2**20)
        self._reader = asyncio.ensure_future(self._read())
        try:
            await asyncio.wait_for(asyncio.shield(self._ready), READY_TIMEOUT)
        except asyncio.TimeoutError:
            self._fail(f"not warm after {READY_TIMEOUT:g} s")
            self.stop()
        if self.failed:
            raise ZygoteError(self.failed)

    async def fork(self, argv: list[str], env: dict[str, str], cwd: str) -> int:
        """The pid of a new kernel forked with ``argv`` (kit.kernel's), ``env`` and ``cwd``."""
        if not self.alive:
            raise ZygoteError(self.failed or "the zygote has ended")
        self._asked += 1
        number = self._asked
        answer = asyncio.get_running_loop().create_future()
        self._waiting[number] = answer
        request = {"id": number, "argv": argv, "env": dict(env), "cwd": str(cwd)}
        try:
            self.process.stdin.write((json.dumps(request) + "\n").encode())
            await self.process.stdin.drain()
            return await asyncio.wait_for(answer, FORK_TIMEOUT)
        except (OSError, asyncio.TimeoutError) as exc:
            raise ZygoteError(f"no answer to a fork ({type(exc).__name__})") from None
        finally:
            self._waiting.pop(number, None)

    def stop(self) -> None:
        """End the zygote (its stdin closes); the kernels it forked live on."""
        if self.process is not None and self.process.returncode is None:
            try:
                self.process.stdin.close()
            except (OSError, RuntimeError):  # RuntimeError: its event loop has closed; the pipe closes with this process
                pass

    async def _read(self) -> None:
        try:
            while True:
                line = await self.process.stdout.readline()
                if not line:
                    break
                try:
                    self._hear(json.loads(line))
                except (ValueError, TypeError, KeyError):
                    log.warning("the zygote of %s said something unreadable: %.200r", self.folder, line)
        finally:
            self._fail(self.failed or "the zygote has ended")

    def _hear(self, message: dict[str, Any]) -> None:
        if "exit" in message:
            self.exits[int(message["exit"])] = int(message["code"])
        elif "ready" in message:
            if self._ready is not None and not self._ready.done():
                self._ready.set_result(message["ready"])
        elif "failed" in message:
            self._fail(str(message["failed"]))
        elif "id" in message:
            answer = self._waiting.get(message["id"])
            if answer is not None and not answer.done():
                if "pid" in message:
                    answer.set_result(int(message["pid"]))
                else:
                    answer.set_exception(ZygoteError(str(message.get("error", "the fork failed"))))

    def _fail(self, why: str) -> None:
        self.failed = self.failed or why
        for future in [self._ready, *self._waiting.values()]:
            if future is not None and not future.done():
                future.set_exception(ZygoteError(self.failed))
                future.exception()  # retrieved here: a fork nobody waits for any more is not an error to report


class Zygotes:
    """The server's zygotes, one per lesson folder (and event loop), started when a folder's first kernel starts."""

    def __init__(self):
        self._zygotes: dict[tuple[str, int], Zygote] = {}
        self._starting: dict[tuple[str, int], asyncio.Task] = {}
        self._broken: dict[tuple[str, int], float] = {}
        self._later: dict[tuple[str, int], asyncio.TimerHandle] = {}

    async def zygote_for(self, folder: str, env: dict[str, str], wait: bool = True) -> Zygote:
        """The warm parent of ``folder``, started if it is not; ``wait=False``: only one that is warm already
        (``Warming`` while it warms up)."""
        key = (os.path.realpath(folder), id(asyncio.get_running_loop()))
        zygote = self._zygotes.get(key)
        if zygote is not None and zygote.alive:
            return zygote
        if key in self._broken and time.monotonic() - self._broken[key] < RETRY_SECONDS:
            raise ZygoteError("it failed a moment ago")
        task = self._starting.get(key)
        if task is None and not wait:
            # A student's page is being served: warm the parent up once it is, not beside it
            if key not in self._later:
                self._later[key] = asyncio.get_running_loop().call_later(WARM_AFTER_STUDENT, self._start_soon, key, env)
            raise Warming()
        if task is None:
            task = self._start_soon(key, env)
        if not wait:
            raise Warming()
        return await asyncio.shield(task)

    def _start_soon(self, key: tuple[str, int], env: dict[str, str]) -> asyncio.Task:
        later = self._later.pop(key, None)
        if later is not None:
            later.cancel()
        task = self._starting.get(key)
        if task is None:
            task = self._starting[key] = asyncio.ensure_future(self._start(key, env))
            task.add_done_callback(_seen)
        return task

    async def _start(self, key: tuple[str, int], env: dict[str, str]) -> Zygote:
        zygote = Zygote(key[0], env)
        try:
            await zygote.start()
        except (OSError, ZygoteError) as exc:
            self._broken[key] = time.monotonic()
            zygote.stop()
            raise ZygoteError(str(exc) or type(exc).__name__) from None
        finally:
            self._starting.pop(key, None)
        self._broken.pop(key, None)
        self._zygotes[key] = zygote
        return zygote

    def stop(self) -> None:
        for later in self._later.values():
            later.cancel()
        self._later.clear()
        for zygote in self._zygotes.values():
            zygote.stop()
        self._zygotes.clear()


ZYGOTES = Zygotes()


def zygote_environment(env: dict[str, str]) -> dict[str, str]:
    """The zygote's environment: the kernel's, without what belongs to one kernel (its id, its request)."""
    return {k: v for k, v in env.items() if not k.startswith(("VOILA_", "JPY_")) and k != "QUERY_STRING"}


class ForkProvisioner(LocalProvisioner):
    """Jupyter's local provisioner, whose kit student kernels are forked from their lesson folder's zygote."""

    pidfd: int | None = None
    forked_from: Zygote | None = None

    @property
    def has_process(self) -> bool:
        return self.pidfd is not None or super().has_process

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        argv = kernel_arguments(cmd)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        env = dict(kwargs.get("env") or os.environ)
        if argv is not None and can_fork():
            try:
                # A student waiting for this kernel does not wait for the folder's parent to warm up as well
                # (it starts afresh, as fast as before); the pool's kernels do, and share its memory.
                zygote = await ZYGOTES.zygote_for(cwd, zygote_environment(env), wait=VISIT.get() is None)
                pid = await zygote.fork(argv, {**env, SERVER_PID: str(os.getpid())}, cwd)  # it ends with this server
                self.pidfd = os.pidfd_open(pid)
            except Warming:
                log.debug("kernel for %s started afresh while its warm parent warms up", cwd)
            except (OSError, ZygoteError) as exc:
                log.warning("Kernel for %s started without its warm parent (it shares no memory): %s", cwd, exc)
            else:
                self.forked_from, self.pid, self.pgid, self.cwd = zygote, pid, pid, cwd
                return self.connection_info
        return await super().launch_kernel(cmd, **kwargs)

    # -- a process that is not the server's child -----------------------------------------------
    async def poll(self) -> int | None:
        if self.pidfd is None:
            return await super().poll()
        if not process_ended(self.pidfd):
            return None
        return self.forked_from.exits.get(self.pid, UNKNOWN_EXIT) if self.forked_from else UNKNOWN_EXIT

    async def wait(self) -> int | None:
        if self.pidfd is None:
            return await super().wait()
        while (code := await self.poll()) is None:
            await asyncio.sleep(0.1)
        self._close_pidfd()
        return code

    async def send_signal(self, signum: int) -> None:
        if self.pidfd is None:
            return await super().send_signal(signum)
        if await self.poll() is None:  # while it runs its process group is its own
            try:
                os.killpg(self.pgid, signum)
                return
            except OSError:
                pass
        try:
            signal.pidfd_send_signal(self.pidfd, signum)
        except ProcessLookupError:
            pass  # it has ended (a cap, a crash) and been reaped: as Jupyter's own provisioner, nothing to signal

    async def kill(self, restart: bool = False) -> None:
        if self.pidfd is None:
            return await super().kill(restart)
        await self.send_signal(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        if self.pidfd is None:
            return await super().terminate(restart)
        await self.send_signal(signal.SIGTERM)

    async def cleanup(self, restart: bool = False) -> None:
        self._close_pidfd()
        await super().cleanup(restart)

    def _close_pidfd(self) -> None:
        if self.pidfd is not None:
            os.close(self.pidfd)
            self.pidfd = None

    async def get_provisioner_info(self) -> dict:
        info = await super().get_provisioner_info()
        info["forked"] = self.forked_from is not None
        return info

    async def load_provisioner_info(self, provisioner_info: dict) -> None:
        await super().load_provisioner_info(provisioner_info)
        if provisioner_info.get("forked") and self.pid and can_fork():
            try:
                self.pidfd = os.pidfd_open(self.pid)
            except OSError:
                self.pidfd = None


def register() -> None:
    """Make the provisioner known to Jupyter even where the kit's entry points were not (re)installed."""
    from importlib.metadata import EntryPoint

    from jupyter_client.provisioning.factory import KernelProvisionerFactory

    factory = KernelProvisionerFactory.instance()
    if PROVISIONER not in factory.provisioners and not factory._check_availability(PROVISIONER):
        factory.provisioners[PROVISIONER] = EntryPoint(
            name=PROVISIONER, value=f"{__name__}:ForkProvisioner", group="jupyter_client.kernel_provisioners")


def provisioner_stanza() -> dict:
    """The ``kernel_provisioner`` entry of a kernel spec's metadata that chooses this provisioner."""
    register()
    return {"kernel_provisioner": {"provisioner_name": PROVISIONER, "config": {}}}

