"""QuizCard and Quiz driven from code, as their buttons would."""

from __future__ import annotations

import json

import pytest

from kit.content import load_quiz
from kit.sitting import Sitting
from kit.widgets.quiz_card import Quiz, QuizCard
from tests.conftest import FIXTURES


@pytest.fixture
def bank():
    return load_quiz(FIXTURES / "datasets" / "quizzes" / "sample.csv")


def test_answer_never_reaches_the_browser_before_answering(bank):
    for q in bank.questions:
        card = QuizCard(q)
        state = {k: v for k, v in card.get_state().items() if k not in ("_esm", "_css")}
        synced = json.dumps(state, ensure_ascii=False)
        assert card.result == {}
        assert set(card.question) == {"id", "type", "text_html", "choices"}
        assert all(set(c) == {"index", "html", "plain"} for c in card.question["choices"])
        assert q.explanation.ja not in synced
        for choice in q.choices:  # feedback reveals which choice is right
            if choice.feedback.ja:
                assert choice.feedback.ja not in synced


def test_order_choices_are_shuffled_away_from_the_answer(bank):
    q = bank.select(ids=["q-order"]).questions[0]
    shown = [c["index"] for c in QuizCard(q).question["choices"]]
    assert tuple(shown) != q.answer and sorted(shown) == [0, 1, 2]


def test_answer_is_recorded_before_feedback_is_shown(bank, kept):
    events = []
    kept.on_record = lambda a: events.append(("stored", a, dict(card.result)))
    card = QuizCard(bank.questions[0], phase="pre", sitting=Sitting("s1", lesson="demo", store=kept),
                    bank="quizzes/sample.csv")
    card.observe(lambda change: events.append(("shown", None, None)), names="result")
    card.submit([1])
    assert [e[0] for e in events] == ["stored", "shown"]
    stored = events[0][1]
    assert events[0][2] == {}  # nothing was shown when the answer was stored
    assert (stored.item, stored.response, stored.correct, stored.phase, stored.lesson) == ("q-single", (1,), False, "pre", "demo")
    assert stored.bank == "quizzes/sample.csv"
    assert card.result["correct"] is False and card.result["correct_choices"] == [0]


def test_second_answer_is_ignored(bank, kept):
    stored = kept.stored
    card = QuizCard(bank.questions[0], sitting=Sitting(store=kept))
    card.submit([0])
    card.submit([1])
    assert len(stored) == 1 and card.result["correct"]


def test_a_forged_response_from_the_browser_changes_nothing(bank, kept):
    stored = kept.stored
    card = QuizCard(bank.questions[0], sitting=Sitting(store=kept))
    card._on_browser_message(card, {"action": "submit", "response": [99]}, [])
    card._on_browser_message(card, "garbage", [])
    assert stored == [] and card.result == {}
    card._on_browser_message(card, {"action": "submit", "response": [0]}, [])
    assert stored and card.result["correct"]


def test_storage_failure_still_gives_feedback_and_says_so(bank, kept):
    kept.failing = True
    card = QuizCard(bank.questions[0], sitting=Sitting(store=kept))
    card.submit([0])
    assert card.result["correct"] and card.result["saved"] is False


def test_english_and_furigana(bank):
    en = QuizCard(bank.questions[0], lang="en")
    assert en.question["text_html"] == "What if someone posts abuse about you?"
    assert en.labels["submit"] == "Answer"
    ruby = QuizCard(bank.questions[0], furigana=True)
    assert "<ruby>" in ruby.question["text_html"] and "<rt>" in ruby.question["text_html"]


def test_quiz_goes_through_every_question_to_a_summary(bank):
    quiz = Quiz(bank, lang="ja")
    answers = {"q-single": [0], "q-multi": [0], "q-tf": [1], "q-order": [0, 1, 2]}
    for _ in bank.questions:
        assert not quiz.finished
        quiz.submit(answers[quiz.current.question_id])
        quiz.next()
    assert quiz.finished and quiz.score == (3, 4)
    assert quiz.children == (quiz.summary,) and quiz.summary.score == "4問中 3問 正解"
    assert quiz.summary.review == ["してはいけないことは？"]  # the missed question, to look at again


def test_next_before_answering_does_nothing(bank):
    quiz = Quiz(bank)
    quiz.next()
    assert quiz.number == 0


