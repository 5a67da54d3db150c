"""A teacher's broken file: the student sees a friendly card, no traceback, and the rest works."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.browser.conftest import REPO, Server
from tests.browser.lesson_page import WIDGET_TIMEOUT, answer_with_mouse
from tests.conftest import read_rows, set_cell, write_rows


@pytest.fixture(scope="module")
def broken_server(tmp_path_factory):
    from tests.browser.conftest import _require_chromium

    _require_chromium()
    root = tmp_path_factory.mktemp("school")
    shutil.copytree(REPO / "lessons", root / "lessons")
    shutil.copytree(REPO / "datasets", root / "datasets")
    bank = root / "datasets" / "quizzes" / "piracy_basics.csv"
    rows = read_rows(bank)
    first_post = next(r[0] for r in rows[2:] if r[1] == "B")  # a question of the second form (the bank has forms A and B)
    write_rows(bank, set_cell(rows, first_post, "type", "choose-one"), encoding="cp932")
    srv = Server(root, root / "results")
    yield srv
    srv.stop()


def test_broken_quiz_shows_a_card_and_the_rest_of_the_lesson_works(broken_server, page):
    page.goto(broken_server.url + "voila/render/piracy/basics.ipynb")
    card = page.locator(".nk-quiz-card").first
    card.locator("legend").wait_for(timeout=WIDGET_TIMEOUT)
    problem = page.locator(".nk-problem").first
    problem.wait_for(timeout=30_000)
    assert "いくつかの問題を表示できません" in problem.inner_text() and "先生に知らせてください" in problem.inner_text()
    problem.locator("summary").click()
    detail = problem.inner_text()
    assert "piracy_basics.csv" in detail and "行目" in detail and "type" in detail
    assert "Traceback" not in page.content() and "Error" not in page.locator("body").inner_text()
    answer_with_mouse(card)  # the pre-quiz still works
    card.locator(".nk-feedback").wait_for(timeout=30_000)
    post = page.locator(".nk-quiz-card").nth(1)  # and so do the sound questions of the post-quiz
    answer_with_mouse(post)
    post.locator(".nk-feedback").wait_for(timeout=30_000)
    # The student takes form A once and form B once (in an order decided when they join): the form with the broken
    # question has one of its six left out until it is fixed, the other keeps all six.
    totals = sorted(re.search(r"/ (\d+)", c.locator(".nk-progress").inner_text()).group(1) for c in (card, post))
    assert totals == ["5", "6"]
