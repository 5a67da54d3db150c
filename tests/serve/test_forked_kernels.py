"""Student kernels forked from a lesson folder's warm parent: separate students, and Jupyter's life cycle intact.

The kernels here are started as the server starts them — Jupyter's kernel manager, the kit's kernel
spec with ``fork`` on, so the ``netkit-fork`` provisioner — in one event loop shared by the module,
so that one warm parent serves all of them, as one serves a class.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
from pathlib import Path

import pytest
from jupyter_client.manager import AsyncKernelManager

from kit.serve import forking
from kit.serve.kernel_env import kernel_environment
from kit.serve.kernelspec import StudentKernelSpecManager
from tests.served import REPO, Server, child_pids, is_zygote

DEADLINE = 120  # seconds for a condition on a loaded two-core machine


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.fixture(scope="module")
def loop():
    """This module's own event loop. Module fixtures start before the function-scoped
    ``no_leftover_event_loop`` (tests/conftest.py) clears Playwright's running-loop marker, so this
    clears it for the module itself (after the browser tests of a full run, every kernel start
    failed with "Cannot run the event loop while another loop is running")."""
    running = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    loop = asyncio.new_event_loop()
    try:
        yield loop
    finally:
        forking.ZYGOTES.stop()
        loop.close()
        asyncio._set_running_loop(running)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("lesson-folder")


class Kernel:
    """One student's kernel: started through Jupyter's kernel manager, run code in it, stop it."""

    def __init__(self, loop, folder: Path, connections: Path):
        self.loop = loop
        self.km = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=StudentKernelSpecManager(fork=True),
                                     transport="ipc", connection_file=str(connections / f"kernel-{time.monotonic_ns()}.json"))
        loop.run_until_complete(self.km.start_kernel(cwd=str(folder), env=kernel_environment(os.environ)))
        self.client = None

    @property
    def pid(self) -> int:
        return self.km.provisioner.pid

    def run(self, code: str) -> str:
        """What ``code`` prints in this kernel."""
        async def run():
            if self.client is None:
                self.client = self.km.client()
                self.client.start_channels()
                await self.client.wait_for_ready(timeout=DEADLINE)
            printed = []
            reply = await self.client.execute_interactive(
                code, timeout=DEADLINE, output_hook=lambda m: printed.append(m["content"].get("text", "")))
            assert reply["content"]["status"] == "ok", reply["content"]
            return "".join(printed).strip()

        return self.loop.run_until_complete(run())

    def restart(self) -> None:
        self.stop_client()
        self.loop.run_until_complete(self.km.restart_kernel(now=True))

    def stop_client(self) -> None:
        if self.client is not None:
            self.client.stop_channels()
            self.client = None

    def shutdown(self, now: bool = False) -> None:
        self.stop_client()
        self.loop.run_until_complete(self.km.shutdown_kernel(now=now))


@pytest.fixture(scope="module")
def two_students(loop, folder, tmp_path_factory):
    connections = tmp_path_factory.mktemp("connections")
    kernels = [Kernel(loop, folder, connections) for _ in range(2)]
    yield kernels
    for kernel in kernels:
        if loop.run_until_complete(kernel.km.is_alive()):
            kernel.shutdown(now=True)


def test_each_students_kernel_is_forked_from_the_same_warm_parent(two_students):
    first, second = two_students
    assert isinstance(first.km.provisioner, forking.ForkProvisioner)
    assert first.km.provisioner.forked_from is not None and first.km.provisioner.pidfd is not None
    assert first.pid != second.pid
    zygote = parent_of(first.pid)
    assert zygote == parent_of(second.pid) != os.getpid()
    assert is_zygote(zygote) and {first.pid, second.pid} <= child_pids(zygote)
    # ps shows each as the kernel it is, with its own connection file, not as its parent
    command = Path(f"/proc/{first.pid}/cmdline").read_bytes()
    assert b"-m kit.kernel" in command and first.km.connection_file.encode() in command


def test_a_variable_one_student_sets_is_absent_in_anothers_kernel(two_students):
    first, second = two_students
    first.run("answer = 'only mine'")
    assert first.run("print(answer)") == "only mine"
    assert second.run("print('answer' in globals())") == "False"


def test_each_kernel_has_its_own_process_group_random_numbers_and_caps(two_students):
    first, second = two_students
    probe = ("import os, random, resource; print(os.getpgid(0) == os.getpid(), os.getsid(0) == os.getpid(), "
             "random.getrandbits(64), resource.getrlimit(resource.RLIMIT_DATA)[0] // 2**20)")
    a, b = first.run(probe).split(), second.run(probe).split()
    assert a[:2] == b[:2] == ["True", "True"]
    assert a[2] != b[2]  # the parent's random state was not handed down to both
    assert a[3] == b[3] == str(StudentKernelSpecManager().memory_mb)


def test_each_kernel_has_its_own_shell_built_in_the_parent_and_its_own_history(two_students):
    first, second = two_students
    probe = ("import os; ip = get_ipython(); k = ip.kernel; "
             "print(k is not None and ip.parent is k and k.shell is ip, os.environ.get('PAGER'), "
             "ip.history_manager.enabled, len(In), os.getpid())")
    first.run("one = 1")
    first.run("two = 2")
    a, b = first.run(probe).split(), second.run(probe).split()
    assert a[:3] == b[:3] == ["True", "cat", "False"]  # the shell is the kernel's; its environment set after the fork
    assert int(a[3]) > int(b[3])  # each shell counts its own cells: the first ran two more
    assert a[4] == str(first.pid) and b[4] == str(second.pid)


def test_siblings_draw_different_numbers_even_from_generators_their_parent_seeded(monkeypatch):
    import random

    from kit.kernel import reseed

    class FakeNumpyRandom:
        seeded = "as the parent left it"

        def seed(self, value=None):
            self.seeded = value

    numpy = type(sys)("numpy")
    numpy.random = FakeNumpyRandom()
    monkeypatch.setitem(sys.modules, "numpy", numpy)
    random.seed(12345)  # what a parent's state would hand to every child alike
    inherited = random.getstate()
    reseed()
    assert random.getstate() != inherited
    assert numpy.random.seeded is None  # seeded again, from the system's randomness


def test_only_a_command_line_of_nothing_but_the_connection_file_uses_the_parents_configuration():
    from kit.kernel import connection_file_only

    assert connection_file_only(["-f", "/run/k.json"]) == "/run/k.json"
    assert connection_file_only(["--f=/run/k.json"]) == "/run/k.json"
    assert connection_file_only(["-f", "/run/k.json", "--IPKernelApp.x=1"]) is None
    assert connection_file_only([]) is None and connection_file_only(None) is None


def test_a_restarted_kernel_is_a_fresh_fork(two_students):
    first, _ = two_students
    first.run("left_behind = 1")
    before = first.pid
    first.restart()
    assert first.pid != before and not alive(before)
    assert first.km.provisioner.forked_from is not None
    assert first.run("print('left_behind' in globals())") == "False"


def test_a_kernel_that_ended_by_itself_is_restarted_as_a_fresh_fork(loop, folder, tmp_path):
    """A kernel over its CPU cap ends by itself; Jupyter's restarter then restarts it, first signalling
    the process that is already gone. That must not raise (it did: every later websocket of the page
    answered 500 "No such process" and the student's page lost its kernel)."""
    import signal

    kernel = Kernel(loop, folder, tmp_path)
    try:
        before = kernel.pid
        os.kill(before, signal.SIGKILL)
        deadline = time.monotonic() + DEADLINE
        while alive(before) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # its warm parent reaps it
        kernel.restart()
        assert kernel.pid != before and kernel.km.provisioner.forked_from is not None
        assert kernel.run("print(2 + 3)") == "5"
    finally:
        kernel.shutdown(now=True)


def test_killing_one_kernel_leaves_the_others_running(loop, two_students):
    first, second = two_students
    pid = first.pid
    first.shutdown(now=True)  # a kill, as culling an unresponsive kernel does
    assert not loop.run_until_complete(first.km.is_alive())
    deadline = time.monotonic() + DEADLINE
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(pid)
    assert second.run("print(1 + 1)") == "2"


def test_kernels_outlive_their_warm_parent(loop, folder, tmp_path):
    kernel = Kernel(loop, folder, tmp_path)
    try:
        kernel.run("x = 41")
        zygote = kernel.km.provisioner.forked_from
        zygote.stop()  # the parent ends (its stdin closes, as when the server stops)
        loop.run_until_complete(asyncio.wait_for(zygote.process.wait(), DEADLINE))
        assert kernel.run("print(x + 1)") == "42"
        assert loop.run_until_complete(kernel.km.is_alive())
    finally:
        kernel.shutdown(now=True)
    assert not loop.run_until_complete(kernel.km.is_alive())
    # the next kernel of the folder gets a new warm parent
    again = Kernel(loop, folder, tmp_path)
    try:
        assert again.km.provisioner.forked_from is not None and again.km.provisioner.forked_from is not zygote
    finally:
        again.shutdown(now=True)


def test_a_broken_warm_parent_falls_back_to_a_normal_start_with_one_log_line(loop, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(forking, "ZYGOTE_MODULE", "kit.zygote_that_does_not_exist")
    other = tmp_path / "another-lesson-folder"
    other.mkdir()
    with caplog.at_level(logging.WARNING, logger=forking.__name__):
        kernel = Kernel(loop, other, tmp_path)
    try:
        assert kernel.km.provisioner.forked_from is None
        assert parent_of(kernel.pid) == os.getpid()  # started the usual way, as the server's child
        assert kernel.run("print('still a lesson')") == "still a lesson"
        lines = [r for r in caplog.records if r.name == forking.__name__]
        assert len(lines) == 1 and "without its warm parent" in lines[0].getMessage()
    finally:
        kernel.shutdown(now=True)


def test_a_student_waiting_for_a_kernel_does_not_wait_for_a_warm_parent_still_warming_up(loop, tmp_path):
    folder = tmp_path / "a-folder-nobody-opened-yet"
    folder.mkdir()

    async def ask():
        for _ in range(2):  # the student's kernels start afresh instead, and the parent is not started beside them
            with pytest.raises(forking.Warming):
                await forking.ZYGOTES.zygote_for(str(folder), kernel_environment(os.environ), wait=False)
        assert not forking.ZYGOTES._starting
        return await forking.ZYGOTES.zygote_for(str(folder), kernel_environment(os.environ))  # the pool's waits

    zygote = loop.run_until_complete(ask())
    assert zygote.alive and zygote.folder == os.path.realpath(folder)


def test_only_the_kits_own_kernel_command_is_forked():
    assert forking.kernel_arguments([forking.sys.executable, "-m", "kit.kernel", "-f", "c.json"]) == ["-f", "c.json"]
    assert forking.kernel_arguments([forking.sys.executable, "-m", "ipykernel_launcher", "-f", "c.json"]) is None
    assert forking.kernel_arguments(["/usr/bin/other-python", "-m", "kit.kernel", "-f", "c.json"]) is None


# -- in the server: the pool fills from forks, refills after a student, and culling still works ----------
def _wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds} s: {what}")
        time.sleep(0.2)


def test_the_pool_fills_from_forks_refills_and_culls_a_closed_students_kernel(tmp_path):
    import urllib.request

    srv = Server(REPO, tmp_path / "results", ["--fork-kernels", "--class-size", "2", "--lesson", "piracy/basics",
                                               "--cull-after", "3"])
    try:
        def forked() -> set[int]:
            return {pid for pid in srv.kernels() if is_zygote(parent_of(pid))}

        _wait_for(lambda: len(forked()) == 2 and "Using pre-heated" not in srv.output()
                  and "is filled with 2 kernel" in srv.output(), 600, "a pool of two forked kernels")
        assert srv.kernels() == forked()
        before = forked()
        with urllib.request.urlopen(srv.url + "voila/render/piracy/basics.ipynb", timeout=300) as page:
            assert b"application/vnd.jupyter.widget-view+json" in page.read()
        # the student's kernel came from the pool, and a fork took its place
        _wait_for(lambda: len(forked() - before) == 1, 300, "a forked kernel refilling the pool")
        # nobody connected to the student's kernel (no browser): culled after its idle time, the pool's kept
        _wait_for(lambda: len(forked()) == 2 and len(before & forked()) == 1, 300, "the idle student's kernel culled")
        assert "without its warm parent" not in srv.output()
    finally:
        srv.stop()


def test_a_forked_kernel_ends_with_the_server_that_asked_for_it():
    """A forked kernel is not the server's child: without this a server stopped with SIGKILL (or whose shutdown
    ran out of time) left every student's kernel running (200 were left after one release check)."""
    import subprocess
    import threading

    from kit import kernel
    from kit.serve import forking

    assert forking.SERVER_PID == kernel.SERVER_PID
    server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    ended = threading.Event()
    try:
        watcher = kernel.end_with_server(str(server.pid), end=lambda code: ended.set())
        assert watcher is not None and not ended.is_set()
        server.kill()
        server.wait()
        assert ended.wait(10)
    finally:
        if server.poll() is None:
            server.kill()
    gone = threading.Event()
    kernel.end_with_server(str(server.pid), end=lambda code: gone.set())  # already gone: ends at once
    assert gone.is_set()
    assert kernel.end_with_server("", end=lambda code: gone.clear()) is None and gone.is_set()  # a kernel started afresh


def test_a_kernels_end_is_seen_past_1024_open_descriptors():
    # An instance with a class of 40 and its pool of 40 holds more than 1,024 descriptors (sockets of
    # every kernel and websocket); select() refuses those ("filedescriptor out of range"), and every
    # websocket to a kernel past it answered 500 (benchmarks/district found it).
    import subprocess

    spare = []
    try:
        while not spare or spare[-1] < 1100:
            spare.append(os.open(os.devnull, os.O_RDONLY))
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        pidfd = os.pidfd_open(child.pid)
        try:
            assert pidfd > 1024
            assert forking.process_ended(pidfd) is False
            child.kill()
            child.wait(10)
            assert forking.process_ended(pidfd) is True
        finally:
            os.close(pidfd)
    finally:
        for fd in spare:
            os.close(fd)


def test_a_kernel_whose_descriptors_pass_1024_still_ends_with_the_server():
    """A busy process's pidfd can be numbered above 1024, where select.select raises ValueError in the watcher
    thread and the kernel would outlive its server; the watcher polls instead."""
    import resource
    import subprocess
    import threading

    from kit import kernel

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1200:
        pytest.skip(f"this machine allows only {hard} open files")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 1200), hard))
    held = []
    server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        while not held or held[-1] < 1100:  # push the next descriptor past 1024
            held.append(os.open(os.devnull, os.O_RDONLY))
        ended = threading.Event()
        errors = []
        previous = threading.excepthook
        threading.excepthook = lambda args: errors.append(args.exc_value)
        try:
            watcher = kernel.end_with_server(str(server.pid), end=lambda code: ended.set())
            assert watcher is not None
            server.kill()
            server.wait()
            assert ended.wait(10), f"the kernel did not see its server end: {errors}"
        finally:
            threading.excepthook = previous
    finally:
        for fd in held:
            os.close(fd)
        if server.poll() is None:
            server.kill()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_a_forked_kernel_prints_no_connection_note_to_the_teachers_terminal(capfd, monkeypatch):
    """IPython prints its Ctrl-C note and the connection file to the terminal for every kernel without a parent
    handle, which is every forked kernel: 9 English lines a kernel in the teacher's terminal as a pool fills."""
    from ipykernel.kernelapp import IPKernelApp

    from kit import kernel

    monkeypatch.delenv("JPY_PARENT_PID", raising=False)
    _, _, app_class = kernel._student_classes()
    capfd.readouterr()
    IPKernelApp(connection_file="kernel-x.json", parent_handle=0).log_connection_info()  # what IPython does
    assert "Ctrl-C will not work" in capfd.readouterr().out
    app = app_class(connection_file="kernel-x.json", parent_handle=0)
    app.log_connection_info()
    assert capfd.readouterr().out == ""
    assert app.parent_handle == 0 and set(app._ports) == {"shell", "iopub", "stdin", "hb", "control"}


def test_a_forked_kernel_shows_its_connection_file_before_its_caps():
    """The title a forked kernel shows is cut at its warm parent's command line's length: the connection file,
    which tells kernels apart, comes first so that the caps are what is cut."""
    from kit.kernel import connection_first

    assert connection_first(["--memory-mb=768", "--cpu-seconds=1200", "-f", "/tmp/k.json"]) == [
        "-f", "/tmp/k.json", "--memory-mb=768", "--cpu-seconds=1200"]
    assert connection_first(["--memory-mb=1", "--f=/tmp/k.json"]) == ["--f=/tmp/k.json", "--memory-mb=1"]
    assert connection_first(["--memory-mb=1"]) == ["--memory-mb=1"]
