"""A student against other students' kernels and the server's limits: ownership, counting at start, a clean environment."""

from __future__ import annotations

import concurrent.futures
import time
from pathlib import Path

import pytest
from websockets.exceptions import InvalidStatus

from tests.security.student import Student
from tests.served import REPO, TEACHER_PASSCODE, Server

SECRET = "school-api-token-51c2"


def kernel_environments(server: Server) -> list[dict[str, str]]:
    """The environment each kernel process of ``server`` started with (Linux /proc)."""
    found = []
    for pid in server.kernels():
        try:
            raw = Path(f"/proc/{pid}/environ").read_bytes()
        except OSError:
            continue
        found.append(dict(item.split("=", 1) for item in raw.decode("utf-8", "replace").split("\0") if "=" in item))
    return found


def test_another_browser_cannot_use_or_stop_a_students_kernel(served):
    owner, other = Student(served.url), Student(served.url)
    page, kernel = owner.open_lesson()
    assert page.status == 200 and kernel
    other.get("")  # the other student has cookies of their own (_xsrf), and a lesson of their own
    other.open_lesson("voila/render/misinformation/basics.ipynb")
    with pytest.raises(InvalidStatus) as refused:
        other.kernel_socket(kernel)
    assert refused.value.response.status_code == 404
    assert other.get(f"api/kernels/{kernel}").status == 404
    assert other.request("DELETE", f"api/kernels/{kernel}", headers={"X-XSRFToken": other.cookie("_xsrf")}).status == 404
    assert other.post(f"voila/api/shutdown/{kernel}").status == 404
    assert owner.get(f"api/kernels/{kernel}").status == 200  # still running, and still the owner's
    with owner.kernel_socket(kernel):
        pass
    assert owner.post(f"voila/api/shutdown/{kernel}").status == 204  # the owner's tab closing frees it
    assert owner.get(f"api/kernels/{kernel}").status == 404




def test_kernels_never_see_server_secrets(tmp_path):
    srv = Server(REPO, tmp_path / "results", env={"NETKIT_TEACHER_PASSCODE": "env-passcode-77", "SCHOOL_API_TOKEN": SECRET})
    try:
        page, kernel = Student(srv.url).open_lesson("voila/render/piracy/basics.ipynb?class=2-3&name=kit")
        assert page.status == 200 and kernel
        envs = kernel_environments(srv)
        assert envs, "no kernel process found"
        for env in envs:
            assert "NETKIT_TEACHER_PASSCODE" not in env and "SCHOOL_API_TOKEN" not in env
            assert "env-passcode-77" not in env.values() and SECRET not in env.values()
            assert "class=2-3" in env.get("QUERY_STRING", "")  # what the lesson needs still arrives
        log_in = Student(srv.url)
        log_in.get("teacher/login")
        assert log_in.post("teacher/login", {"passcode": "env-passcode-77"}).status == 302  # the variable still set the passcode
    finally:
        srv.stop()


def test_the_kernel_limit_holds_against_simultaneous_requests_that_skip_the_pool(tmp_path):
    """``?theme=dark`` made Voilà skip the pool and start a kernel per request (--max-kernels 3 ended with 7)."""
    srv = Server(REPO, tmp_path / "results", ["--pool", "1", "--lesson", "piracy/basics", "--max-kernels", "3",
                                              "--kernels-per-address", "0"])
    try:
        deadline = time.monotonic() + 180
        while "is filled with 1 kernel" not in srv.output() and time.monotonic() < deadline:
            time.sleep(0.5)  # the class arrives once the pool is ready
        assert "is filled with 1 kernel" in srv.output(), "the pool did not fill in 180 s"
        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            pages = list(pool.map(lambda i: Student(srv.url).get(f"voila/render/piracy/basics.ipynb?theme=dark&n={i}", timeout=240),
                                  range(6)))
        statuses = sorted(p.status for p in pages)
        assert statuses.count(200) <= 3 and statuses.count(503) >= 3, statuses
        assert all("混みあっています" in p.text for p in pages if p.status == 503)
        assert len(srv.kernels()) <= 3
        assert "Using pre-heated kernel" in srv.output()  # ?theme= no longer skips the pool
    finally:
        srv.stop()


