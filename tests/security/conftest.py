"""The student-as-attacker suite: a served kit, and students who attack it without the passcode.

Every test here is bounded: servers are started on 127.0.0.1 on a free port and stopped by
process id; load is sent to loopback only and stops by itself. See docs/security.md for what
each test holds closed.
"""

from __future__ import annotations

import pytest

from tests.security.student import Student
from tests.served import REPO, TEACHER_PASSCODE, Server, headless_chromium


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """``netkit serve`` of the kit's own lessons, with a known teacher passcode."""
    srv = Server(REPO, tmp_path_factory.mktemp("security-results"), ["--teacher-passcode", TEACHER_PASSCODE])
    yield srv
    srv.stop()


@pytest.fixture
def student(served) -> Student:
    """A fresh browser on the classroom network, without the passcode."""
    return Student(served.url)


@pytest.fixture
def teacher(served) -> Student:
    """A browser that gave the teacher's passcode on the login page."""
    t = Student(served.url)
    t.get("teacher/login")
    r = t.post("teacher/login", {"passcode": TEACHER_PASSCODE})
    assert r.status == 302, (r.status, r.text[:300])
    return t


@pytest.fixture(scope="session")
def chromium():
    """Headless Chromium for the cases only a browser shows (a script running)."""
    with headless_chromium() as b:
        yield b
