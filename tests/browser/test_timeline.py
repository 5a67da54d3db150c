"""The 「本当かな？」 timeline in a served lesson: one post played by mouse, one by keyboard, stored before feedback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.browser.conftest import serious_violations
from tests.browser.lesson_page import WIDGET_TIMEOUT, only_local


def focused_in(locator, selector: str) -> bool:
    return locator.evaluate(
        "(el, sel) => { const a = document.activeElement; return !!a && el.contains(a) && a.matches(sel); }", selector)


def tab_to(page, container, selector: str, tries: int = 40) -> None:
    for _ in range(tries):
        if focused_in(container, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {selector} with Tab")


def stored(server, lesson: str) -> list[tuple]:
    db = sqlite3.connect(Path(server.data_dir) / "results.sqlite3")
    try:
        return db.execute("SELECT item, response, correct, phase, class_code FROM answers WHERE lesson=? ORDER BY id",
                          (lesson,)).fetchall()
    finally:
        db.close()


def test_timeline_by_mouse_and_keyboard_with_furigana(server, page):
    page.goto(server.url + "voila/render/misinformation/es56.ipynb?class=5-1&name=tl", wait_until="commit", timeout=WIDGET_TIMEOUT)
    feed = page.locator(".nk-tl")
    feed.locator(".nk-tl-post").wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator(".nk-problem").count() == 0, page.locator(".nk-problem").first.inner_text()
    assert feed.locator(".nk-tl-text ruby").count() > 0  # furigana for 小学生
    assert feed.locator(".nk-tl-basis").inner_text() == "授業用の架空の投稿"

    # Post 1 by mouse: check, open a step, decide not to share.
    first = feed.locator(".nk-tl-post").inner_text()
    feed.locator("button[data-action=check]").click()
    feed.locator(".nk-tl-checking").wait_for(timeout=30_000)
    assert feed.locator(".nk-tl-feedback").count() == 0
    feed.locator(".nk-tl-step summary").first.click()
    assert feed.locator(".nk-tl-found").first.is_visible()
    feed.locator("button[data-decide=share]").click()
    feed.locator(".nk-tl-feedback").wait_for(timeout=30_000)
    assert feed.locator(".nk-tl-badge").inner_text() == "本当"
    rows = stored(server, "misinformation-es56")
    assert ("timeline:disaster-night:city-shelter", "[1]", 1, "practice", "5-1") in rows
    assert ("timeline:disaster-night:city-shelter:decide", "[0]", 1, "practice", "5-1") in rows

    # Post 2 (the lion hoax) by keyboard only: Tab to "next", Enter; Tab to "share", Enter.
    tab_to(page, feed, ".nk-tl-next")
    page.keyboard.press("Enter")
    feed.locator(".nk-tl-basis-real-case").wait_for(timeout=30_000)
    assert feed.locator(".nk-tl-post").inner_text() != first
    assert feed.locator(".nk-tl-picture").get_attribute("src").startswith("data:image/svg+xml")
    tab_to(page, feed, "button[data-action=share]")
    page.keyboard.press("Enter")
    feed.locator(".nk-tl-feedback").wait_for(timeout=30_000)
    assert feed.locator(".nk-tl-badge").inner_text() == "うそ"
    assert "熊本" in feed.locator(".nk-tl-explanation").inner_text()
    assert "総務省" in feed.locator(".nk-tl-source").first.inner_text()
    assert ("timeline:disaster-night:lion", "[0]", 0, "practice", "5-1") in stored(server, "misinformation-es56")

    # How choices like these spread: the class's choices (from the store) through the model.
    spread = page.locator(".nk-cs")
    spread.locator("button[data-whose=class]").click()
    spread.locator(".nk-cs-chart").wait_for(timeout=60_000)
    assert "1件のうち 1件をシェア" in spread.locator(".nk-cs-rate").inner_text()
    assert spread.locator(".nk-cs-chart polyline").count() == 2
    assert only_local(page.requested_urls) == []


def test_timeline_in_english(server, page):
    page.goto(server.url + "voila/render/misinformation/hs.ipynb?lang=en", wait_until="commit", timeout=WIDGET_TIMEOUT)
    feed = page.locator(".nk-tl")
    feed.locator(".nk-tl-post").wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator(".nk-problem").count() == 0
    assert feed.locator("button[data-action=check]").inner_text() == "Check"
    assert "lion" in feed.locator(".nk-tl-text").inner_text()

    # The class experiment: run it with the keyboard (slider, then the button).
    lab = page.locator(".nk-ce")
    lab.locator("input[type=range]").first.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("(el) => el.textContent === '16%'", arg=lab.locator("output").first.element_handle(),
                           timeout=WIDGET_TIMEOUT)  # the shell writes the value as the slider's input event arrives
    lab.locator(".nk-ce-run").focus()
    page.keyboard.press("Enter")
    lab.locator(".nk-ce-chart").wait_for(timeout=60_000)
    assert "False story (16%)" in lab.locator(".nk-ce-table").first.inner_text()
    assert lab.locator(".nk-ce-table").count() == 2 and lab.locator(".nk-ce-table th[scope=row]").count() >= 3
    assert lab.locator(".nk-ce-dots-false").evaluate("(g) => getComputedStyle(g).fill") == "rgb(179, 38, 30)"
    assert lab.locator(".nk-ce-legend li").count() == 2 and lab.locator(".nk-ce-note").inner_text()
    assert lab.locator(".nk-ce-chart circle").count() >= 300


def test_timeline_has_no_serious_accessibility_violations(server, page):
    page.goto(server.url + "voila/render/misinformation/adult.ipynb")
    feed = page.locator(".nk-tl")
    feed.locator(".nk-tl-post").wait_for(timeout=WIDGET_TIMEOUT)

    def violations():
        return serious_violations(page, ".nk-tl")

    assert violations() == []  # choosing, with the picture
    feed.locator("button[data-action=check]").click()
    feed.locator(".nk-tl-checking").wait_for(timeout=30_000)
    assert violations() == []
    feed.locator("button[data-decide=ignore]").click()
    feed.locator(".nk-tl-feedback").wait_for(timeout=30_000)
    assert violations() == []
