"""Pre and post on matched forms: the balanced change, the form gap and their sentences."""

from __future__ import annotations

import math

import numpy as np

from kit.analysis.forms import balanced_change, balanced_table, explain_forms, order_table, student_orders
from kit.analysis.frame import answers_frame
from tests.analysis.factories import answer

FORM_OF = {"a1": "A", "a2": "A", "a3": "A", "a4": "A", "b1": "B", "b2": "B", "b3": "B", "b4": "B"}
ITEMS = {"A": ["a1", "a2", "a3", "a4"], "B": ["b1", "b2", "b3", "b4"]}


def sitting(session, order, pre_right, post_right, class_code="2-3"):
    """A student's answers: ``pre_right`` of four right on the first form, ``post_right`` on the second."""
    first, second = order
    rows = [answer(item, correct=i < pre_right, phase="pre", session=session, class_code=class_code)
            for i, item in enumerate(ITEMS[first])]
    return rows + [answer(item, correct=i < post_right, phase="post", session=session, class_code=class_code)
                   for i, item in enumerate(ITEMS[second])]


def class_where_form_b_is_easier(students=24):
    """Everyone learns one question's worth; form B is one question easier than A, whenever it is taken."""
    answers = []
    for k in range(students):
        order = "AB" if k % 2 == 0 else "BA"
        base = 1 + k % 2  # A-first students are no weaker: spread scores a little by seat
        pre = base + (1 if order[0] == "B" else 0)
        post = base + 1 + (1 if order[1] == "B" else 0)
        answers += sitting(f"s{k:02d}", order, min(pre, 4), min(post, 4))
    return answers_frame(answers)


def test_each_sittings_order_and_scores_are_read_from_its_answers():
    frame = answers_frame(sitting("s1", "AB", 1, 3) + sitting("s2", "BA", 2, 2))
    table = student_orders(frame, FORM_OF).set_index("session")
    assert table.loc["s1", "order"] == "AB" and table.loc["s2", "order"] == "BA"
    assert (table.loc["s1", "pre_score"], table.loc["s1", "post_score"]) == (0.25, 0.75)


def test_the_balanced_change_takes_the_easier_form_out():
    frame = class_where_form_b_is_easier()
    orders = order_table(frame, FORM_OF).set_index("order")
    assert orders.loc["AB", "change_mean"] > orders.loc["BA", "change_mean"]  # the raw changes mix in the forms
    [row] = balanced_table(frame, FORM_OF).to_dict("records")
    assert row["orders"] == "AB/BA" and row["students"] == 24
    assert math.isclose(row["change"], 0.25)  # exactly the one question learned
    assert row["change_low"] <= 0.25 <= row["change_high"]
    assert row["form_gap"] < 0 and row["form_gap_high"] < 0  # form A was harder, before the lesson


def test_the_sentences_say_the_change_and_which_form_to_review():
    [row] = balanced_table(class_where_form_b_is_easier(), FORM_OF).to_dict("records")
    change, gap = explain_forms(row)
    assert "上がりました" in change and "+25 ポイント" in change
    assert "フォームAのほうがフォームBより" in gap and "難しかった" in gap and "フォームAの問題を見直して" in gap
    assert "harder" in explain_forms(row, "en")[1]


def test_a_small_class_or_one_order_is_not_judged():
    small = answers_frame(sum((sitting(f"s{k}", "AB" if k % 2 else "BA", 1, 3) for k in range(6)), []))
    [row] = balanced_table(small, FORM_OF).to_dict("records")
    assert explain_forms(row) == [
        "フォームをそろえて比べられる生徒が 6 人だけなので、まだ判断できません（10 人以上いると判断できます）。"]
    one_order = answers_frame(sum((sitting(f"s{k}", "AB", 1, 3) for k in range(12)), []))
    [row] = balanced_table(one_order, FORM_OF).to_dict("records")
    assert math.isnan(row["change"]) and "片方" in explain_forms(row)[0]


def test_no_minus_zero_and_the_interval_is_seeded():
    same = balanced_change([np.array([0.0, 0.0]), np.array([0.0, 0.0])])
    assert same.estimate == 0 and same.low == 0 and same.high == 0
    changes = [np.array([0.25, 0.5, 0.0, 0.25]), np.array([0.0, 0.25, 0.5])]
    assert balanced_change(changes) == balanced_change(changes)
    frame = answers_frame(sum((sitting(f"s{k}", "AB" if k % 2 else "BA", 2, 2) for k in range(12)), []))
    [row] = balanced_table(frame, FORM_OF).to_dict("records")
    assert "-0" not in " ".join(explain_forms(row))


def test_answers_outside_the_forms_and_one_sided_sittings_are_left_out():
    answers = sitting("s1", "AB", 2, 4) + [answer("practice-1", phase="practice", session="s1"),
                                          answer("a1", phase="pre", session="only-pre")]
    table = student_orders(answers_frame(answers), FORM_OF)
    assert list(table["session"]) == ["s1"]
