"""Matched forms as a class meets them: two students start on different forms, a reload keeps each one's form,
and the teacher reads the change with the forms' difficulty taken out."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from playwright.sync_api import expect

from kit.content import load_quiz
from kit.content.forms import forms
from kit.store import open_store
from tests.browser.conftest import REPO, TEACHER_PASSCODE
from tests.browser.lesson_page import WIDGET_TIMEOUT, answer_with_mouse
from tools.simulated_class import simulated_class

LESSON, BANK = "misinformation-basics", "quizzes/misinformation_basics.yaml"


def stored_items(server, student: str) -> list[str]:
    db = sqlite3.connect(Path(server.data_dir) / "results.sqlite3")
    return [r[0] for r in db.execute("SELECT item FROM answers WHERE class_code = 'forms-1' AND student = ? ORDER BY id",
                                     (student,))]


def test_students_start_on_different_forms_keep_them_and_the_teacher_sees_matched_results(server, browser):
    by_form = forms(load_quiz(REPO / "datasets" / BANK).questions)
    form_of_item = {q.id: form for form, qs in by_form.items() for q in qs}
    form_of_text = {q.text.ja: form for form, qs in by_form.items() for q in qs}
    seen, pages = {}, {}
    for name in ("f1", "f2"):
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url + f"voila/render/misinformation/basics.ipynb?class=forms-1&name={name}", timeout=120_000)
        card = page.locator(".nk-quiz-card").first
        card.locator("legend").wait_for(timeout=WIDGET_TIMEOUT)
        answer_with_mouse(card)  # the answer is stored under the question the student was shown
        card.locator(".nk-feedback").wait_for(timeout=60_000)
        [item] = stored_items(server, name)
        seen[name], pages[name] = form_of_item[item], page
        assert form_of_text[card.locator("legend").inner_text()] == seen[name]
    assert sorted(seen.values()) == ["A", "B"]  # the class's second student fills the other order

    pages["f1"].reload(timeout=120_000)
    card = pages["f1"].locator(".nk-quiz-card").first
    expect(card.locator(".nk-progress")).to_contain_text("2 / 6", timeout=60_000)  # resumed: known, on their form
    assert form_of_text[card.locator("legend").inner_text()] == seen["f1"]  # kept across a reload
    for page in pages.values():
        page.context.close()

    store = open_store(Path(server.data_dir) / "results.sqlite3")  # the rest of the class took both tests
    for answer in simulated_class(REPO / "datasets", BANK, LESSON, "forms-1", students=22, per_student=14, seed=5,
                                  start=datetime.now(timezone.utc).replace(microsecond=0)):
        store.record(answer)
    store.close()

    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + f"teacher/?class=forms-1&lesson={LESSON}")
    page.fill("input[name=passcode]", TEACHER_PASSCODE)
    page.locator("button[type=submit]").first.click()
    forms_said = page.locator(".nk-forms")
    expect(forms_said.first).to_be_visible(timeout=30_000)
    said = forms_said.all_inner_texts()
    assert any("フォームの難しさのちがいを除" in s for s in said), said
    assert any("フォームA" in s and "フォームB" in s for s in said), said
    assert "-0 " not in " ".join(said) and "misinformation-basics" not in page.locator("main").inner_text()
    context.close()