def test_one_device_cannot_take_every_kernel(tmp_path):
    srv = Server(REPO, tmp_path / "results", ["--max-kernels", "10", "--kernels-per-address", "2",
                                              "--teacher-passcode", TEACHER_PASSCODE])
    try:
        student = Student(srv.url)
        assert student.open_lesson("voila/render/piracy/basics.ipynb")[0].status == 200
        assert Student(srv.url).open_lesson("voila/render/defamation/basics.ipynb")[0].status == 200  # cookies cleared: same device
        third = Student(srv.url).get("voila/render/misinformation/basics.ipynb")
        assert third.status == 503 and "タブを閉じてください" in third.text
        assert len(srv.kernels()) == 2
        teacher = Student(srv.url)
        teacher.get("teacher/login")
        assert teacher.post("teacher/login", {"passcode": TEACHER_PASSCODE}).status == 302
        assert teacher.open_lesson("voila/render/misinformation/basics.ipynb")[0].status == 200  # the teacher is not counted
    finally:
        srv.stop()


def test_kernels_left_by_a_closed_browser_do_not_lock_the_device_out(tmp_path):
    """A tablet closing its whole browser sends no shutdown beacon: its kernels lived until the cull (600 s)
    and counted for the device, so after a few visits it got 503. A kernel no tab has been connected to
    for the grace is shut down when the device asks for another lesson; connected ones still count."""
    srv = Server(REPO, tmp_path / "results", ["--max-kernels", "10", "--kernels-per-address", "2",
                                              "--reconnect-grace", "1"])
    try:
        kept, closed = Student(srv.url), Student(srv.url)
        page, kernel_kept = kept.open_lesson("voila/render/piracy/basics.ipynb")
        assert page.status == 200
        page, kernel_closed = closed.open_lesson("voila/render/defamation/basics.ipynb")
        assert page.status == 200
        with kept.kernel_socket(kernel_kept):  # this tab stays open
            with closed.kernel_socket(kernel_closed):
                pass  # the browser closed: the websocket went, no beacon came
            time.sleep(1.5)  # the grace passes
            later = Student(srv.url)
            page, kernel_later = later.open_lesson("voila/render/misinformation/basics.ipynb")
            assert page.status == 200, page.text[:300]
            assert closed.get(f"api/kernels/{kernel_closed}").status == 404  # the dropped kernel was shut down
            assert kept.get(f"api/kernels/{kernel_kept}").status == 200  # the connected one was not
            with later.kernel_socket(kernel_later):  # both of the device's kernels have a tab: the limit holds
                time.sleep(1.5)
                refused = Student(srv.url).get("voila/render/piracy/basics.ipynb")
                assert refused.status == 503 and "タブを閉じてください" in refused.text
            assert len(srv.kernels()) == 2
    finally:
        srv.stop()


@pytest.mark.parametrize("remote, local, allowed", [
    ("127.0.0.1", "127.0.0.1", True),  # a kernel of a server on 127.0.0.1 or 0.0.0.0
    ("192.168.1.10", "192.168.1.10", True),  # a kernel of a server started with --host 192.168.1.10
    ("192.168.1.23", "192.168.1.10", False),  # a student's device
    ("not an address", "192.168.1.10", False),
])
def test_only_kernels_on_this_machine_reach_the_query_socket(remote, local, allowed):
    """``/voila/query/<kernel id>`` hands a preheated kernel its student's link: a student must not take it."""
    from types import SimpleNamespace

    from kit.serve.kernel_handlers import from_this_machine

    request = SimpleNamespace(remote_ip=remote, connection=SimpleNamespace(
        stream=SimpleNamespace(socket=SimpleNamespace(getsockname=lambda: (local, 8866)))))
    assert from_this_machine(request) is allowed
