"""What already held when a student attacked the server, kept closed: each test is one thing a student tried."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["teacher/", "teacher/export.csv", "teacher/export.xlsx?class=2-3&lesson=x",
                                  "teacher/export.csv?table=students"])
def test_teacher_pages_and_exports_need_the_passcode(student, path):
    r = student.get(path)
    assert r.status == 302 and "/teacher/login" in r.header("Location")
    assert "nickname" not in r.text and "token" not in r.text


def test_the_teacher_with_the_passcode_gets_in(teacher):
    assert teacher.get("teacher/").status == 200
