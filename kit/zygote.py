"""The warm parent of a lesson folder's kernels: imports once, then forks a student kernel on request.

``netkit serve`` starts one of these per lesson folder (``kit/serve/forking.py``) as
``python -m kit.zygote FOLDER``. Before it answers, it imports what every student kernel of the
folder imports — IPython's kernel, ipywidgets, anywidget, the kit's lesson, the components each
notebook of the folder calls — and reads their content files (``kit.lesson.warm_content``,
``kit.warmup.warm_components``), then freezes the garbage collector so those objects are never
touched again. A kernel forked from it shares all of that memory with its brothers and sisters
(copy-on-write) and only pays for what its own student does.

What must not cross a fork is kept out of this process: no thread (it checks before every fork
that it has only its own), no zmq context, no socket, no event loop. The forked child makes its
own session, environment, connection file and random state (``kit.kernel.forked``).

The server talks to it in JSON lines over the zygote's stdin and stdout:

- the zygote says ``{"ready": pid}`` once warm (or ``{"failed": why}`` and ends);
- the server asks ``{"id": n, "argv": [...], "env": {...}, "cwd": "..."}`` (``argv``: the student
  kernel's arguments after ``-m kit.kernel``), the zygote answers ``{"id": n, "pid": p}`` or
  ``{"id": n, "error": why}``;
- the zygote reports each child that ends: ``{"exit": pid, "code": c}`` (c < 0: the signal).

It ends when its stdin closes (the server stopped); the kernels it forked live on in their own
sessions until the server shuts them down. Nothing it does may stop a lesson: a lesson whose
warm-up fails is only warmed less.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import selectors
import signal
import sys
from pathlib import Path

log = logging.getLogger("kit.zygote")

THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")
# What a student kernel imports on its way up (its debugger among them: debugpy, about 10 MB), measured
# by comparing a forked kernel's sys.modules with its parent's.
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.comm", "ipykernel.debugger",
           "IPython.core.completer", "IPython.extensions", "pdb", "tornado.queues", "tornado.locks", "xmlrpc.client",
           "http.server",
           "ipywidgets", "anywidget", "kit.kernel", "kit.lesson", "kit.warmup", "kit.preheat", "websockets.sync.client",
           "setproctitle",
           # and what it imports while it builds its shell and starts (the same comparison after ``initialize``)
           "IPython.core.debugger", "IPython.core.oinspect", "IPython.core.completerlib", "IPython.utils.wildcard",
           "IPython.extensions.storemagic", "tornado.platform.asyncio")


def lesson_ids(folder: Path) -> list[str]:
    """The ids (``metadata.netkit.id``) of the lesson notebooks in ``folder``."""
    from kit import notebook

    ids = []
    for path in sorted(folder.glob("*.ipynb")):
        try:
            lesson_id = notebook.read(path).id
        except (OSError, ValueError):
            continue
        if lesson_id:
            ids.append(lesson_id)
    return ids


def warm(folder: Path) -> list[str]:
    """Import what a student kernel of ``folder`` imports and read its lessons' content; the lesson ids."""
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    from kit.lesson import warm_content
    from kit.warmup import warm_components

    ids = lesson_ids(folder)
    for lesson_id in ids:
        try:
            warm_content(lesson_id)
            warm_components(lesson_id)
        except Exception:  # a lesson that cannot warm up here is warmed in its kernel, as without a zygote
            log.warning("could not warm %s in the zygote", lesson_id, exc_info=True)
    return ids


def threads() -> int:
    """Threads of this process (the operating system's count: a thread a C library started counts too)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        import threading

        return threading.active_count()


class Zygote:
    """The request loop: fork on request, report the children that end."""

    def __init__(self, requests, answers):
        self.requests, self.answers = requests, answers
        self.children: set[int] = set()
        self.buffer = b""
        self.wake_read, self.wake_write = os.pipe()
        os.set_blocking(self.wake_write, False)
        os.set_blocking(self.wake_read, False)

    def say(self, message: dict) -> None:
        os.write(self.answers, (json.dumps(message) + "\n").encode())

    def run(self) -> None:
        signal.set_wakeup_fd(self.wake_write)
        signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes the loop through the wake-up pipe
        self.selector = selector = selectors.DefaultSelector()
        selector.register(self.requests, selectors.EVENT_READ, "request")
        selector.register(self.wake_read, selectors.EVENT_READ, "child")
        while True:
            for key, _ in selector.select():
                if key.data == "child":
                    try:
                        os.read(self.wake_read, 4096)
                    except BlockingIOError:
                        pass
                    self.reap()
                elif not self.read_requests():
                    return
            self.reap()

    def read_requests(self) -> bool:
        chunk = os.read(self.requests, 65536)
        if not chunk:
            return False  # the server has gone
        self.buffer += chunk
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            if line.strip():
                self.handle(line)
        return True

    def handle(self, line: bytes) -> None:
        try:
            request = json.loads(line)
            number = request["id"]
        except (ValueError, KeyError, TypeError):
            log.warning("the zygote cannot read a request: %.200r", line)
            return
        running = threads()
        if running != 1:  # a thread would not exist in the child, and its locks could be held for ever there
            self.say({"id": number, "error": f"the zygote has {running} threads; it forks only with one"})
            return
        try:
            pid = os.fork()
        except OSError as exc:
            self.say({"id": number, "error": f"fork failed: {exc}"})
            return
        if pid == 0:
            self.become_kernel(request)  # never returns
        self.children.add(pid)
        self.say({"id": number, "pid": pid})

    def become_kernel(self, request: dict) -> None:
        code = 1
        try:
            signal.set_wakeup_fd(-1)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            self.selector.close()
            for fd in (self.wake_read, self.wake_write, self.requests, self.answers):
                os.close(fd)
            from kit.kernel import forked

            code = forked(request["argv"], request["env"], request["cwd"])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            log.exception("a forked kernel failed")
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)

    def reap(self) -> None:
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            self.children.discard(pid)
            self.say({"exit": pid, "code": os.waitstatus_to_exitcode(status)})


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path.cwd()
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    logging.basicConfig(stream=sys.__stderr__, level=logging.WARNING,
                        format="[zygote] %(levelname)s %(name)s: %(message)s")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server's Ctrl-C: the server ends this by closing stdin
    requests, answers = os.dup(0), os.dup(1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.dup2(2, 1)  # what the lessons print while warming goes to the server's terminal, not into the answers
    zygote = Zygote(requests, answers)
    try:
        os.chdir(folder)
        ids = warm(folder)
        from kit.kernel import prepare

        prepare()  # after the lessons' warm-up: none of it runs with a kernel application in this process
        gc.collect()
        gc.freeze()  # the warm objects stay where they are: the collector never writes to their pages
        running = threads()
        if running != 1:
            zygote.say({"failed": f"{running} threads after warming up"})
            return 1
    except Exception as exc:
        log.exception("the zygote of %s could not warm up", folder)
        zygote.say({"failed": f"{type(exc).__name__}: {exc}"})
        return 1
    zygote.say({"ready": os.getpid(), "lessons": ids})
    zygote.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
