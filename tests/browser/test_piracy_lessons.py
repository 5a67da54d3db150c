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


TABLE_AT_WIDTH = """(wrap) => {
  const box = wrap.getBoundingClientRect();
  const cells = [...wrap.querySelectorAll('tbody th, tbody td')].map((cell) => {
    const head = cell.querySelector('.nk-lab-cell-head'), text = cell.querySelector('.nk-lab-cell-text');
    const r = text.getBoundingClientRect();
    return { head: head.checkVisibility() ? head.innerText.trim() : '', width: cell.getBoundingClientRect().width,
             inside: r.left >= box.left - 1 && r.right <= box.right + 1 };
  });
  return { scrolls: wrap.scrollWidth > wrap.clientWidth + 1, tabindex: wrap.getAttribute('tabindex'),
           role: wrap.getAttribute('role'), name: document.getElementById(wrap.getAttribute('aria-labelledby'))?.innerText,
           columns: [...wrap.querySelectorAll('thead th')].map((th) => th.innerText.trim()),
           rowRole: wrap.querySelector('tbody tr').getAttribute('role'), width: box.width, cells };
}"""


def test_estimate_table_stacks_on_a_phone_and_scrolls_by_keyboard_when_wide(browser, server):
    """piracy/hs at 360 px: the estimates are cards, each value under its heading, nothing cut or scrolled;
    wider, the table is a named region that takes the keyboard focus exactly when it is too wide to show."""
    context = browser.new_context(locale="ja-JP", viewport={"width": 360, "height": 740})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(server.url + "voila/render/piracy/hs.ipynb", wait_until="commit", timeout=WIDGET_TIMEOUT)
        wrap = page.locator(".nk-lab-table-wrap").first
        wrap.locator("tbody tr").first.wait_for(timeout=WIDGET_TIMEOUT)
        narrow = wrap.evaluate(TABLE_AT_WIDTH)
        assert narrow["role"] == "region" and narrow["name"] == "発表されたいろいろな推計" and narrow["rowRole"] == "row"
        assert not narrow["scrolls"] and narrow["tabindex"] is None, narrow
        columns = narrow["columns"]
        assert "出典（時点）" in columns
        assert len(narrow["cells"]) % len(columns) == 0
        for i, cell in enumerate(narrow["cells"]):
            assert cell["head"] == columns[i % len(columns)], cell  # every value under its column's heading
            assert cell["inside"] and cell["width"] > 0.8 * narrow["width"] - 40, cell  # whole width, none cut
        for width in (560, 1024):
            page.set_viewport_size({"width": width, "height": 740})
            page.wait_for_function("(w) => { const r = w.querySelector('tbody tr'); return r && getComputedStyle(r).display === 'table-row'; }",
                                   arg=wrap.element_handle(), timeout=30_000)
            page.wait_for_function("(w) => (w.scrollWidth > w.clientWidth + 1) === (w.getAttribute('tabindex') === '0')",
                                   arg=wrap.element_handle(), timeout=30_000)
            wide = wrap.evaluate(TABLE_AT_WIDTH)
            assert all(cell["head"] == "" for cell in wide["cells"])  # headings in the header row only
        assert errors == []
    finally:
        context.close()
