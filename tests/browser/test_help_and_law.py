"""The law walk-through and the help router in the served page, by mouse and keyboard."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.browser.lesson_page import WIDGET_TIMEOUT, only_local

PAGE = "voila/render/demo/help_and_law.ipynb"


def test_law_walk_to_the_end_storing_each_answer(demo_server, page):  # noqa: F811
    page.goto(demo_server.url + PAGE + "?class=1-1&name=law")
    walk = page.locator(".nk-law-walk")
    walk.locator(".nk-lw-choice").first.wait_for(timeout=WIDGET_TIMEOUT)
    assert "Traceback" not in page.content() and page.locator(".nk-problem").count() == 0
    assert "2022-07-07" in walk.locator(".nk-fact").first.inner_text()  # the fact's as-of date
    walk.locator('.nk-lw-choice[data-index="0"]').click()  # wrong on purpose
    feedback = walk.locator(".nk-lw-feedback")
    feedback.wait_for(timeout=30_000)
    assert "ちがいます。" in feedback.inner_text() and "そのとおり。" in feedback.inner_text()
    page.wait_for_function("() => document.activeElement && document.activeElement.classList.contains('nk-lw-next')",
                           timeout=30_000)
    page.keyboard.press("Enter")  # next step, by keyboard
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.classList.contains('nk-lw-choice')", timeout=30_000)
    page.keyboard.press("Enter")  # the first choice of step two is right
    walk.locator(".nk-lw-ok").wait_for(timeout=30_000)
    walk.locator(".nk-lw-next").click()
    walk.locator(".nk-lw-end").wait_for(timeout=30_000)
    assert "おわり。" in walk.inner_text()
    db = sqlite3.connect(Path(demo_server.data_dir) / "results.sqlite3")
    rows = db.execute("SELECT item, correct FROM answers WHERE student='law' ORDER BY id").fetchall()
    assert rows == [("law:test-walk:one", 0), ("law:test-walk:two", 1)]
    card = page.locator(".nk-law-card")
    assert "刑法231条" in card.inner_text() and "法的な助言ではありません" in card.inner_text()


def test_help_router_by_keyboard_records_nothing(demo_server, page):  # noqa: F811
    page.goto(demo_server.url + PAGE + "?class=1-1&name=helpme")
    router = page.locator(".nk-help-router")
    router.locator(".nk-hr-answer").first.wait_for(timeout=WIDGET_TIMEOUT)
    router.locator(".nk-hr-title").click()
    for _ in range(30):
        page.keyboard.press("Tab")
        if router.evaluate("el => el.contains(document.activeElement) && document.activeElement.matches('.nk-hr-answer')"):
            break
    else:
        raise AssertionError("could not reach an answer with Tab")
    page.keyboard.press("Tab")  # the second answer: no, not in danger
    page.keyboard.press("Enter")
    router.locator(".nk-hr-trail").wait_for(timeout=30_000)
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('.nk-hr-answer')", timeout=30_000)
    page.keyboard.press("Enter")  # to be heard
    result = router.locator(".nk-hr-desks").first
    result.wait_for(timeout=30_000)
    text = result.inner_text()
    assert "24時間子供SOSダイヤル" in text and "0120-0-78310" in text and "2026-11-01" in text
    assert "おとなの窓口" not in text  # a desk for adults is not shown to children
    router.locator(".nk-hr-nav-b", has_text="もどる").click()
    router.locator(".nk-hr-ask").wait_for(timeout=30_000)
    db = sqlite3.connect(Path(demo_server.data_dir) / "results.sqlite3")
    assert db.execute("SELECT count(*) FROM answers WHERE student='helpme'").fetchone() == (0,)
    assert only_local(page.requested_urls) == []
