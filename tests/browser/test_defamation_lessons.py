"""The 小3-4 誹謗中傷 lesson as a child sees it: furigana, one answer with feedback, a role-play choice
stored for the class, and where to get help at the end."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.lesson_page import (
    BUTTONS_WITHOUT_READINGS,
    WIDGET_TIMEOUT,
    WORDS_WITHOUT_READINGS,
    answer_with_mouse,
    only_local,
    wait_until,
)


def test_es34_with_furigana_answers_and_ends_with_help(server, page):
    page.goto(server.url + "voila/render/defamation/es34.ipynb?furigana=1&class=3-1&name=kodama")
    card = page.locator(".nk-quiz-card").first
    card.locator("legend").wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator(".nk-problem").count() == 0, page.locator(".nk-problem").first.inner_text()
    assert "Traceback" not in page.content()
    assert card.locator("ruby rt").count() > 0  # readings over the question's kanji
    submit = card.locator("button.nk-submit")  # 答える: readings on the button, its name read once
    assert submit.locator("ruby").count() == 1
    expect(submit).to_have_accessible_name("答える")
    page.locator(".nk-help-router .nk-hr-nav-b").first.wait_for(timeout=30_000)
    assert page.evaluate(BUTTONS_WITHOUT_READINGS) == []

    answer_with_mouse(card)
    card.locator(".nk-feedback .nk-verdict").wait_for(timeout=30_000)
    assert card.locator(".nk-explanation").inner_text().strip()

    # The role-play: as a bystander, say "let's stop"; the kind choice is stored for the class.
    player = page.locator(".nk-scenario").first
    player.locator('.nk-sc-role[data-role="bystander"]').click()
    player.locator('.nk-sc-choices button[data-index="2"]').click(timeout=30_000)
    player.locator(".nk-sc-log ruby").first.wait_for(timeout=30_000)  # the chat has readings too
    db = sqlite3.connect(Path(server.data_dir) / "results.sqlite3")
    wait_until(lambda: db.execute("SELECT correct FROM answers WHERE student='kodama' AND item='scenario:group-chat:b-3'")
               .fetchall() == [(1,)], 30, "the role-play choice to be stored")

    router = page.locator(".nk-help-router")
    router.wait_for(timeout=30_000)
    router.locator(".nk-hr-ask").wait_for(timeout=30_000)  # the first question of the help chart
    router.locator(".nk-hr-nav-b[aria-expanded]").click()  # "show all help desks"
    expect(router.locator(".nk-hr-all")).to_contain_text("0120-0-78310", timeout=30_000)  # 24時間子供SOSダイヤル
    # Every choice, button, hint and word of the help card (its safety sentence, each desk, the chart's source) has readings.
    assert page.evaluate(WORDS_WITHOUT_READINGS) == []
    expect(router.locator(".nk-hr-small").last).not_to_contain_text("FACTS.md")
    # Where to get help is the last thing in the lesson: no quiz, role-play or text comes after it.
    after = page.evaluate("""() => {
        const help = document.querySelector('.nk-help-router');
        return [...document.querySelectorAll('.nk-quiz-card, .nk-section, .nk-scenario, .nk-help, .nk-help-router')]
            .filter(el => el !== help && (help.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)).length;
    }""")
    assert after == 0
    assert only_local(page.requested_urls) == []


def test_a_click_on_a_post_test_choice_picks_it_there_not_in_the_pre_test(server, page):
    page.goto(server.url + "voila/render/defamation/es34.ipynb?class=3-8&name=ids")
    post = page.locator(".nk-quiz").nth(1).locator(".nk-quiz-card")
    post.locator("legend").wait_for(timeout=WIDGET_TIMEOUT)
    ids = page.evaluate("() => [...document.querySelectorAll('.nk-quiz [id]')].map((e) => e.id)")
    assert ids and len(ids) == len(set(ids)), ids  # each quiz's labels point at its own inputs
    post.locator("label.nk-choice").first.click()
    checked = page.evaluate("() => [...document.querySelectorAll('.nk-quiz')].map((q) => q.querySelectorAll('input:checked').length)")
    assert checked[:2] == [0, 1]
