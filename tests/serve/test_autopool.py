"""A pool that starts itself: plain ``netkit serve``, the first two students to open a lesson preheat it for the class."""

from __future__ import annotations

import asyncio
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kit.serve.app import ServeOptions, classroom_config
from kit.serve.autopool import AutoPools, idle_lessons, pool_size
from tests.security.student import Student
from tests.served import REPO, Server

LESSON = "piracy/basics.ipynb"


# -- sizing and idleness ------------------------------------------------------------------------
def test_a_class_fits_when_the_memory_holds_it():
    assert pool_size(limit=200, counted=0) == 40


def test_the_pool_takes_only_the_places_left():
    assert pool_size(limit=10, counted=3) == 7
    assert pool_size(limit=3, counted=1) == 2


def test_no_pool_when_the_machine_is_full():
    assert pool_size(limit=4, counted=4) == 0
    assert pool_size(limit=4, counted=9) == 0


def test_a_lesson_is_idle_after_the_quiet_period():
    assert idle_lessons({"a.ipynb": 100.0, "b.ipynb": 150.0}, now=200.0, idle_seconds=60) == ["a.ipynb"]


# -- which configuration a teacher gets -------------------------------------------------------------
def test_plain_serve_preheats_nothing_until_a_lesson_is_opened():
    c = classroom_config(ServeOptions(root=Path("lessons")))
    assert c.KitVoila.auto_pool is True and c.VoilaConfiguration.preheat_kernel is True
    assert c.VoilaKernelManager.kernel_pools_config == {"default": {"pool_size": 0}}


def test_class_size_takes_precedence_over_the_pool_that_starts_itself():
    c = classroom_config(ServeOptions(root=Path("lessons"), pool=5, preheat=(LESSON,)))
    assert c.KitVoila.auto_pool is False
    assert c.VoilaKernelManager.kernel_pools_config[LESSON] == {"pool_size": 5}


def test_turned_off_no_kernel_is_preheated():
    c = classroom_config(ServeOptions(root=Path("lessons"), auto_pool=False))
    assert c.KitVoila.auto_pool is False and c.VoilaConfiguration.preheat_kernel is False


# -- the pools of one server, on a kernel manager that records what it is asked ---------------------
class RecordingKernelManager:
    """Voilà's pool interface: ``kernel_pools_config``, ``_pools`` of tasks, ``fill_if_needed``, ``shutdown_kernel``."""

    def __init__(self):
        self.kernel_pools_config = {"default": {"pool_size": 0}}
        self._pools: dict[str, list] = {}
        self.shut_down: list[str] = []

    def fill_if_needed(self, delay=None, notebook_name=None, **kwargs):
        size = self.kernel_pools_config[notebook_name]["pool_size"]
        pool = self._pools.setdefault(notebook_name, [])
        for _ in range(size - len(pool)):
            pool.append(asyncio.ensure_future(self._ready(f"k{sum(map(len, self._pools.values()))}")))

    async def _ready(self, kernel_id):
        return {"kernel_id": kernel_id, "task": asyncio.ensure_future(asyncio.sleep(3600)), "renderer": None}

    async def shutdown_kernel(self, kernel_id):
        self.shut_down.append(kernel_id)


def test_one_browser_trying_lesson_after_lesson_starts_no_pool():
    async def run():
        km, now = RecordingKernelManager(), [0.0]
        pools = AutoPools(km, limit=200, counted=lambda: sum(map(len, km._pools.values())), clock=lambda: now[0])
        for lesson in ("defamation/hs.ipynb", "piracy/jh.ipynb", "misinformation/es56.ipynb"):
            assert pools.opened(lesson, "teacher-trying") == 0
        now[0] = 400.0  # a second browser long after the first: not a class arriving together
        assert pools.opened("piracy/jh.ipynb", "late") == 0
        assert pools.opened("piracy/jh.ipynb", "next") == 40
        assert km._pools.keys() == {"piracy/jh.ipynb"}
        pools._checker.stop()

    asyncio.run(run())


def test_a_browser_counts_only_once_it_comes_back_with_its_cookie():
    async def run():
        km = RecordingKernelManager()
        pools = AutoPools(km, limit=200, counted=lambda: sum(map(len, km._pools.values())))
        for script in ("curl-1", "curl-2", "curl-3"):  # cookieless requests: served, never back
            pools.served(LESSON, script)
        pools.served(LESSON, "chromium")
        assert pools.came_back("chromium") == 0  # one browser, however many cookieless requests beside it
        assert pools.came_back("chromium") == 0 and pools.came_back("never-served") == 0 and pools.came_back(None) == 0
        assert km._pools == {}
        pools.served(LESSON, "second-student")
        assert pools.came_back("second-student") == 40  # a class's second student still starts the pool
        pools._checker.stop()

    asyncio.run(run())


def test_browsers_served_long_ago_or_beyond_the_cap_are_forgotten():
    now = [0.0]
    pools = AutoPools(RecordingKernelManager(), limit=200, counted=lambda: 0, clock=lambda: now[0])
    for i in range(1100):
        pools.served(LESSON, f"script-{i}")
    assert len(pools.pending) == 1000 and "script-0" not in pools.pending
    now[0] = 400.0
    pools.served(LESSON, "late")
    assert list(pools.pending) == ["late"]


