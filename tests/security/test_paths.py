"""A student opening a teacher notebook by a path trick, or a file outside the template, gets nothing."""

from __future__ import annotations

import pytest

from tests.security.conftest import TEACHER_ONLY

TRICKS = [
    "voila/render/teacher/x.ipynb",
    "voila/render/./teacher/x.ipynb",
    "voila/render/defamation/../teacher/x.ipynb",
    "voila/render/%2e/teacher/x.ipynb",
    "voila/render/defamation/%2e%2e/teacher/x.ipynb",
    "voila/render/defamation%2f..%2fteacher%2fx.ipynb",
    "voila/render//teacher/x.ipynb",
    "voila/render/teacher//x.ipynb",
    "voila/render/teacher/./x.ipynb",
    "voila/render/Teacher/../teacher/x.ipynb",
]


@pytest.mark.parametrize("path", TRICKS)
def test_a_teacher_notebook_needs_the_passcode_by_any_path(student, served, path):
    before = served.kernels()
    r = student.get(path)
    assert r.status in (403, 404), (path, r.status)
    assert TEACHER_ONLY not in r.text
    assert served.kernels() == before  # no kernel ran the teacher's notebook


def test_the_teacher_opens_a_teacher_notebook(teacher):
    r = teacher.get("voila/render/./teacher/x.ipynb")
    assert r.status == 200 and TEACHER_ONLY in r.text


@pytest.mark.parametrize("path", [
    "voila/render/../lessons/teacher/x.ipynb",
    "voila/render/..%2flessons%2fteacher%2fx.ipynb",
    "voila/render/%2e%2e/datasets/quizzes/defamation_basics.csv",
    "voila/render/.ipynb_checkpoints/x.ipynb",
])
def test_nothing_outside_the_lessons_folder_renders(student, path):
    r = student.get(path)
    assert r.status in (403, 404), (path, r.status)
    assert "schema_version" not in r.text and TEACHER_ONLY not in r.text


@pytest.mark.parametrize("path", [
    "voila/templates/netkit/static/../conf.json",
    "voila/templates/netkit/static/..%2fconf.json",
    "voila/templates/netkit/static/%2e%2e/index.html.j2",
    "voila/templates/../../etc/passwd",
    "voila/templates/netkit/../../../etc/passwd",
    "logout",
    "login",
])
def test_path_tricks_and_jupyters_own_login_pages_are_not_found(student, served, path):
    r = student.get(path)
    assert r.status == 404, (path, r.status)
    assert "Traceback" not in r.text and "root:" not in r.text


def test_the_templates_own_files_are_still_served(student):
    assert student.get("voila/templates/netkit/static/netkit.css").status == 200
