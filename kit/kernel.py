"""The kernel a student's lesson runs in: IPython's kernel, narrowed to what a lesson page needs, and capped.

``netkit serve`` starts every lesson kernel as ``python -m kit.kernel --memory-mb M --cpu-seconds S
-f CONNECTION_FILE`` (``kit/serve/kernelspec.py``). Before the kernel starts, this module:

- caps the process's memory and CPU time (``limit``): ``RLIMIT_DATA`` counts the heap and private
  mappings, not the shared libraries and dictionary files every kernel maps, so the cap follows what
  a kernel really uses; ``RLIMIT_CPU`` sends SIGXCPU at the budget (and the system kills the process
  a few seconds later if it cannot stop). A kernel that hits a cap writes which one to the server's
  terminal and ends; the page shows its "reload" banner and the sitting resumes from the store;
- keeps numerical libraries to one thread: a lesson's models are small, and 40 kernels with a
  thread per core each only compete for the same cores;
- starts ``StudentKernel``: the browser may open only the widget manager's control comm (which
  lists the kernel's own widgets), a few times, each answering a few requests (every answer carries
  every widget's whole state). A ``comm_open`` for ``jupyter.widget`` would make the kernel
  build any ipywidgets model the browser names (60 large ones took a kernel from 104 to 631 MB):
  it is refused, closed, and noted in the terminal in one line;
- sends no traceback to the page: the kernel's log and errors go to the server's terminal (never to
  the page's output stream), and an error message carries only the error's name.

Nothing here is imported by a lesson: it runs once, before the kernel, in the kernel's process.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import re
import resource
import select
import signal
import sys
import threading

log = logging.getLogger("kit.kernel")

BROWSER_TARGETS = frozenset({"jupyter.widget.control"})  # comms the page itself may open
CONTROL_OPENS = 4  # control comms one kernel opens for the browser (a page opens one)
CONTROL_REQUESTS = 4  # messages one control comm answers: each sends every widget's whole state
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")
CPU_GRACE = 5  # seconds between SIGXCPU and the system's SIGKILL
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def limit(memory_mb: int, cpu_seconds: int) -> None:
    """Cap this process: data segment at ``memory_mb`` MB, CPU time at ``cpu_seconds`` (0: no cap)."""
    if memory_mb > 0:
        size = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (size, size))
    if cpu_seconds > 0:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + CPU_GRACE))
        signal.signal(signal.SIGXCPU, lambda *_: stop("cpu"))


def stop(cap: str) -> None:
    """End the kernel because it reached its ``cap`` ("memory" or "cpu"), saying so in the terminal."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    log.error("kernel %s stopped: it reached its %s cap (CPU %.0f s, peak memory %d MB); the student's page "
              "asks to reload, and the sitting resumes from the results store",
              _kernel_name(), cap, used.ru_utime + used.ru_stime, used.ru_maxrss // 1024)
    logging.shutdown()
    os._exit(3)


def _kernel_name() -> str:
    for i, arg in enumerate(sys.argv):
        if arg == "-f" and i + 1 < len(sys.argv):
            return os.path.basename(sys.argv[i + 1]).removeprefix("kernel-").removesuffix(".json")
    return str(os.getpid())