def test_a_quiet_lessons_waiting_kernels_are_shut_down_and_the_next_student_starts_a_new_pool():
    async def run():
        km, now = RecordingKernelManager(), [0.0]
        opener = 1  # the first student's kernel, running when the page was served
        pools = AutoPools(km, limit=4, counted=lambda: opener + sum(map(len, km._pools.values())), idle_seconds=60,
                          clock=lambda: now[0])
        assert pools.opened(LESSON, "a") == 0  # one browser: a teacher trying the lesson, or the first of a class
        assert pools.opened(LESSON, "a") == 0  # the same browser again (a reload)
        assert pools.opened(LESSON, "b") == 3  # a second browser: 4 kernels at most, one of them the first student's
        assert pools.opened(LESSON, "c") == 0  # the third student does not start another
        assert pools.opened("defamation/basics.ipynb", "a") == 0
        assert pools.opened("defamation/basics.ipynb", "b") == 0  # the machine is full
        await asyncio.sleep(0)  # the pool's kernels are up
        now[0] = 59.0
        assert pools.shrink_idle() == []
        now[0] = 61.0
        assert pools.shrink_idle() == [LESSON]
        await asyncio.sleep(0)
        assert sorted(km.shut_down) == ["k0", "k1", "k2"] and km._pools[LESSON] == []
        assert km.kernel_pools_config[LESSON]["pool_size"] == 0  # a student taking a kernel now refills nothing
        assert pools.opened(LESSON, "d") == 0 and pools.opened(LESSON, "e") == 3
        pools._checker.stop()

    asyncio.run(run())


# -- netkit serve as a teacher starts it ------------------------------------------------------------
def _open(server: Server, lesson: str = LESSON) -> None:
    """A student's browser: the lesson page, then its kernel's websocket with the cookie the page set."""
    student = Student(server.url)
    page, kernel_id = student.open_lesson("voila/render/" + lesson)
    assert page.status == 200 and kernel_id
    with student.kernel_socket(kernel_id, timeout=60):
        pass


def _fetch(server: Server, path: str, method: str = "GET") -> tuple[int, bytes, dict]:
    """A request without cookies, as ``curl`` or a monitoring probe sends it."""
    request = urllib.request.Request(server.url + path, method=method)
    with urllib.request.urlopen(request, timeout=240) as response:
        return response.status, response.read(), dict(response.headers)


def _wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.5)


def test_the_first_two_students_start_a_pool_within_the_memory_cap_and_the_next_gets_a_warm_kernel(tmp_path):
    srv = Server(REPO, tmp_path / "results", ["--auto-pool", "--max-kernels", "5"])
    try:
        assert not srv.kernels()  # nothing preheated before a student comes
        for path in ("", "check", "voila/render/" + LESSON):  # a school's monitoring probes with HEAD
            status, body, headers = _fetch(srv, path, "HEAD")
            assert (status, body) == (200, b"") and headers["Content-Type"].startswith("text/html"), path
        with pytest.raises(urllib.error.HTTPError) as missing:
            _fetch(srv, "voila/render/no/such.ipynb", "HEAD")
        assert missing.value.code == 404
        assert not srv.kernels()  # a probe starts no kernel
        status, _, _ = _fetch(srv, "voila/render/" + LESSON)  # curl: no cookie sent, none kept
        assert status == 200
        _open(srv)  # one browser beside it ...
        with urllib.request.urlopen(srv.url, timeout=60):  # (its websocket came back, so the pool would have started)
            pass
        assert "Starting a pool" not in srv.output()  # ... starts no pool: a cookieless request never counts
        _open(srv)  # a second browser: the class is arriving
        _wait_for(lambda: f"Starting a pool of 2 kernel(s) for {LESSON}" in srv.output(), 30, "no pool started")
        _wait_for(lambda: f"Kernel pool of {LESSON} is filled with 2 kernel" in srv.output(), 180, "the pool did not fill")
        assert len(srv.kernels()) == 5  # curl's, the two students' and two waiting: the cap holds
        _open(srv)
        assert "Using pre-heated kernel" in srv.output()
        assert len(srv.kernels()) <= 5
    finally:
        srv.stop()


def test_a_pool_nobody_uses_shrinks_after_the_quiet_period(tmp_path):
    srv = Server(REPO, tmp_path / "results", ["--auto-pool", "--max-kernels", "5", "--pool-idle", "5"])
    try:
        _open(srv)
        _open(srv)
        _wait_for(lambda: f"Starting a pool of 3 kernel(s) for {LESSON}" in srv.output(), 30, "no pool started")
        _wait_for(lambda: "Shrinking the pool of " + LESSON in srv.output(), 120, "the idle pool was not shrunk")
        # The three waiting kernels are shut down once up; the students' stay (culling is for those).
        _wait_for(lambda: len(srv.kernels()) == 2, 180, "the idle pool's kernels are still running")
        _open(srv)  # the next two students start the lesson's pool again, beside the four students' kernels
        _open(srv)
        _wait_for(lambda: f"Starting a pool of 1 kernel(s) for {LESSON}" in srv.output(), 30, "no pool restarted")
    finally:
        srv.stop()


def test_turned_off_the_first_student_starts_no_pool(tmp_path):
    srv = Server(REPO, tmp_path / "results", ["--no-auto-pool", "--max-kernels", "3"])
    try:
        assert "授業ごとに 0 個" in srv.output()
        _open(srv)  # a pool would be started as this page is finished,
        with urllib.request.urlopen(srv.url, timeout=60):  # so before the server answers its next request
            pass
        assert "Starting a pool" not in srv.output()
        assert len(srv.kernels()) == 1
    finally:
        srv.stop()
