"""Every change with its uncertainty: the bootstrap over students, and the sentences it leads to."""

from __future__ import annotations

import numpy as np

from kit.analysis.bootstrap import mean_change, sdt_intervals
from kit.analysis.explain import MIN_STUDENTS, explain_change, explain_sdt
from kit.analysis.frame import answers_frame
from kit.analysis.prepost import prepost_table
from kit.analysis.sdt import sdt_change_table, sdt_table
from tests.analysis.factories import answer, truefalse

TRUE_ITEMS = [f"t{i}" for i in range(5)]
FALSE_ITEMS = [f"f{i}" for i in range(5)]
QUESTIONS = {q.id: q for q in [truefalse(i, True) for i in TRUE_ITEMS] + [truefalse(i, False) for i in FALSE_ITEMS]}


def simulated_class(students, pre_skill, post_skill, seed=7):
    """``students`` students answer 5 true and 5 false ○× items before and after; each answer is right
    with probability ``skill``, else a coin toss."""
    rng = np.random.default_rng(seed)
    answers = []
    for s in range(students):
        for phase, skill in (("pre", pre_skill), ("post", post_skill)):
            for item in TRUE_ITEMS + FALSE_ITEMS:
                is_true = item.startswith("t")
                if rng.random() < skill:
                    said_true = is_true
                else:
                    said_true = rng.random() >= 0.5
                answers.append(answer(item, response=(0,) if said_true else (1,), correct=said_true == is_true,
                                      phase=phase, session=f"s{s}", student=f"{s + 1}"))
    return answers_frame(answers)


def test_the_same_answers_and_seed_give_the_same_interval_and_another_seed_another():
    rng = np.random.default_rng(1)
    pre, post = rng.random(25), rng.random(25)
    assert mean_change(pre, post, seed=3) == mean_change(pre, post, seed=3)
    assert mean_change(pre, post, seed=3) != mean_change(pre, post, seed=4)
    frame = simulated_class(12, 0.2, 0.6)
    first = sdt_change_table(frame, QUESTIONS)
    assert first.equals(sdt_change_table(frame, QUESTIONS))


def test_each_interval_covers_its_estimate_and_the_estimates_are_the_class_figures():
    frame = simulated_class(30, 0.3, 0.7)
    row = sdt_change_table(frame, QUESTIONS).iloc[0]
    for measure in ("d_prime", "c"):
        for phase in ("pre", "post", "change"):
            key = f"{measure}_{phase}"
            assert row[f"{key}_low"] <= row[key] <= row[f"{key}_high"], key
    pooled = sdt_table(frame, QUESTIONS).set_index("phase")
    assert row["d_prime_pre"] == pooled.loc["pre", "d_prime"] and row["c_post"] == pooled.loc["post", "c"]
    change = prepost_table(frame).iloc[0]
    assert change["change_low"] <= change["change_mean"] <= change["change_high"]
    interval = mean_change(np.array([0.5, 0.5]), np.array([0.5, 1.0]))
    assert interval.low <= interval.estimate == 0.25 <= interval.high


def test_three_students_are_too_few_to_conclude_anything_however_big_the_change():
    frame = simulated_class(3, 0.0, 1.0)
    row = sdt_change_table(frame, QUESTIONS).iloc[0]
    assert row["students_both"] == 3 and row["d_prime_post"] - row["d_prime_pre"] > 2
    sentences = explain_sdt(row)
    assert len(sentences) == 1 and "3 人だけ" in sentences[0] and f"{MIN_STUDENTS} 人以上" in sentences[0]
    assert "見分ける力が上がりました" not in sentences[0]
    assert "Only 3 students" in explain_sdt(row, "en")[0]
    scores = explain_change(prepost_table(frame).iloc[0])
    assert "3 人だけ" in scores and "上がりました" not in scores


def test_a_class_that_did_not_change_is_told_the_change_is_too_uncertain():
    frame = simulated_class(30, 0.4, 0.4, seed=11)
    row = sdt_change_table(frame, QUESTIONS).iloc[0]
    assert row["d_prime_change_low"] < 0 < row["d_prime_change_high"]
    sensitivity, bias = explain_sdt(row)
    assert "0 をまたぐ" in sensitivity and "まだ言えません" in sensitivity and "上がりました" not in sensitivity
    assert "0 をまたぐ" in bias
    assert "includes 0" in explain_sdt(row, "en")[0]
    change = prepost_table(frame).iloc[0]
    if change["change_low"] < 0 < change["change_high"]:
        assert "0 をまたぐ" in explain_change(change)


def test_a_clearly_improving_class_of_30_is_told_it_got_better_with_its_interval():
    frame = simulated_class(30, 0.1, 0.8)
    row = sdt_change_table(frame, QUESTIONS).iloc[0]
    assert row["students_both"] == 30 and row["d_prime_change_low"] > 0
    sentences = explain_sdt(row)
    assert sentences[0].startswith("授業の後、本当の話とうその話を見分ける力が上がりました")
    assert "95% の範囲" in sentences[0] and f"{row['d_prime_change_low']:+.2f}" in sentences[0]
    scores = explain_change(prepost_table(frame).iloc[0])
    assert scores.startswith("授業の後、点数が上がりました") and "95% の範囲" in scores


def test_a_value_that_rounds_to_zero_never_shows_as_minus_zero():
    row = {"students_both": 30, "d_prime_pre": -0.001, "d_prime_post": 0.004, "d_prime_change": -0.004,
           "d_prime_change_low": -0.3, "d_prime_change_high": 0.2, "c_pre": -0.002, "c_post": -0.0049,
           "c_change": -0.0029, "c_change_low": -0.004, "c_change_high": 0.3}
    text = " ".join(explain_sdt(row) + explain_sdt(row, "en") + explain_sdt({**row, "students_both": 3}))
    assert "-0.00" not in text and "0.00 → 0.00" in text
    paired = {"paired": 12, "change_mean": -0.001, "change_low": -0.004, "change_high": 0.1}
    assert "-0 " not in explain_change(paired) and "+0 〜 +10" in explain_change(paired)


def test_no_students_give_no_interval_and_the_teacher_is_told_nothing_can_be_compared():
    assert np.isnan(mean_change(np.array([]), np.array([])).low)
    assert all(np.isnan(i.low) for i in sdt_intervals(np.zeros((0, 4)), np.zeros((0, 4))).values())
    assert explain_sdt(None) == ["授業の前と後の両方で○×問題の答えがそろっていないので、比べられません。"]
