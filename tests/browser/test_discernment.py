"""The 見分けるテスト in a served lesson: judged by keyboard before the lesson (answers hidden) and by mouse after it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.browser.conftest import serious_violations
from tests.browser.lesson_page import WIDGET_TIMEOUT, only_local


def stored(server, lesson: str) -> list[tuple]:
    db = sqlite3.connect(Path(server.data_dir) / "results.sqlite3")
    try:
        return db.execute("SELECT item, response, correct, phase FROM answers WHERE lesson=? AND item LIKE 'discern:%' "
                          "ORDER BY id", (lesson,)).fetchall()
    finally:
        db.close()


def focused_in(locator, selector: str) -> bool:
    return locator.evaluate(
        "(el, sel) => { const a = document.activeElement; return !!a && el.contains(a) && a.matches(sel); }", selector)


def test_pre_by_keyboard_post_by_mouse_with_furigana(server, page):
    page.goto(server.url + "voila/render/misinformation/es56.ipynb?class=5-2&name=dc", wait_until="commit", timeout=WIDGET_TIMEOUT)
    pre, post = page.locator(".nk-dc").nth(0), page.locator(".nk-dc").nth(1)
    post.locator(".nk-dc-actions").first.wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator(".nk-problem").count() == 0, page.locator(".nk-problem").first.inner_text()
    assert pre.locator(".nk-tl-post").count() == 8 and pre.locator(".nk-tl-text ruby").count() > 0
    assert pre.locator(".nk-tl-photo").count() == 1  # the reused photo, described in words
    assert serious_violations(page, ".nk-dc") == []

    # Before the lesson, by keyboard alone: Tab to a button, Enter; the focus goes on to the next post.
    pre.locator(".nk-dc-believe").first.focus()
    for number in range(8):
        if number % 2:
            page.keyboard.press("Tab")  # from 信じる to あやしい
            assert focused_in(pre, ".nk-dc-doubt")
        page.keyboard.press("Enter")
        if number < 7:
            pre.locator(f".nk-dc-chosen >> nth={number}").wait_for(timeout=30_000)
            page.wait_for_function("(el) => el.contains(document.activeElement) && document.activeElement.matches('.nk-dc-believe')",
                                   arg=pre.element_handle(), timeout=30_000)
    pre.locator(".nk-dc-result").wait_for(timeout=30_000)
    assert focused_in(page.locator("body"), ".nk-dc-result")
    assert pre.locator(".nk-tl-badge").count() == 0 and "答えは授業のあとで" in pre.locator(".nk-dc-result").inner_text()
    rows = stored(server, "misinformation-es56")
    assert [r[3] for r in rows] == ["pre"] * 8 and [r[1] for r in rows] == ["[0]", "[1]"] * 4
    assert rows[0][:3] == ("discern:everyday-feed:a-city-pool", "[0]", 1)

    # After the lesson, by mouse: every post "あやしい", then the answers and clues appear.
    for _ in range(8):
        post.locator(".nk-dc-doubt").first.click()
        page.wait_for_function("(el) => !el.querySelector('.nk-dc-actions button[disabled]')", arg=post.element_handle(),
                               timeout=30_000)
    post.locator(".nk-dc-answers").wait_for(timeout=30_000)
    assert post.locator(".nk-dc-score").inner_text().replace(" ", "") == "8件のうち4件を見分けられました。"
    assert post.locator(".nk-tl-badge").count() == 8 and post.locator(".nk-dc-right").count() == 4
    assert serious_violations(page, ".nk-dc") == []
    assert [r[3] for r in stored(server, "misinformation-es56")].count("post") == 8
    assert only_local(page.requested_urls) == []
