"""The teacher's page on matched forms, from stored answers and the shipped banks' forms."""

from __future__ import annotations

from pathlib import Path

from kit.content import load_quiz
from kit.content.forms import forms
from kit.serve.matched import matched_report
from kit.store.records import Answer

REPO = Path(__file__).resolve().parents[2]
BANK = "quizzes/misinformation_basics.yaml"


def class_answers(class_code, students, learned=True):
    by_form = forms(load_quiz(REPO / "datasets" / BANK).questions)
    answers = []
    for k in range(students):
        session = f"{class_code}-{k:02d}".ljust(32, "0")
        first, second = ("A", "B") if k % 2 == 0 else ("B", "A")
        for phase, form in (("pre", first), ("post", second)):
            for i, q in enumerate(by_form[form]):
                right = i == 0 or (phase == "post" and learned and i < 4) or (i == 1 and k % 3 == 0)
                answers.append(Answer("misinformation-basics", q.id, q.answer if right else (9,), right, phase, session,
                                      f"s{k}", class_code, f"2026-11-0{1 if phase == 'pre' else 2}T01:00:00.000+00:00", BANK))
    return answers


def test_the_class_is_told_its_change_on_matched_forms_and_the_school_which_questions_to_review():
    mine = class_answers("2-1", 12)
    report = matched_report(mine, mine + class_answers("2-2", 12), REPO / "datasets")
    change, gap = report["forms"]
    assert "フォームの難しさのちがいを除いても、授業の後に点数が上がりました" in change
    assert "フォームAとフォームB" in gap or "フォームAのほうが" in gap
    # the first question of each form was right for everyone before the lesson: too easy to show learning
    easy = [n for n in report["difficulty"] if "授業の前から 100% が正解" in n]
    assert len(easy) == 2 and all("2 クラス 12 人" in n for n in easy)
    assert any("たくさんの人にシェアされている情報なら" in n for n in easy)  # named by its text, not its id


def test_a_lesson_without_forms_or_answers_says_nothing_extra(tmp_path):
    assert matched_report([], [], REPO / "datasets") == {"forms": [], "difficulty": []}