class _Budget(logging.Filter):
    """At most ``per_minute`` log records a minute from one kernel: a flood of forged messages must
    not fill the server's disk with the same line."""

    def __init__(self, per_minute: int = 60):
        super().__init__()
        self.per_minute, self.window, self.count = per_minute, 0, 0

    def filter(self, record: logging.LogRecord) -> bool:
        import time

        window = int(time.monotonic() // 60)
        if window != self.window:
            self.window, self.count = window, 0
        self.count += 1
        return self.count <= self.per_minute


def _log_to_terminal() -> None:
    """Every logger writes to the server's terminal (the process's own stderr), never to the page."""
    handler = logging.StreamHandler(sys.__stderr__)
    handler.setFormatter(logging.Formatter(f"[kernel {_kernel_name()[:8]}] %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_Budget())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    logging.getLogger("Comm").setLevel(logging.ERROR)  # "No such comm" for every forged comm id says nothing useful


@functools.cache
def _student_classes():
    """The shell, kernel and application classes (built on first use so that importing this module stays cheap;
    a warm parent builds them before it forks, ``prepare``)."""
    from ipykernel.comm import Comm
    from ipykernel.ipkernel import IPythonKernel
    from ipykernel.kernelapp import IPKernelApp
    from ipykernel.zmqshell import ZMQInteractiveShell
    from IPython.core.application import BaseIPythonApplication
    from traitlets import Type

    class StudentShell(ZMQInteractiveShell):
        """IPython's shell whose errors reach the page as a name only; the traceback goes to the terminal."""

        def _showtraceback(self, etype, evalue, stb):
            log.error("%s", _ANSI.sub("", "\n".join(stb if isinstance(stb, list) else [str(stb)])))
            if isinstance(etype, type) and issubclass(etype, MemoryError):
                stop("memory")
            super()._showtraceback(etype, "", [])

    class StudentKernel(IPythonKernel):
        """IPython's kernel that lets the browser open only the widget manager's control comm."""

        shell_class = Type(StudentShell)

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.shell.kernel is None:  # the shell a warm parent built before the fork (``prepare``) is this kernel's now
                self.shell.parent, self.shell.kernel = self, self
                self.shell.init_environment()  # its variables went with the parent's environment
            self.shell_handlers["comm_open"] = self.comm_open_from_browser
            self.shell_handlers["comm_msg"] = self.comm_msg_from_browser
            self.refused_comms = 0
            self.control_requests: dict[str, int] = {}  # control comm id -> messages answered

        def comm_open_from_browser(self, stream, ident, msg):
            content = msg.get("content") or {}
            comm_id = content.get("comm_id")
            if (content.get("target_name") in BROWSER_TARGETS and isinstance(comm_id, str)
                    and len(self.control_requests) < CONTROL_OPENS):
                self.control_requests[comm_id] = 0
                return self.comm_manager.comm_open(stream, ident, msg)
            self.refused_comms += 1
            if self.refused_comms == 1 or self.refused_comms % 100 == 0:
                log.warning("refused a comm the browser opened (target %.40r); %d so far",
                            content.get("target_name"), self.refused_comms)
            comm_id = content.get("comm_id")
            if isinstance(comm_id, str) and len(comm_id) <= 100 and comm_id not in self.comm_manager.comms:
                comm = Comm(comm_id=comm_id, primary=False, target_name="refused", show_warning=False)
                self.comm_manager.register_comm(comm)
                comm.close()  # the page's promise settles; the kernel keeps nothing
            return None

        def comm_msg_from_browser(self, stream, ident, msg):
            comm_id = (msg.get("content") or {}).get("comm_id")
            if isinstance(comm_id, str) and comm_id in self.control_requests:
                self.control_requests[comm_id] += 1
                if self.control_requests[comm_id] > CONTROL_REQUESTS:
                    return None  # a page asks for the widgets' states once; a flood gets no answer
            return self.comm_manager.comm_msg(stream, ident, msg)

    class ReadOnce(BaseIPythonApplication):
        """The first part of IPython's ``initialize`` — the command line, the profile, its configuration files —
        done once in a warm parent (``read_configuration``) instead of in each kernel forked from it.

        ``StudentKernelApp`` lists it after ``IPKernelApp``, so ``IPKernelApp.initialize``'s ``super().initialize``
        comes here; every kernel of a folder has the same command line but for its connection file.
        """

        read_before = False

        def initialize(self, argv=None):
            path = connection_file_only(argv)
            if self.read_before and path is not None:
                self.connection_file = path
                return
            super().initialize(argv)

        def read_configuration(self) -> None:
            super().initialize([])
            self.read_before = True

    class StudentKernelApp(IPKernelApp, ReadOnce):
        """IPython's kernel application, whose configuration a warm parent can read before it forks."""

        def log_connection_info(self) -> None:
            """The connection file in the log only: IPython also prints its Ctrl-C note and the file to the terminal
            for a kernel with no parent handle (a forked kernel), 9 English lines a kernel in the teacher's terminal,
            hundreds as a pool of 40 fills."""
            handle = self.parent_handle
            self.parent_handle = 1  # IPython's own "there is a parent" test; the poller is set up already (init_poller)
            try:
                super().log_connection_info()
            finally:
                self.parent_handle = handle

    return StudentShell, StudentKernel, StudentKernelApp


def connection_file_only(argv) -> str | None:
    """The connection file of a kernel command line that gives nothing else (``-f PATH``), else None."""
    args = list(argv or ())
    if len(args) == 2 and args[0] == "-f":
        return args[1]
    if len(args) == 1 and args[0].startswith("--f="):
        return args[0].removeprefix("--f=")
    return None


def student_config():
    """What the kit sets in IPython for every student kernel (a kernel's own configuration files and command
    line still come on top).

    No input history on disk: IPython would write every cell a kernel runs to one SQLite file in the
    user's profile, shared by every student's kernel, and start a thread in each kernel to do it; a
    lesson kernel's history is never read again (the store keeps the answers). ``In`` and ``Out`` still work.
    """
    from traitlets.config import Config

    config = Config()
    config.HistoryManager.enabled = False
    return config


def application():
    """This process's student kernel application (one per process, as IPython's)."""
    _, kernel_class, app_class = _student_classes()
    return app_class.instance(kernel_class=kernel_class, capture_fd_output=False, config=student_config())


def prepare() -> None:
    """In a warm parent, once: what every kernel forked from it would do alike at its start.

    Builds the kernel's classes, reads IPython's configuration (command line, profile, files) and
    builds IPython's shell with its empty namespace, magics, completer and display hooks, as the
    kernel would: each kernel forked afterwards has its own copy of it (its own process), which the
    kernel takes as its shell (``StudentKernel``). What belongs to one kernel — its sockets, its
    session key, its environment, its random state, what its student does — is made after the fork.
    The shell is built without the input history's thread (``student_config``), so the parent still
    has one thread and can fork.
    """
    from ipykernel.compiler import XCachingCompiler

    app = application()
    app.read_configuration()
    app.update_config(student_config())  # a profile's configuration file cannot give the parent a history thread
    shell_class, _, _ = _student_classes()
    shell_class.instance(parent=app, profile_dir=app.profile_dir, user_module=None, user_ns=None, kernel=None,
                         compiler_class=XCachingCompiler)


def main(argv: list[str] | None = None) -> None:
    """Cap this process, then run the student kernel with the remaining (IPKernelApp) arguments."""
    parser = argparse.ArgumentParser(prog="python -m kit.kernel", add_help=False)
    parser.add_argument("--memory-mb", type=int, default=0)
    parser.add_argument("--cpu-seconds", type=int, default=0)
    ours, rest = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # else the debugger's start-up warning reaches the page
    _log_to_terminal()
    limit(ours.memory_mb, ours.cpu_seconds)
    app = application()
    app.initialize(rest)
    _hook_imported_libraries()
    app.start()


def forked(argv: list[str], env: dict[str, str], cwd: str) -> int:
    """Become a student kernel in a process just forked from its lesson folder's warm parent (``kit/zygote.py``).

    The child is a new process in every way a student could notice: its own session and process
    group (a signal to the zygote or the server's group does not reach it, and the zygote ending
    does not end it), the environment and folder the server gave this kernel (not the zygote's),
    its own connection file (``argv``'s ``-f``), and fresh random state — ``random`` and numpy's
    global generator were copied from the parent, so every sibling would draw the same numbers.
    The seed of ``str`` hashing cannot be renewed: Python fixes it (``PYTHONHASHSEED``) when the
    parent's interpreter starts, so siblings hash strings alike. It guards a process against
    someone who can choose many dictionary keys without seeing the hashes; a student runs no code
    of their own in a kernel (only the widget manager's comm), and the seed is the parent's own,
    new at each server start.
    """
    os.setsid()
    _show_command([sys.executable, "-m", "kit.kernel", *connection_first(argv)])  # before the environment changes: it moves it
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    end_with_server(env.get(SERVER_PID, ""))
    reseed()
    sys.argv = [__file__, *argv]
    main(argv)
    return 0


SERVER_PID = "NETKIT_SERVER_PID"  # set by the fork provisioner (kit/serve/forking.py): the server this kernel serves


def end_with_server(pid: str, end=os._exit) -> threading.Thread | None:
    """End this kernel when the server that asked for it is gone, as a kernel the server started itself does.

    A forked kernel is not the server's child (its parent is the warm parent, and it has its own
    session so that the warm parent's end does not end it), so ipykernel's parent poller cannot see
    the server go: a server stopped with SIGKILL, or one whose shutdown ran out of time, would leave
    every student's kernel running with its memory until the machine restarts. A pidfd on the
    server's process becomes readable when it exits; a thread waits on it.
    """
    if not pid.isdigit():
        return None
    try:
        handle = os.pidfd_open(int(pid))
    except ProcessLookupError:  # already gone
        end(0)
        return None
    except OSError:  # no pidfd here (an old kernel): nothing watches, as before
        return None

    def wait() -> None:
        poller = select.poll()  # not select.select: a descriptor above 1024 (a busy server's kernel) raises there
        poller.register(handle, select.POLLIN)
        poller.poll()
        end(0)

    watcher = threading.Thread(target=wait, name="netkit-server-watch", daemon=True)
    watcher.start()
    return watcher


def connection_first(argv: list[str]) -> list[str]:
    """``argv`` with its connection file (``-f PATH`` or ``--f=PATH``) first: the title a forked kernel can show is only
    as long as its warm parent's command line and environment, and what is cut must be the caps, not the file that
    tells one kernel from another (``ps``, and tests that find a kernel's process by it)."""
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "-f" and i + 1 < len(args):
            return [arg, args[i + 1], *args[:i], *args[i + 2:]]
        if arg.startswith("--f="):
            return [arg, *args[:i], *args[i + 1:]]
    return args


def _show_command(command: list[str]) -> None:
    """Show ``command`` as this process's command line (``ps``, ``/proc/PID/cmdline``): a forked kernel
    would otherwise show its parent's, and a teacher's ``ps`` could not tell kernels from their parent."""
    try:
        from setproctitle import setproctitle
    except ImportError:  # only what ps shows is lost
        return
    setproctitle(" ".join(command))


def reseed() -> None:
    """New seeds from the operating system for the random generators a parent process may have passed on."""
    import random

    random.seed()
    numpy = sys.modules.get("numpy")  # seeded only if the parent imported it: importing it here would cost 20 MB
    if numpy is not None:
        numpy.random.seed()


def _hook_imported_libraries() -> None:
    """Let libraries a warm parent imported before any kernel existed join this kernel as an import now would.

    ipywidgets registers its comm targets (the page's widget manager asks for the widgets through
    ``jupyter.widget.control``) when it is imported inside a running kernel; in a forked kernel it
    was imported before, so it registers now. In a kernel started afresh it is not imported yet: nothing to do.
    """
    widgets = sys.modules.get("ipywidgets")
    if widgets is not None:
        widgets.register_comm_target()


if __name__ == "__main__":
    main()
