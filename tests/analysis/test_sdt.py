"""sdt_table: hits, false alarms, d′ and c on ○× items, with the log-linear correction."""

from __future__ import annotations

import math

import pytest

from kit.analysis.frame import answers_frame
from kit.analysis.sdt import sdt_measures, sdt_table
from tests.analysis.factories import answer, question, truefalse

TRUE_ITEMS = ["t1", "t2", "t3", "t4"]
FALSE_ITEMS = ["f1", "f2", "f3", "f4"]
QUESTIONS = {q.id: q for q in [truefalse(i, True) for i in TRUE_ITEMS] + [truefalse(i, False) for i in FALSE_ITEMS]}


def _class(phase, hits, false_alarms, students=5):
    """``students`` students answer the 4 true and 4 false items; the first ``hits`` true trials and
    the first ``false_alarms`` false trials are answered ○ (response (0,)), the rest ×."""
    answers = []
    for items, said_true, is_true in ((TRUE_ITEMS, hits, True), (FALSE_ITEMS, false_alarms, False)):
        for k in range(students * len(items)):
            mark = (0,) if k < said_true else (1,)
            answers.append(answer(items[k % 4], response=mark, correct=(mark == (0,)) == is_true,
                                  phase=phase, session=f"s{k // 4}"))
    return answers


def test_worked_example_before_and_after():
    # pre: 20 true trials, 14 hits; 20 false trials, 10 false alarms
    #   H = (14 + 0.5) / 21 = 0.690476, F = (10 + 0.5) / 21 = 0.5 → z(F) = 0
    #   d′ = z(0.690476) − 0 = 0.497201; c = −(0.497201 + 0) / 2 = −0.248600 (leans to ○)
    # post: 16 hits, 4 false alarms
    #   H = 16.5 / 21 = 0.785714, F = 4.5 / 21 = 0.214286 = 1 − H → z(F) = −z(H), so c = 0
    #   d′ = 2 × z(0.785714) = 2 × 0.791639 = 1.583277
    table = sdt_table(answers_frame(_class("pre", 14, 10) + _class("post", 16, 4)), QUESTIONS).set_index("phase")
    pre, post = table.loc["pre"], table.loc["post"]
    assert pre[["true_trials", "hits", "false_trials", "false_alarms"]].tolist() == [20, 14, 20, 10]
    assert pre["hit_rate"] == pytest.approx(14.5 / 21) and pre["false_alarm_rate"] == pytest.approx(0.5)
    assert pre["d_prime"] == pytest.approx(0.497200570681554)
    assert pre["c"] == pytest.approx(-0.248600285340777)
    assert post["d_prime"] == pytest.approx(1.5832772154867492)
    assert post["c"] == pytest.approx(0.0, abs=1e-12)


def test_perfect_answers_stay_finite():
    # 20/20 hits, 0/20 false alarms: H = 20.5/21, F = 0.5/21 → d′ = 2 × z(0.97619) = 3.961505
    row = sdt_table(answers_frame(_class("post", 20, 0)), QUESTIONS).iloc[0]
    assert 0 < row["false_alarm_rate"] < row["hit_rate"] < 1
    assert row["d_prime"] == pytest.approx(3.961504793294557)


def test_only_truefalse_items_count():
    answers = _class("pre", 14, 10) + [answer("s1", response=(0,), phase="pre")]
    questions = QUESTIONS | {"s1": question("s1")}
    row = sdt_table(answers_frame(answers), questions).iloc[0]
    assert row["true_trials"] + row["false_trials"] == 40


def test_without_false_items_measures_are_missing():
    assert all(math.isnan(v) for v in sdt_measures(4, 3, 0, 0))
    answers = [a for a in _class("pre", 14, 10) if a.item in TRUE_ITEMS]
    assert math.isnan(sdt_table(answers_frame(answers), QUESTIONS).loc[0, "d_prime"])


def test_no_answers_no_rows():
    assert sdt_table(answers_frame([]), QUESTIONS).empty
