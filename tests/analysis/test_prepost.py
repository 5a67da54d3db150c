"""prepost_table: means, paired change and Hake's normalized gain per class and lesson."""

from __future__ import annotations

import math

import pytest

from kit.analysis.frame import answers_frame
from kit.analysis.prepost import prepost_table
from tests.analysis.factories import answer


def _phase(student, phase, flags, class_code="2-3"):
    return [answer(f"q{i}", correct=ok, phase=phase, session=student, student=student, class_code=class_code)
            for i, ok in enumerate(flags)]


def test_paired_change_and_normalized_gain_worked_by_hand():
    answers = (
        _phase("A", "pre", [1, 0, 0, 0]) + _phase("A", "post", [1, 1, 1, 0])  # 0.25 → 0.75: g = 0.5 / 0.75 = 2/3
        + _phase("B", "pre", [1, 1, 0, 0]) + _phase("B", "post", [1, 1, 0, 0])  # 0.50 → 0.50: g = 0
        + _phase("C", "pre", [1, 1, 1, 1]) + _phase("C", "post", [1, 1, 1, 0])  # 1.00 → 0.75: no room, no g
        + _phase("D", "pre", [0, 0, 0, 0])  # pre only: in the pre mean, not paired
        + _phase("E", "post", [1, 1, 1, 1])  # post only: in the post mean, not paired
    )
    row = prepost_table(answers_frame(answers)).iloc[0]
    assert row["pre_mean"] == pytest.approx((0.25 + 0.5 + 1 + 0) / 4)  # 0.4375
    assert row["post_mean"] == pytest.approx((0.75 + 0.5 + 0.75 + 1) / 4)  # 0.75
    assert row["paired"] == 3
    assert row["change_mean"] == pytest.approx((0.5 + 0 - 0.25) / 3)  # A, B, C
    assert row["gain_students"] == 2  # A and B; C had everything right before
    assert row["normalized_gain"] == pytest.approx((2 / 3 + 0) / 2)


def test_classes_apart_and_no_pairs_give_no_gain():
    answers = _phase("A", "pre", [1, 0], "2-3") + _phase("A", "post", [1, 1], "2-3") + _phase("B", "pre", [1, 0], "2-4")
    table = prepost_table(answers_frame(answers)).set_index("class_code")
    assert table.loc["2-3", "normalized_gain"] == pytest.approx(1.0)
    assert table.loc["2-4", "paired"] == 0 and math.isnan(table.loc["2-4", "normalized_gain"])
    assert math.isnan(table.loc["2-4", "post_mean"])
