"""The path of README's "Changing a lesson", as a teacher walks it: init, edit a CSV, validate, serve, see it."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from tests.browser.conftest import TEACHER_PASSCODE, Server, _require_chromium, serious_violations

WIDGET_TIMEOUT = 90_000  # ms: a lesson page on a loaded 2-core machine

EDITED = "（先生が書きかえた問題）本当のことなら、SNSで広めても名誉毀損にはならない。"


def netkit(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kit", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture
def teacher_folder(tmp_path):
    _require_chromium()
    done = netkit("init", "myclass", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path / "myclass"


def test_a_teacher_changes_a_question_and_sees_it_in_the_browser(teacher_folder, tmp_path, page):
    bank = teacher_folder / "datasets/quizzes/defamation_basics.csv"
    with open(bank, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[1]
    form = header.index("form")
    for name in sorted({r[form] for r in rows[2:]}):  # the first question of each matched form: a student sees one of them first
        first = next(r for r in rows[2:] if r[form] == name)
        first[header.index("text_ja")] = EDITED
    # Excel's plain 「CSV」 save: Shift_JIS, CRLF
    with open(bank, "w", encoding="cp932", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)

    checked = netkit("validate", "myclass", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.startswith("OK")

    server = Server(teacher_folder, tmp_path / "results", ["--teacher-passcode", TEACHER_PASSCODE])
    try:
        page.goto(server.url)
        page.locator('a.nk-lesson[href$="defamation/basics.ipynb"]').click()
        legend = page.locator(".nk-quiz-card legend").first
        legend.wait_for(timeout=WIDGET_TIMEOUT)
        assert EDITED in legend.inner_text()
        assert page.locator(".nk-problem").count() == 0
        assert all(u.startswith(server.url) or u.startswith(("data:", "blob:")) for u in page.requested_urls)
        # served on 127.0.0.1: the teacher's page shows no QR code or student link a device could not open, says
        # how to serve the class, and keeps the teacher's own link to the lessons on this computer
        page.goto(server.url + "teacher/")
        page.fill("input[name=passcode]", TEACHER_PASSCODE)
        page.locator("button[type=submit], input[type=submit]").first.click()
        section = page.locator(".nk-student-link")
        section.wait_for(timeout=30_000)
        assert section.count() == 1 and page.locator("svg.nk-qr, .nk-link-text").count() == 0
        problem = section.locator(".nk-link-problem").inner_text()
        assert problem.startswith("生徒の端末では、このアドレスは開けません") and "--host 0.0.0.0" in problem
        assert serious_violations(page) == []
        page.locator(".nk-local-link a").click()
        page.locator('a.nk-lesson[href$="defamation/basics.ipynb"]').wait_for(timeout=30_000)
        assert page.url == server.url
    finally:
        server.stop()

