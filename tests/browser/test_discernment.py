"""The 見分けるテスト in a served lesson: judged by keyboard before the lesson (answers hidden) and by mouse after it;
two students of a class take the pair of forms in opposite orders."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kit.content.discernment import load_discernment
from tests.browser.conftest import REPO, serious_violations
from tests.browser.lesson_page import WIDGET_TIMEOUT, only_local


def stored(server, lesson: str) -> list[tuple]:
    db = sqlite3.connect(Path(server.data_dir) / "results.sqlite3")
    try:
        return db.execute("SELECT item, response, correct, phase FROM answers WHERE lesson=? AND item LIKE 'discern:%' "
                          "ORDER BY id", (lesson,)).fetchall()
    finally:
        db.close()


def form_shown(feed) -> str:
    """The form of the posts a feed shows (each post's 信じる button names it), checked to be one form."""
    form_of = {p.id: p.form for p in load_discernment(REPO / "datasets" / "discernment" / "everyday.yaml").posts}
    [form] = {form_of[post] for post in feed.locator(".nk-dc-believe").evaluate_all("bs => bs.map(b => b.dataset.post)")}
    return form


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
    first, second = form_shown(pre), form_shown(post)  # the student's order of the pair: a→b or b→a
    assert {first, second} == {"a", "b"}
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
    assert rows[0][0] == {"a": "discern:everyday-feed:a-city-pool", "b": "discern:everyday-feed:b-bus-route"}[first]

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


def test_the_class_s_next_student_takes_the_pair_the_other_way_round_and_keeps_it(server, browser):
    db = sqlite3.connect(Path(server.data_dir) / "results.sqlite3")
    try:
        taken = {r[0] for r in db.execute("SELECT arm FROM assignments WHERE lesson = 'misinformation-es56' "
                                          "AND class_code = '5-2'")}
    finally:
        db.close()
    assert len(taken) == 1, taken  # the student of the test above
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + "voila/render/misinformation/es56.ipynb?class=5-2&name=dc2", timeout=WIDGET_TIMEOUT)
    pre = page.locator(".nk-dc").nth(0)
    pre.locator(".nk-dc-actions").first.wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator(".nk-preparing").count() == 0  # 「準備中…」 is gone once the form is known
    form = form_shown(pre)
    assert form == {"AB": "b", "BA": "a"}[taken.pop()]  # the other order than the first student's
    page.reload(timeout=WIDGET_TIMEOUT)
    pre = page.locator(".nk-dc").nth(0)
    pre.locator(".nk-dc-actions").first.wait_for(timeout=WIDGET_TIMEOUT)
    assert form_shown(pre) == form and form_shown(page.locator(".nk-dc").nth(1)) != form  # kept across a reload
    context.close()
