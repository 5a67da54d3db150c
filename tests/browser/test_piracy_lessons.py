"""The piracy lessons served: every part shows, and the rule checker works by mouse and keyboard."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.browser.conftest import serious_violations
from tests.browser.lesson_page import WIDGET_TIMEOUT, WORDS_WITHOUT_READINGS, only_local

LESSONS = ["piracy/es56.ipynb", "piracy/jh.ipynb", "piracy/hs.ipynb", "piracy/adult.ipynb"]


def press_until_focused(page, root, selector: str, limit: int = 60):
    for _ in range(limit):
        if root.evaluate("(el, sel) => { const a = document.activeElement; return !!a && el.contains(a) && a.matches(sel); }",
                         selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {selector} with Tab")


def test_es34_help_card_has_readings_without_asking(server, page):
    """小3-4 has furigana from its notebook, no ?furigana=1 needed: 「困ったときの相談先」 and every desk read with readings."""
    page.goto(server.url + "voila/render/piracy/es34.ipynb")
    help_card = page.locator(".nk-help")
    help_card.locator(".nk-help-desk").first.wait_for(timeout=WIDGET_TIMEOUT)
    page.locator(".nk-sc-role, .nk-sc-choice").first.wait_for(timeout=30_000)
    assert page.locator(".nk-problem").count() == 0, page.locator(".nk-problem").first.inner_text()
    assert help_card.locator(".nk-help-title ruby").count() > 0 and help_card.locator(".nk-help-desk ruby").count() > 10
    assert page.evaluate(WORDS_WITHOUT_READINGS) == []


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_part_of_a_piracy_lesson_shows(server, page, lesson):
    page.goto(server.url + f"voila/render/{lesson}")
    page.locator(".nk-drc .nk-drc-option").first.wait_for(timeout=WIDGET_TIMEOUT)
    page.locator(".nk-quiz-card legend").first.wait_for(timeout=30_000)
    assert page.locator(".nk-problem").count() == 0, page.locator(".nk-problem").first.inner_text()
    assert "Traceback" not in page.content()
    assert page.locator(".nk-lab").count() >= 1
    assert only_local(page.requested_urls) == []


def test_rule_checker_by_mouse_then_keyboard(server, page):
    page.goto(server.url + "voila/render/piracy/jh.ipynb?class=3-1&name=drc")
    checker = page.locator(".nk-drc")
    checker.locator(".nk-drc-option").first.wait_for(timeout=WIDGET_TIMEOUT)

    # Mouse: knowingly downloading manga again and again, sold legitimately; predict "illegal".
    for option in ["download", "other", "known", "no", "no", "no", "yes", "repeated"]:
        checker.locator(f'.nk-drc-option[data-option="{option}"]').click()
    checker.locator('.nk-drc-predict[data-outcome="illegal"]').click()
    result = checker.locator(".nk-drc-result")
    result.wait_for(timeout=30_000)
    assert "刑罰の対象" in result.locator(".nk-drc-verdict").inner_text()
    assert "拘禁刑" in result.locator(".nk-drc-penalty").inner_text()
    assert "著作権法" in result.locator(".nk-drc-articles").inner_text()

    # Keyboard: start again, choose "only watching" and predict with Enter.
    press_until_focused(page, checker, ".nk-drc-again")
    page.keyboard.press("Enter")
    checker.locator('.nk-drc-option[data-option="stream"]').wait_for(timeout=30_000)
    press_until_focused(page, checker, '.nk-drc-option[data-option="stream"]')
    page.keyboard.press("Enter")
    checker.locator('.nk-drc-predict[data-outcome="not_illegal"]').wait_for(timeout=30_000)
    press_until_focused(page, checker, '.nk-drc-predict[data-outcome="not_illegal"]')
    page.keyboard.press("Enter")
    result.wait_for(timeout=30_000)
    assert "ウイルス" in result.locator(".nk-drc-caution").inner_text()
    assert result.evaluate("el => el.contains(document.activeElement)")  # the keyboard follows the answer

    db = sqlite3.connect(Path(server.data_dir) / "results.sqlite3")
    rows = db.execute("SELECT item, response, correct FROM answers WHERE lesson='piracy-jh' AND student='drc' "
                      "ORDER BY id").fetchall()
    assert rows == [("download_rule_checker:download-rule:download-crime", "[1]", 0),
                    ("download_rule_checker:download-rule:stream", "[0]", 1)]


def test_income_slider_moves_the_chart_by_keyboard(server, page):
    page.goto(server.url + "voila/render/piracy/es56.ipynb")
    lab = page.locator(".nk-lab").first
    slider = lab.locator('input[type="range"]').nth(1)  # share reading pirated copies
    slider.wait_for(timeout=WIDGET_TIMEOUT)
    before = lab.locator(".nk-lab-headline").inner_text()
    slider.focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("([el, old]) => el.querySelector('.nk-lab-headline').innerText !== old",
                           arg=[lab.element_handle(), before], timeout=30_000)
    assert "50%" in lab.locator(".nk-lab-headline").inner_text()


def test_no_serious_accessibility_violations_in_the_piracy_tools(server, page):
    page.goto(server.url + "voila/render/piracy/hs.ipynb")
    page.locator(".nk-drc .nk-drc-option").first.wait_for(timeout=WIDGET_TIMEOUT)
    page.locator(".nk-lab-table").wait_for(timeout=30_000)
    checker = page.locator(".nk-drc")
    for option in ["link", "pirated"]:
        checker.locator(f'.nk-drc-option[data-option="{option}"]').click()
    checker.locator('.nk-drc-predict[data-outcome="crime"]').click()
    checker.locator(".nk-drc-result").wait_for(timeout=30_000)
    bad = serious_violations(page)
    assert bad == []
