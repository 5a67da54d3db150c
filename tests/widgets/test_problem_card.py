"""ProblemCard: the student's kind words and the teacher's sentences, sent as data, never HTML."""

from __future__ import annotations

from kit.content.errors import ContentError, ContentProblem
from kit.widgets.problem_card import ProblemCard


def problem(n: int) -> ContentProblem:
    return ContentProblem(file="quiz.csv", place=f"{n}行目", field="type", why="single か multiple にしてください",
                          why_en="use single or multiple")


def test_the_teacher_gets_one_sentence_per_problem_and_the_student_kind_words():
    card = ProblemCard(ContentError([problem(3), problem(4)]))
    assert card.sentences[0].startswith("quiz.csv: 3行目") and len(card.sentences) == 2 and card.more == 0
    assert card.labels["problem_student"].startswith("先生に知らせてください") and card.partial is False


def test_english_lesson_and_a_long_list_is_cut_with_a_count():
    card = ProblemCard(ContentError([problem(n) for n in range(25)]), lang="en", partial=True)
    assert len(card.sentences) == 20 and card.more == 5 and "use single or multiple" in card.sentences[0]
    assert card.labels["problem_partial"] == "Some questions cannot be shown"


def test_a_sentence_is_text_that_the_browser_escapes():
    card = ProblemCard(ContentError(ContentProblem(file="<b>x</b>.csv", place="", field="", why="<script>")))
    assert card.sentences == ["<b>x</b>.csv: <script>"]  # as written: the browser draws it as text