def test_resume_shows_earlier_answers_and_continues_after_them(bank, kept):
    from kit.store.records import Answer

    token = "ab" * 16
    kept.stored.extend([
        Answer("demo", "q-single", (1,), False, "pre", token, "7", "2-3", "t1", "quizzes/sample.csv"),
        Answer("demo", "q-single", (0,), True, "pre", token, "7", "2-3", "t2"),  # a later duplicate: the first counts
        Answer("demo", "q-tf", (1,), True, "post", token, "7", "2-3"),  # another phase: not this quiz's
        Answer("demo", "q-multi", (0,), True, "pre", token, "7", "2-3", bank="quizzes/other.csv"),  # another bank's q-multi
        Answer("demo", "q-multi", (0,), True, "pre", "cd" * 16, "7", "2-3"),  # another browser's
        Answer("demo", "q-multi", (0,), True, "pre", token, "8", "2-3"),  # the same device's earlier student
    ])
    quiz = Quiz(bank, phase="pre", sitting=Sitting(class_code="2-3", lesson="demo", store=kept), file="quizzes/sample.csv")
    quiz.cards[0]._on_browser_message(quiz.cards[0], {"action": "hello", "session": token, "class_code": "9-9", "student": "7"}, [])
    assert quiz.resumed and quiz.number == 1
    assert quiz.cards[0].result["correct"] is False and quiz.cards[0].result["response"] == [1]
    assert len(kept.stored) == 6  # nothing stored twice
    quiz.submit([0, 2])
    new = kept.stored[6]
    assert (new.item, new.session, new.class_code, new.student, new.bank) == ("q-multi", token, "2-3", "7", "quizzes/sample.csv")


def test_resume_ignores_a_forged_token(bank, kept):
    quiz = Quiz(bank, sitting=Sitting(store=kept))
    quiz.cards[0]._on_browser_message(quiz.cards[0], {"action": "hello", "session": "../../etc"}, [])
    assert not quiz.resumed and not quiz.sitting.identified


def test_cards_are_built_when_shown(bank):
    quiz = Quiz(bank)
    assert len(quiz.cards) == 1
    quiz.submit([0])
    quiz.next()
    assert len(quiz.cards) == 2 and quiz.current.question_id == "q-multi"


def test_markup_in_a_teachers_text_reaches_the_page_as_text(bank):
    import dataclasses

    from kit.content.text import Text

    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    question = dataclasses.replace(bank.questions[0], text=Text(hostile, hostile))
    for furigana in (False, True):
        shown = QuizCard(question, furigana=furigana).question["text_html"]
        assert "<script>" not in shown and "<img" not in shown and "&lt;script&gt;" in shown


def test_a_student_sees_their_own_form_before_and_the_other_after_kept_across_a_reload(tmp_path):
    from kit.content.forms import forms
    from kit.store import open_store

    bank = load_quiz(FIXTURES / "datasets" / "quizzes" / "forms.yaml")
    ids = {form: [q.id for q in qs] for form, qs in forms(bank.questions).items()}
    where = tmp_path / "results.sqlite3"
    seen = {}
    for token in ("ab" * 16, "cd" * 16, "ef" * 16, "01" * 16):
        sitting = Sitting(class_code="2-3", lesson="demo", store=open_store(where))
        pre = Quiz(bank, phase="pre", sitting=sitting, file="quizzes/forms.yaml")
        post = Quiz(bank, phase="post", sitting=sitting, file="quizzes/forms.yaml")
        assert pre.form == post.form == "" and pre.cards == []  # nobody known yet: no question of either form
        assert pre.children == (pre.waiting,) and pre.waiting.question == {}
        pre.waiting._on_browser_message(pre.waiting, {"action": "hello", "session": token}, [])
        assert {pre.form, post.form} == {"A", "B"}
        assert [q.id for q in pre.bank.questions] == ids[pre.form] and pre.children == (pre.cards[0],)
        pre.submit([0])
        seen[token] = pre.form
        reloaded = Sitting(class_code="2-3", lesson="demo", store=open_store(where))
        again = Quiz(bank, phase="pre", sitting=reloaded, file="quizzes/forms.yaml")
        again.waiting._on_browser_message(again.waiting, {"action": "hello", "session": token}, [])
        assert again.form == pre.form and again.number == 1  # the same form, continued after the stored answer
    assert sorted(seen.values()) == ["A", "A", "B", "B"]  # half start with A, half with B


def test_a_quiz_on_forms_says_it_is_getting_ready_and_stores_nothing_until_the_student_is_known(kept):
    from kit.text.ui import label

    bank = load_quiz(FIXTURES / "datasets" / "quizzes" / "forms.yaml")
    quiz = Quiz(bank, phase="pre", sitting=Sitting(class_code="2-3", lesson="demo", store=kept), file="quizzes/forms.yaml")
    assert quiz.waiting.labels["preparing"] == label("preparing", "ja") == "準備中…"
    assert quiz.submit([0]) is None and quiz.waiting.grade is None and kept.stored == []
    assert quiz.score == (0, 0) and not quiz.finished
