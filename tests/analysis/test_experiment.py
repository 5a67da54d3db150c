"""A class experiment's result: outcomes by arm, the difference with its interval, the sentence and the export rows."""

from __future__ import annotations

import math

from kit.analysis.experiment import arm_effect, experiment_figures, experiment_rows, experiment_summary, explain_experiment
from kit.analysis.frame import answers_frame
from tests.analysis.factories import answer

LABELS = {"control": "ふつう", "accuracy_prompt": "問いかけ"}
DESIGN = "experiment:accuracy-prompt"


def class_of(students=24, careful_prompt=4, careful_control=2):
    """Four timeline choices each; the prompted half choose ``careful_prompt`` carefully, the others fewer."""
    answers, assignments = [], []
    for k in range(students):
        session, arm = f"{k:02d}".ljust(32, "a"), ("control", "accuracy_prompt")[k % 2]
        careful = careful_prompt if arm == "accuracy_prompt" else careful_control
        careful = max(0, min(4, careful + (k % 4 == 0) - (k % 4 == 2)))
        answers += [answer(f"timeline:night:p{i}", correct=i < careful, phase="practice", session=session,
                           student=f"s{k}") for i in range(4)]
        answers.append(answer("q1", correct=True, phase="post", session=session))
        assignments.append({"lesson": "demo", "design": DESIGN, "session": session, "arm": arm, "student": f"s{k}",
                            "class_code": "2-3", "assigned_at": "2026-11-01T01:00:00.000+00:00"})
    return answers_frame(answers), assignments


def test_each_assigned_student_gets_one_row_with_their_arm_and_outcome():
    frame, assignments = class_of(4)
    rows = experiment_rows(frame, assignments + [{**assignments[0], "design": "forms"}], DESIGN, "careful")
    assert len(rows) == 4 and list(rows["experiment"].unique()) == ["accuracy-prompt"]
    assert set(rows["arm"]) == {"control", "accuracy_prompt"} and rows["value"].between(0, 1).all()
    post = experiment_rows(frame, assignments, DESIGN, "post_score")
    assert (post["value"] == 1.0).all()


def test_the_effect_is_the_treatment_minus_the_control_with_an_interval_and_a_plain_sentence():
    frame, assignments = class_of()
    result = arm_effect(experiment_rows(frame, assignments, DESIGN, "careful"), ("control", "accuracy_prompt"))
    assert result["students"] == (12, 12) and math.isclose(result["effect"], 0.5)
    assert 0 < result["low"] <= 0.5 <= result["high"]
    sentence = explain_experiment(result, LABELS, "careful")
    assert sentence.startswith("「問いかけ」の群は「ふつう」の群より、タイムラインで慎重に選んだ割合が高くなりました")
    assert "差 +50 ポイント" in sentence


def test_no_difference_and_a_small_class_are_said_plainly():
    frame, assignments = class_of(careful_prompt=2, careful_control=2)
    result = arm_effect(experiment_rows(frame, assignments, DESIGN, "careful"), ("control", "accuracy_prompt"))
    assert "まだ言えません" in explain_experiment(result, LABELS, "careful") and "-0 " not in explain_experiment(result, LABELS, "careful")
    frame, assignments = class_of(8)
    small = arm_effect(experiment_rows(frame, assignments, DESIGN, "careful"), ("control", "accuracy_prompt"))
    assert "4 人" in explain_experiment(small, LABELS, "careful") and "10 人以上" in explain_experiment(small, LABELS, "careful")
    assert "too few" in explain_experiment(small, LABELS, "careful", "en")


def test_the_teachers_table_gives_means_and_an_interval_only_when_there_is_one():
    frame, assignments = class_of()
    arms = ("control", "accuracy_prompt")
    figures = experiment_figures(arm_effect(experiment_rows(frame, assignments, DESIGN, "careful"), arms), LABELS, "careful")
    assert figures["means"] == ["50%", "100%"] and figures["difference_heading"] == "差（「問いかけ」−「ふつう」）"
    assert figures["difference"].startswith("+50 ポイント（95% の範囲 +")
    frame, assignments = class_of(2)  # one student in each arm: their means, but no interval to give
    one_each = experiment_figures(arm_effect(experiment_rows(frame, assignments, DESIGN, "careful"), arms), LABELS, "careful", "en")
    assert one_each["difference"].endswith("(the 95% interval shows once each arm has 2 or more students)")
    frame, assignments = class_of(1)  # nobody in the second arm yet
    empty = experiment_figures(arm_effect(experiment_rows(frame, assignments, DESIGN, "careful"), arms), LABELS, "careful")
    assert empty["means"][1] == "—" and empty["difference"] == "—"


def test_a_difference_that_rounds_to_nothing_is_never_minus_zero():
    result = {"arms": ("control", "accuracy_prompt"), "students": (12, 12), "means": (0.5012, 0.4991),
              "effect": -0.0021, "low": -0.004, "high": 0.2}
    figures = experiment_figures(result, LABELS, "careful")
    assert figures["difference"] == "+0 ポイント（95% の範囲 +0 〜 +20）"
    assert "-0" not in explain_experiment(result, LABELS, "careful")


def test_the_summary_gives_per_class_and_lesson_the_arm_means_the_difference_its_interval_and_the_sentence():
    frame, assignments = class_of()
    small, few = class_of(2)
    rows = experiment_rows(frame, assignments, DESIGN, "careful")
    other = experiment_rows(small, few, DESIGN, "careful").assign(class_code="1-1")
    import pandas as pd

    summary = experiment_summary(pd.concat([rows, other]), ("control", "accuracy_prompt"), LABELS, "careful",
                                 {"demo": "偽・誤情報"})
    assert list(summary["class_code"]) == ["1-1", "2-3"] and set(summary["lesson_title"]) == {"偽・誤情報"}
    big = summary.iloc[1]
    assert (big["first_arm"], big["first_students"], big["second_arm"], big["second_students"]) == ("ふつう", 12, "問いかけ", 12)
    assert math.isclose(big["arm_difference"], big["second_mean"] - big["first_mean"]) and math.isclose(big["arm_difference"], 0.5)
    assert 0 < big["arm_difference_low"] <= 0.5 <= big["arm_difference_high"]
    assert big["verdict"] == explain_experiment(arm_effect(rows, ("control", "accuracy_prompt")), LABELS, "careful")
    assert big["outcome"] == "タイムラインで慎重に選んだ割合" and big["experiment"] == "accuracy-prompt"
    one_each = summary.iloc[0]  # one student in each arm: no interval, and the sentence says it is too early
    assert one_each["first_students"] == 1 and math.isnan(one_each["arm_difference_low"])
    assert "まだ判断できません" in one_each["verdict"]
