"""The teacher's passcode and sessions: strong, kept across restarts, changeable, and revocable by logging out."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys

import pytest

from kit.serve import teacher_auth
from tests.security.student import Student
from tests.served import REPO, Server, free_port

PASSCODE = "k7mp-3xqa-9rtw"


def netkit(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def log_in(server: Server, passcode: str) -> Student:
    browser = Student(server.url)
    browser.get("teacher/login")
    assert browser.post("teacher/login", {"passcode": passcode}).status == 302
    return browser


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    """A server of its own: wrong guesses lock 127.0.0.1 out for a minute, which must not touch other tests."""
    srv = Server(REPO, tmp_path_factory.mktemp("auth-results"), ["--teacher-passcode", PASSCODE])
    yield srv
    srv.stop()


@pytest.mark.parametrize("weak", ["1234", "password12"[:8], "aaaaaaaaaaaa", "abcdefghijkl", "1111111111", "1212121212"])
def test_a_weak_passcode_is_refused_with_one_sentence(tmp_path, weak):
    assert teacher_auth.passcode_problem(weak) is not None
    done = netkit("serve", str(REPO), "--host", "127.0.0.1", "--port", str(free_port()), "--data-dir", str(tmp_path / "d"),
                  "--teacher-passcode", weak)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "パスコード" in lines[0] and "passcode" in lines[0] and "Traceback" not in done.stderr
    assert not (tmp_path / "d" / teacher_auth.PASSCODE_FILE).exists()


def test_a_weak_passcode_from_the_environment_is_refused_too(tmp_path):
    done = netkit("serve", str(REPO), "--host", "127.0.0.1", "--port", str(free_port()), "--data-dir", str(tmp_path / "d"),
                  env={"NETKIT_TEACHER_PASSCODE": "1234"})
    assert done.returncode == 2 and "10" in done.stderr


@pytest.mark.parametrize("strong", [PASSCODE, "test-passcode-9", "Sakura2026Spring", "がっこう-2026-さくら"])
def test_strong_passcodes_and_every_generated_one_are_accepted(strong):
    assert teacher_auth.passcode_problem(strong) is None
    assert all(teacher_auth.passcode_problem(teacher_auth.new_passcode()) is None for _ in range(200))


def test_the_passcode_is_kept_across_restarts_readable_by_its_owner_only(tmp_path):
    data = tmp_path / "results"
    first = Server(REPO, data)
    try:
        shown = re.search(r"teacher passcode:\s+(\S+)", first.output()).group(1)
    finally:
        first.stop()
    path = data / teacher_auth.PASSCODE_FILE
    assert path.read_text().strip() == shown and teacher_auth.passcode_problem(shown) is None
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = Server(REPO, data)
    try:
        assert re.search(r"teacher passcode:\s+(\S+)", again.output()).group(1) == shown
        log_in(again, shown)
    finally:
        again.stop()
    done = netkit("passcode", "--data-dir", str(data))
    assert done.returncode == 0 and shown in done.stdout


def test_logging_out_is_a_post_and_ends_the_session_wherever_its_cookie_went(own_server):
    teacher = log_in(own_server, PASSCODE)
    copied = Student(own_server.url)  # a student who copied the cookie from the teacher's PC
    for c in teacher.jar:
        copied.jar.set_cookie(c)
    assert copied.get("teacher/").status == 200
    assert teacher.get("teacher/logout").status == 405  # a link (or an <img>) cannot log the teacher out
    assert teacher.post("teacher/logout", with_xsrf=False).status == 403
    assert teacher.get("teacher/").status == 200
    assert teacher.post("teacher/logout").status == 302
    for browser in (teacher, copied):
        r = browser.get("teacher/")
        assert r.status == 302 and "teacher/login" in r.header("Location")


def test_each_login_is_its_own_random_session(own_server):
    one, two = log_in(own_server, PASSCODE), log_in(own_server, PASSCODE)
    assert one.cookie(teacher_auth.COOKIE) != two.cookie(teacher_auth.COOKIE)
    forged = Student(own_server.url)
    forged.jar.set_cookie(next(c for c in one.jar if c.name == teacher_auth.COOKIE))
    forged.jar.clear(domain=next(iter(forged.jar)).domain, path="/", name=teacher_auth.COOKIE)
    assert forged.get("teacher/").status == 302


def test_a_new_passcode_from_the_command_line_applies_at_once_and_ends_sessions(tmp_path):
    data = tmp_path / "results"
    srv = Server(REPO, data, ["--teacher-passcode", PASSCODE])
    try:
        teacher = log_in(srv, PASSCODE)
        done = netkit("passcode", "--new", "--data-dir", str(data))
        assert done.returncode == 0
        new = re.search(r"passcode: (\S+)", done.stdout).group(1)
        assert teacher.get("teacher/").status == 302  # logged out by the change
        browser = Student(srv.url)
        browser.get("teacher/login")
        assert browser.post("teacher/login", {"passcode": PASSCODE}).status == 403
        log_in(srv, new)
        assert netkit("passcode", "--set", "1234", "--data-dir", str(data)).returncode == 2
    finally:
        srv.stop()


def test_a_new_passcode_from_the_teachers_page(tmp_path):
    srv = Server(REPO, tmp_path / "results", ["--teacher-passcode", PASSCODE])
    try:
        teacher, other = log_in(srv, PASSCODE), log_in(srv, PASSCODE)
        page = teacher.get("teacher/")
        assert 'action="/teacher/passcode"' in page.text
        assert Student(srv.url).post("teacher/passcode", with_xsrf=False).status == 403  # not for students
        r = teacher.post("teacher/passcode")
        assert r.status == 200
        new = re.search(r'class="nk-passcode-value">([^<]+)<', r.text).group(1)
        assert teacher_auth.passcode_problem(new) is None and new != PASSCODE
        assert teacher.get("teacher/").status == 200  # this browser goes on
        assert other.get("teacher/").status == 302  # every other one is logged out
        log_in(srv, new)
    finally:
        srv.stop()


def test_passcode_guessing_is_slowed(own_server):
    """Held: after 8 wrong tries in a minute, even the right passcode is refused from that address."""
    browser = Student(own_server.url)
    browser.get("teacher/login")
    for guess in range(teacher_auth.MAX_FAILURES):
        assert browser.post("teacher/login", {"passcode": f"guess-{guess:04d}"}).status == 403
    r = browser.post("teacher/login", {"passcode": PASSCODE})
    assert r.status == 403 and "1分待って" in r.text
