"""A role-play in the served page: played to an end by mouse and by keyboard, choices stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.browser.conftest import serious_violations
from tests.browser.lesson_page import WIDGET_TIMEOUT, only_local


def focused(player, selector: str) -> bool:
    return player.evaluate(
        "(el, sel) => { const a = document.activeElement; return !!a && el.contains(a) && a.matches(sel); }", selector)


def test_pick_a_role_and_play_to_the_end_with_the_mouse(demo_server, page):
    page.goto(demo_server.url + "voila/render/demo/scenario.ipynb?class=1-1&name=mouse")
    player = page.locator(".nk-scenario").first
    player.locator(".nk-sc-role").first.wait_for(timeout=WIDGET_TIMEOUT)
    assert "Traceback" not in page.content() and page.locator(".nk-problem").count() == 0
    player.locator('.nk-sc-role[data-role="bystander"]').click()
    player.locator(".nk-sc-log .nk-bubble").first.wait_for(timeout=30_000)
    assert "けんって、へんなの。" in player.locator(".nk-sc-log").inner_text()
    player.locator('.nk-sc-choices button[data-index="1"]').click()
    summary = player.locator(".nk-sc-summary")
    summary.wait_for(timeout=30_000)
    assert "そうだね、ごめん。" in player.locator(".nk-sc-log").inner_text()
    assert "だれも傷つけませんでした" in summary.inner_text() and "思いやり" in summary.inner_text()
    assert "止める一言が大切です。" in summary.inner_text()
    db = sqlite3.connect(Path(demo_server.data_dir) / "results.sqlite3")
    rows = db.execute("SELECT item, response, correct, phase FROM answers WHERE student='mouse'").fetchall()
    assert rows == [("scenario:sample-chat:b-2", "[1]", 1, "practice")] or rows == [("scenario:sample-chat:b-2", "1", 1, "practice")]
    # another viewpoint: back to the role picker
    summary.locator(".nk-sc-restart").click()
    player.locator('.nk-sc-role[data-role="target"]').wait_for(timeout=30_000)
    assert only_local(page.requested_urls) == []


def test_play_to_the_end_with_the_keyboard(demo_server, page):
    page.goto(demo_server.url + "voila/render/demo/scenario.ipynb?class=1-1&name=keys")
    player = page.locator(".nk-scenario").nth(1)  # the lesson fixed the role: target
    player.locator(".nk-sc-choices button").first.wait_for(timeout=WIDGET_TIMEOUT)
    assert "あなたは「けん」です。" in player.inner_text()
    player.locator(".nk-sc-title").click()
    for _ in range(30):
        page.keyboard.press("Tab")
        if focused(player, ".nk-sc-choice"):
            break
    else:
        raise AssertionError("could not reach a choice with Tab")
    outline = player.evaluate("el => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # visible focus
    page.keyboard.press("2")  # number key: hit back; the story comes round again
    player.locator(".nk-sc-mine").first.wait_for(timeout=30_000)
    page.wait_for_function(
        "el => el.contains(document.activeElement) && document.activeElement.matches('.nk-sc-choice')",
        arg=player.element_handle(), timeout=30_000)  # focus moved to the new choices
    page.keyboard.press("Enter")  # the first choice: talk to an adult
    summary = player.locator(".nk-sc-summary")
    summary.wait_for(timeout=30_000)
    text = summary.inner_text()
    assert "人を傷つける" in text and "思いやり" in text and "ほかにもこんな選び方がありました" in text
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'nk-sc-sum-h'", timeout=30_000)
    db = sqlite3.connect(Path(demo_server.data_dir) / "results.sqlite3")
    rows = db.execute("SELECT item, correct FROM answers WHERE student='keys' ORDER BY id").fetchall()
    assert rows == [("scenario:sample-chat:t-1", 0), ("scenario:sample-chat:t-1", 1)]


def test_no_serious_accessibility_violations(demo_server, page):
    page.goto(demo_server.url + "voila/render/demo/scenario.ipynb")
    page.locator(".nk-scenario").nth(1).locator(".nk-sc-choices button").first.wait_for(timeout=WIDGET_TIMEOUT)
    bad = serious_violations(page)
    assert bad == [], bad


def test_a_reload_shows_the_path_taken_and_stores_nothing_twice(demo_server, page):
    page.goto(demo_server.url + "voila/render/demo/scenario.ipynb?class=1-1&name=reload")
    player = page.locator(".nk-scenario").first
    player.locator('.nk-sc-role[data-role="bystander"]').click(timeout=WIDGET_TIMEOUT)
    player.locator('.nk-sc-choices button[data-index="1"]').click(timeout=30_000)
    player.locator(".nk-sc-summary").wait_for(timeout=30_000)
    page.reload()
    player = page.locator(".nk-scenario").first
    player.locator(".nk-sc-summary").wait_for(timeout=WIDGET_TIMEOUT)  # no role picker: the story as it ended
    assert "そうだね、ごめん。" in player.locator(".nk-sc-log").inner_text()
    db = sqlite3.connect(Path(demo_server.data_dir) / "results.sqlite3")
    assert db.execute("SELECT COUNT(*) FROM answers WHERE student='reload'").fetchone()[0] == 1
