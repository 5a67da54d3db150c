"""item_table: correct rate and most chosen wrong answer per item, hardest first."""

from __future__ import annotations

import math

import pytest

from kit.analysis.frame import answers_frame
from kit.analysis.items import item_table
from kit.content.quiz import QuestionType
from tests.analysis.factories import answer, question, truefalse


def _class(item, responses, right):
    """One answer per student (s0, s1, …) with the given responses; ``right`` is the correct one."""
    return [answer(item, response=r, correct=r == right, session=f"s{i}") for i, r in enumerate(responses)]


def test_most_chosen_wrong_answer_and_its_share_of_all_answers():
    # 10 students: 6 pick A (right), 3 pick C, 1 picks B → correct rate 0.6, top wrong C at 3/10
    answers = _class("q1", [(0,)] * 6 + [(2,)] * 3 + [(1,)], right=(0,))
    row = item_table(answers_frame(answers), {"q1": question("q1")}).iloc[0]
    assert row["n"] == 10 and row["correct_rate"] == pytest.approx(0.6)
    assert (row["top_wrong"], row["top_wrong_response"]) == ("C", "3")
    assert row["top_wrong_share"] == pytest.approx(0.3)
    assert row["text"] == "q1の問題文"


def test_in_english_and_without_questions():
    answers = _class("q1", [(0,), (2,), (2,)], right=(0,))
    assert item_table(answers_frame(answers), {"q1": question("q1")}, lang="en").loc[0, ["top_wrong", "text"]].tolist() == ["en:C", "q1 text"]
    bare = item_table(answers_frame(answers)).iloc[0]
    assert (bare["top_wrong"], bare["text"]) == ("3", "")


def test_a_wrong_multiple_choice_set_counts_whole_and_in_any_order():
    # right is {A, C}; wrong sets: {A, B} ×1, {B, C} written twice in two orders → {B, C} wins at 2/4
    answers = _class("m1", [(0, 2), (0, 1), (1, 2), (2, 1)], right=(0, 2))
    multiple = question("m1", QuestionType.MULTIPLE, answer=(0, 2))
    row = item_table(answers_frame(answers), {"m1": multiple}).iloc[0]
    assert (row["top_wrong"], row["top_wrong_response"], row["top_wrong_share"]) == ("B・C", "2;3", 0.5)


def test_truefalse_wrong_answer_is_the_mark():
    answers = _class("t1", [(0,), (1,), (1,)], right=(0,))
    assert item_table(answers_frame(answers), {"t1": truefalse("t1", True)}).loc[0, "top_wrong"] == "× まちがい"


def test_hardest_items_come_first_and_all_right_has_no_wrong_answer():
    answers = (_class("easy", [(0,)] * 4, right=(0,))
               + _class("hard", [(0,), (1,), (1,), (1,)], right=(0,))
               + _class("mid", [(0,), (0,), (1,), (1,)], right=(0,)))
    table = item_table(answers_frame(answers))
    assert list(table["item"]) == ["hard", "mid", "easy"]
    assert table.loc[2, ["top_wrong", "top_wrong_share"]].tolist() == ["", 0.0]


def test_phases_are_separate_rows():
    answers = [answer("q1", response=(1,), correct=False, phase="pre"), answer("q1", phase="post")]
    table = item_table(answers_frame(answers)).set_index("phase")
    assert table.loc["pre", "correct_rate"] == 0 and table.loc["post", "correct_rate"] == 1


def test_order_items_show_the_wrong_sequence():
    # right order A→B→C; two students swap the first two
    answers = _class("o1", [(0, 1, 2), (1, 0, 2), (1, 0, 2)], right=(0, 1, 2))
    order = question("o1", QuestionType.ORDER, answer=(0, 1, 2))
    assert item_table(answers_frame(answers), {"o1": order}).loc[0, "top_wrong"] == "B→A→C"


def _words(item, response):
    """Words as a component's describe gives them: a lateral task's answer, whatever pages were opened first."""
    from kit.analysis.describe.words import Described

    if item == "q1":
        return None
    first = response.split(";")[0]
    return Described(f"{item} text", f"answer {first}" + (" (checked)" if ";" in response else ""),
                     scored=not item.startswith("game:"))


def test_described_answers_count_together_by_their_words():
    answers = [answer("lateral:f:t", response=r, correct=r[0] == 1, session=f"s{i}")
               for i, r in enumerate([(0, 0, 1), (0, 0, 2), (0, 0), (2,), (1,)])]
    row = item_table(answers_frame(answers), describe=_words).iloc[0]
    assert row["text"] == "lateral:f:t text" and row["correct_rate"] == pytest.approx(0.2)
    assert (row["top_wrong"], row["top_wrong_share"]) == ("answer 1 (checked)", pytest.approx(0.6))
    assert row["top_wrong_response"] in ("1;1;2", "1;1;3", "1;1") and row["top_choice"] == "answer 1 (checked)"


def test_an_item_without_right_or_wrong_has_no_rate_and_no_wrong_answer():
    answers = [answer("game:g:s", response=(r,), correct=True, session=f"s{i}") for i, r in enumerate([0, 1, 1])]
    answers += [answer("q1", response=(1,), correct=False)]
    table = item_table(answers_frame(answers), {"q1": question("q1")}, describe=_words).set_index("item")
    game = table.loc["game:g:s"]
    assert math.isnan(game["correct_rate"]) and game["top_wrong"] == "" and game["top_wrong_share"] == 0
    assert (game["top_choice"], game["top_choice_share"]) == ("answer 2", pytest.approx(2 / 3))
    assert table.index.tolist() == ["q1", "game:g:s"]  # an item without a rate comes last
    assert table.loc["q1", "top_wrong"] == "B" and table.loc["q1", "text"] == "q1の問題文"  # quiz questions as before
