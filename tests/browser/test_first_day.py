"""A teacher's first day, as docs/ja/teacher-guide.md walks it, in Japanese alone:

init → a question template → a lesson from a Japanese-only workbook → validate → serve today's
lesson with the class in the link → the teacher's page says it is on 127.0.0.1 (no QR code) → a student
opens this computer's link from the teacher's page and answers →
the teacher's page shows the result under the lesson's title, in Japan time.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import TEACHER_PASSCODE, Server, _require_chromium
from tests.browser.lesson_page import answer_with_mouse

WIDGET_TIMEOUT = 90_000  # ms: a lesson page on a loaded 2-core machine
TITLE = "ことばの重さを考えよう"


def netkit(*args: str, cwd) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "kit", *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.mark.timeout(900)
def test_the_first_day_in_japanese_alone(tmp_path, page):
    _require_chromium()
    # 2. 自分の授業フォルダを作る
    netkit("init", "じゅぎょう", cwd=tmp_path)
    # 5.4 自分の問題から新しい授業を作る: the template, filled in Japanese only (its sample questions)
    made = netkit("new", "lesson", "--template", "わたしの問題.xlsx", cwd=tmp_path)
    assert str(tmp_path / "わたしの問題.xlsx") in made.stdout
    made = netkit("new", "lesson", "--from", "わたしの問題.xlsx", "--topic", "defamation", "--audience", "中学生",
                  "--dir", "じゅぎょう", "--title", TITLE, cwd=tmp_path)
    bank = tmp_path / "じゅぎょう" / "datasets" / "quizzes" / "defamation_jhs.xlsx"
    assert f"これからは {bank} を直してください" in made.stdout
    assert "netkit serve じゅぎょう --lesson defamation/jhs" in made.stdout
    # 5.1 確かめる
    checked = netkit("validate", "じゅぎょう", cwd=tmp_path)
    assert checked.stdout.startswith("OK")

    # 3. 授業を始める: today's lesson, the class in the link
    server = Server(tmp_path / "じゅぎょう", tmp_path / "results",
                    ["--teacher-passcode", TEACHER_PASSCODE, "--lesson", "defamation/jhs", "--class", "２年３組"])
    try:
        printed = server.output()
        # served on 127.0.0.1 here: the terminal gives no student link (only this computer could open it) and
        # says how to serve the class; so does the teacher's page below, with no QR code
        assert "生徒に伝えるアドレスはありません" in printed and "--host" in printed and "Voilà is running" not in printed
        # 4. 生徒にリンクを伝える: on 127.0.0.1 the teacher's page says why there is no link and what to run
        page.goto(server.url + "teacher/")
        page.fill("input[name=passcode]", TEACHER_PASSCODE)
        with page.expect_navigation():
            page.click("button[type=submit]")
        expect(page.locator(".nk-link-problem")).to_contain_text("--host 127.0.0.1 を付けずに netkit serve")
        assert page.locator("svg.nk-qr").count() == 0 and page.locator(".nk-link-text, .nk-check-link").count() == 0
        link = page.locator(".nk-local-link a")  # the teacher tries the lessons on this computer, the class in the link
        expect(link).to_have_attribute("href", re.compile(r"\?class=2-3$"))
        expect(page.locator("#nk-today")).to_contain_text(TITLE)
        student_link = link.get_attribute("href")

        # a student opens the link (here on this computer): only today's lesson, the class already filled in
        student = page.context.browser.new_context(locale="ja-JP")
        tablet = student.new_page()
        tablet.goto(student_link)
        lessons = tablet.locator("a.nk-lesson")
        expect(lessons).to_have_count(1)
        expect(lessons.first).to_contain_text(TITLE)
        assert tablet.locator("#nk-class").input_value() == "2-3"
        tablet.fill("#nk-name", "12")
        tablet.click("#nk-join button[type=submit]")
        lessons.first.click()
        card = tablet.locator(".nk-quiz-card").first
        card.locator("legend").wait_for(timeout=WIDGET_TIMEOUT)
        expect(card.locator("legend")).to_contain_text("友だちの悪口が")  # the Japanese-only question
        answer_with_mouse(card)
        card.locator(".nk-feedback").wait_for(timeout=30_000)
        answered = datetime.now(ZoneInfo("Asia/Tokyo"))
        student.close()

        # 7. 結果を見る: the lesson by its title, the class, the time in Japan
        page.goto(server.url + "teacher/")
        row = page.locator("table tbody tr", has_text=TITLE)
        expect(row).to_have_count(1)
        cells = row.locator("td").all_inner_texts()
        assert cells[0] == "2-3" and cells[1] == TITLE and cells[2] == "1"
        shown = datetime.strptime(cells[4], "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo("Asia/Tokyo"))
        assert abs(shown - answered) < timedelta(minutes=5)  # Japan time, not UTC (9 hours off)
        row.locator("a").click()
        expect(page.locator(".nk-report-title")).to_contain_text(f"2-3 / {TITLE}")
        expect(page.locator("main")).to_contain_text("まだだれも事後テストに答えていません")
    finally:
        server.stop()
