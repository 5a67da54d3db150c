"""Item difficulty across classes: the correct rate, agreement with the rest of the test, and what stands out."""

from __future__ import annotations

from kit.analysis.difficulty import difficulty_notes, difficulty_table, flagged
from kit.analysis.frame import answers_frame
from tests.analysis.factories import answer


def school(students_per_class=8, classes=("2-1", "2-2")):
    """Pre: 'easy' is known by all; 'key' is missed exactly by the strong students. Post: 'hard' is missed by most."""
    answers = []
    for c in classes:
        for k in range(students_per_class):
            s, strong = f"{c}-{k}", k % 2 == 0
            answers += [answer("easy", correct=True, session=s, class_code=c),
                        answer("good1", correct=strong, session=s, class_code=c),
                        answer("good2", correct=strong or k % 4 == 1, session=s, class_code=c),
                        answer("good3", correct=strong, session=s, class_code=c),
                        answer("good4", correct=strong and k != 2, session=s, class_code=c),
                        answer("key", correct=not strong, session=s, class_code=c),
                        answer("hard", correct=k == 1, phase="post", session=s, class_code=c),
                        answer("fine", correct=k % 3 != 0, phase="post", session=s, class_code=c),
                        answer("fine2", correct=k % 3 != 0 or k == 0, phase="post", session=s, class_code=c),
                        answer("lab:1", correct=True, phase="practice", session=s, class_code=c)]
    return answers_frame(answers)


def test_every_quiz_item_gets_its_rate_over_every_class():
    table = difficulty_table(school(), {"easy": "A", "key": "A"}).set_index(["item", "phase"])
    assert table.loc[("easy", "pre"), "correct_rate"] == 1.0 and table.loc[("easy", "pre"), "answered"] == 16
    assert table.loc[("easy", "pre"), "classes"] == 2 and table.loc[("easy", "pre"), "form"] == "A"
    assert table.loc[("good1", "pre"), "discrimination"] > 0.5
    assert ("lab:1", "practice") not in table.index  # a lab's answers are not questions


def test_too_easy_too_hard_and_reversed_questions_stand_out():
    marked = flagged(difficulty_table(school()))
    flags = dict(zip(marked["item"], marked["flag"], strict=True))
    assert flags == {"key": "reversed", "hard": "too_hard", "easy": "too_easy"}


def test_a_few_answers_mark_nothing():
    assert flagged(difficulty_table(school(students_per_class=4))).empty  # 8 students: under the 10 needed


def test_each_question_that_stands_out_gets_one_plain_sentence_naming_it():
    notes = difficulty_notes(difficulty_table(school(), {"key": "B"}), {"key": "匿名なら絶対にわからない。"})
    assert len(notes) == 3
    assert notes[0].startswith("「匿名なら絶対にわからない。」（フォームB）は、ほかの問題がよくできた生徒ほどまちがえていました")
    assert "授業の前から 100% が正解" in notes[2] and "2 クラス 16 人" in notes[2]
    assert "answer" in difficulty_notes(difficulty_table(school()), lang="en")[1]
