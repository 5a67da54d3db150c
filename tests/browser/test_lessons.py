"""Students' view: the catalogue, each starter lesson, mouse and keyboard, offline, kernels freed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import serious_violations
from tests.browser.lesson_page import WIDGET_TIMEOUT, answer_with_mouse, only_local, wait_until

LESSONS = ["defamation/basics.ipynb", "misinformation/basics.ipynb", "piracy/basics.ipynb"]


def answer_with_keyboard(page, card):
    """Tab to the card, choose with Space (or move with Enter), Tab to the answer button, Enter."""
    def focused_in_card(selector):
        return card.evaluate(
            "(el, sel) => { const a = document.activeElement; return !!a && el.contains(a) && a.matches(sel); }", selector)

    card.locator("legend").click()  # put the reading position on the question, as a screen-reader user would
    for _ in range(40):
        page.keyboard.press("Tab")
        if focused_in_card(".nk-input, .nk-move:not([disabled])"):
            break
    else:
        raise AssertionError("could not reach a choice with Tab")
    if focused_in_card(".nk-input"):
        page.keyboard.press("Space")
    else:
        page.keyboard.press("Enter")
    for _ in range(20):
        if focused_in_card(".nk-submit"):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError("could not reach the answer button with Tab")
    page.keyboard.press("Enter")


def test_catalogue_lists_every_lesson_and_starts_no_kernel(server, page):
    before = server.kernels()
    page.goto(server.url)
    for rel in LESSONS:
        assert page.locator(f'a.nk-lesson[href$="{rel}"]').count() == 1
    assert page.locator("html").get_attribute("lang") == "ja"
    assert server.kernels() == before
    assert only_local(page.requested_urls) == []


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_with_mouse_and_keyboard_offline(server, page, lesson):
    page.goto(server.url)
    page.locator(f'a.nk-lesson[href$="{lesson}"]').click()
    cards = page.locator(".nk-quiz-card")
    cards.first.locator("legend").wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator(".nk-problem").count() == 0, page.locator(".nk-problem").first.inner_text()
    assert "Traceback" not in page.content()

    pre = cards.first
    answer_with_mouse(pre)
    pre.locator(".nk-feedback .nk-verdict").wait_for(timeout=30_000)
    assert pre.locator(".nk-explanation").inner_text().strip()

    post = cards.nth(1)
    post.locator("legend").wait_for(timeout=30_000)
    answer_with_keyboard(page, post)
    post.locator(".nk-feedback .nk-verdict").wait_for(timeout=30_000)

    assert only_local(page.requested_urls) == [], only_local(page.requested_urls)
    scripts = [u for u in page.requested_urls if "/voila/static/" in u or "/labextensions/" in u]
    assert len(scripts) == len(set(scripts)), "a preloaded script was fetched twice"
    assert page.page_errors == []


def test_answers_are_stored_before_feedback(server, page):
    import sqlite3

    page.goto(server.url + "voila/render/piracy/basics.ipynb?class=2-3&name=%3Cb%3E7%3C%2Fb%3E")
    card = page.locator(".nk-quiz-card").first
    card.locator("legend").wait_for(timeout=WIDGET_TIMEOUT)
    answer_with_mouse(card)
    card.locator(".nk-feedback").wait_for(timeout=30_000)
    db = sqlite3.connect(Path(server.data_dir) / "results.sqlite3")
    rows = db.execute("SELECT lesson, phase, class_code, student FROM answers WHERE class_code='2-3'").fetchall()
    assert ("piracy-basics", "pre", "2-3", "<b>7</b>") in rows


def test_closing_the_tab_frees_the_kernel(server, browser):
    context = browser.new_context()
    page = context.new_page()
    before = server.kernels()
    page.goto(server.url + "voila/render/misinformation/basics.ipynb")
    page.locator(".nk-quiz-card legend").first.wait_for(timeout=WIDGET_TIMEOUT)
    opened = server.kernels() - before
    assert len(opened) == 1
    page.close(run_before_unload=True)
    context.close()
    wait_until(lambda: not (server.kernels() & opened), 30, "the closed tab's kernel to stop")


def test_no_serious_accessibility_violations_in_the_catalogue(server, page):
    # Every lesson page (in three ways, before and after a student's work) is checked by test_every_lesson.py.
    page.goto(server.url)
    page.locator("a.nk-lesson").first.wait_for()
    assert serious_violations(page) == []
