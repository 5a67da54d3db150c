"""The student-as-attacker suite: a served kit, and students who attack it without the passcode.

Every test here is bounded: servers are started on 127.0.0.1 on a free port and stopped by
process id; load is sent to loopback only and stops by itself. See docs/security.md for what
each test holds closed.
"""

from __future__ import annotations

import shutil

import nbformat
import pytest

from tests.security.student import Student
from tests.served import REPO, TEACHER_PASSCODE, Server

TEACHER_ONLY = "TEACHER-ONLY-7f3a"  # printed by the teacher notebook: a page showing it was opened


@pytest.fixture(scope="session")
def school(tmp_path_factory):
    """The kit's lessons and content, plus a notebook in ``lessons/teacher/`` only the teacher may open."""
    root = tmp_path_factory.mktemp("school")
    shutil.copytree(REPO / "lessons", root / "lessons")
    (root / "datasets").symlink_to(REPO / "datasets")
    nb = nbformat.v4.new_notebook()
    nb.metadata["netkit"] = {"title_ja": "先生用", "topic": "teacher", "audience": "教職員"}
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(f"print({TEACHER_ONLY!r})")]
    (root / "lessons" / "teacher").mkdir()
    nbformat.write(nb, root / "lessons" / "teacher" / "x.ipynb")
    return root


@pytest.fixture(scope="session")
def served(school, tmp_path_factory):
    """``netkit serve`` of that folder, with a known teacher passcode."""
    srv = Server(school, tmp_path_factory.mktemp("security-results"), ["--teacher-passcode", TEACHER_PASSCODE])
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
def chromium(one_chromium):
    """Headless Chromium for the cases only a browser shows (a script running)."""
    return one_chromium
