"""When the teacher's server stops (a PC that slept, a window closed by mistake), the student is told
at once, and carries on where they were once it is back."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

import tests.served
from tests.browser.conftest import REPO, Server, _require_chromium
from tests.browser.lesson_page import answer_with_mouse

WIDGET_TIMEOUT = 90_000  # ms: a lesson page on a loaded 2-core machine


@pytest.fixture
def lesson_url(tmp_path):
    _require_chromium()
    return "voila/render/defamation/basics.ipynb?class=2-1&name=7"


@pytest.mark.timeout(900)  # two server starts and two lesson renders on a loaded 2-core machine
def test_a_stopped_server_shows_a_banner_and_the_lesson_resumes_when_it_is_back(page, tmp_path, monkeypatch, lesson_url):
    server = Server(REPO, tmp_path / "results")
    port = server.port
    try:
        page.goto(server.url + lesson_url, wait_until="commit", timeout=WIDGET_TIMEOUT)
        card = page.locator(".nk-quiz-card").first
        card.locator("legend").wait_for(timeout=WIDGET_TIMEOUT)
        expect(card.locator(".nk-progress")).to_contain_text("1 / ", timeout=WIDGET_TIMEOUT)
        answer_with_mouse(card)
        card.locator(".nk-feedback .nk-next").click()
        expect(card.locator(".nk-progress")).to_contain_text("2 / ", timeout=30_000)
        assert page.locator(".nk-connection").count() == 0  # nothing shown while all is well

        server.stop()  # the teacher's PC went to sleep
        banner = page.locator(".nk-connection")
        expect(banner).to_contain_text("つながりが切れました", timeout=30_000)
        expect(banner).to_contain_text("先生に知らせてください")
        assert page.evaluate("document.body.classList.contains('nk-offline')")  # the dead buttons are dimmed

        monkeypatch.setattr(tests.served, "free_port", lambda: port)
        server = Server(REPO, tmp_path / "results")  # the teacher starts it again, same address
        button = banner.locator("button", has_text="続きから始める")
        button.wait_for(timeout=60_000)
        button.click(no_wait_after=True)  # the reload renders the whole lesson before it answers
        card = page.locator(".nk-quiz-card").first
        card.locator("legend").wait_for(timeout=WIDGET_TIMEOUT)
        expect(card.locator(".nk-progress")).to_contain_text("2 / ", timeout=WIDGET_TIMEOUT)  # where the student was
        assert page.locator(".nk-connection").count() == 0
    finally:
        server.stop()
