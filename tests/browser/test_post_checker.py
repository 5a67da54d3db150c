"""A student types a post into the served PostChecker and sees the flag and the kinder wording, and a
gentle note for a joke between friends; the FlamingLab on the same page draws both runs. Nothing typed reaches the results store."""

from __future__ import annotations

import sqlite3

import pytest

from tests.browser.lesson_page import WIDGET_TIMEOUT


@pytest.fixture
def checker_server(lab_school):
    return lab_school


def test_typing_a_post_shows_the_flag_and_a_suggestion(checker_server, page):
    page.goto(checker_server.url + "voila/render/defamation/checker.ipynb?class=pc-1&name=s1")
    box = page.locator(".nk-pc-input")
    box.wait_for(timeout=WIDGET_TIMEOUT)
    box.fill("あいつの顔キモすぎ <b>090-0000-0000</b>")
    page.get_by_role("button", name="チェックする").click()
    result = page.locator(".nk-pc-found")
    result.wait_for(timeout=30_000)
    marks = result.locator("mark.nk-pc-mark")
    assert marks.first.inner_text() == "顔キモすぎ"
    assert "090-0000-0000" in marks.nth(1).inner_text()
    text = result.inner_text()
    assert "見た目への悪口" in text and "個人情報" in text
    assert "こう言いかえてみよう" in text and "見た目のことは書かないでおこう" in text
    assert "●●●" in result.locator(".nk-pc-masked").inner_text()
    assert result.locator("b").count() == 0  # the student's markup stays text
    assert "<b>" in result.locator(".nk-pc-post").inner_text()
    box.fill("今日はありがとう！")
    box.press("Control+Enter")  # the keyboard works too
    page.locator(".nk-pc-ok").wait_for(timeout=30_000)
    box.fill("お前ほんとアホやなｗ 好きやで")  # mild words between friends: a gentle note, read out, not a warning
    box.press("Control+Enter")
    noted = page.locator(".nk-pc-noted")
    noted.wait_for(timeout=30_000)
    assert noted.get_attribute("role") == "status" and noted.get_attribute("aria-live") == "polite"
    assert "文字だけでは伝わりにくい" in noted.inner_text() and "「アホ」" in noted.inner_text()
    assert noted.locator("mark.nk-pc-soft").inner_text() == "アホ" and noted.locator(".nk-pc-flag").count() == 0
    lab = page.locator(".nk-flaming-charts")
    lab.wait_for(timeout=30_000)
    assert lab.locator("svg").count() == 3
    assert "モデル" in page.locator(".nk-flaming-lab").inner_text()
    db = sqlite3.connect(checker_server.data_dir / "results.sqlite3")
    rows = db.execute("SELECT item, response, correct, class_code FROM answers WHERE lesson = 'defamation-checker-demo'"
                      " ORDER BY id").fetchall()
    assert rows == [("postchecker:1", "[0, 2, 3]", 0, "pc-1"), ("postchecker:2", "[]", 1, "pc-1"),
                    ("postchecker:3", "[]", 1, "pc-1")]  # a note is recorded as nothing found
    assert db.execute("SELECT COUNT(*) FROM checked_posts").fetchone()[0] == 0
    dump = "\n".join(db.iterdump())
    assert "キモ" not in dump and "090-0000-0000" not in dump
