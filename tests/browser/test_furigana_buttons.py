"""小5-6 with ?furigana=1: the timeline's and the class spread's buttons carry readings, read once."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import serious_violations
from tests.browser.lesson_page import BUTTONS_WITHOUT_READINGS, WIDGET_TIMEOUT


def test_es56_timeline_buttons_have_readings_and_a_plain_name(server, page):
    page.goto(server.url + "voila/render/misinformation/es56.ipynb?furigana=1&class=5-9&name=hikari")
    timeline = page.locator(".nk-tl").first
    share = timeline.locator("button.nk-tl-action").first
    share.wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator(".nk-problem").count() == 0, page.locator(".nk-problem").first.inner_text()
    buttons = page.locator("button:has(ruby)")
    assert buttons.count() > 0 and timeline.locator("button ruby").count() > 0
    # The readings are drawn (from data-reading) but the name is the plain text, read once.
    names = page.evaluate("""() => [...document.querySelectorAll('button')].filter(b => b.querySelector('ruby'))
        .map(b => [b.getAttribute('aria-label'), b.querySelector('rt').dataset.reading, b.textContent])""")
    assert names and all(reading and reading not in text for _, reading, text in names), names
    expect(timeline.locator("button.nk-tl-check")).to_have_accessible_name("確かめる")  # not "確 たし かめる"
    assert page.evaluate(BUTTONS_WITHOUT_READINGS) == []


def test_readings_on_buttons_keep_their_contrast(server, page):
    page.goto(server.url + "voila/render/defamation/es34.ipynb?furigana=1")
    page.locator(".nk-quiz-card button.nk-submit ruby").first.wait_for(timeout=WIDGET_TIMEOUT)
    page.locator(".nk-help-router .nk-hr-nav-b ruby").first.wait_for(timeout=30_000)
    bad = serious_violations(page)
    assert bad == []  # dark readings on the blue 答える button were 1.9:1
