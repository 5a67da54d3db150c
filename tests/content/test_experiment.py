"""A lesson's class experiment: read from its notebook metadata, and what netkit validate says about it."""

from __future__ import annotations

import json
from pathlib import Path

from kit.content.experiment import experiment_problems, read_experiment

REPO = Path(__file__).resolve().parents[2]
GOOD = {"id": "accuracy-prompt", "on": True, "outcome": "careful", "title_ja": "問いかけの実験",
        "arms": [{"id": "control", "label_ja": "ふつう"}, {"id": "accuracy_prompt", "label_ja": "問いかけ"}]}


def meta(**changes):
    return {"id": "demo", "experiment": {**GOOD, **changes}}


def test_a_sound_declaration_is_read_with_its_arms_and_design():
    experiment = read_experiment(meta())
    assert experiment.on and experiment.arm_ids == ("control", "accuracy_prompt")
    assert experiment.design == "experiment:accuracy-prompt" and experiment.arms[1].label.ja == "問いかけ"
    assert read_experiment({"id": "demo"}) is None and read_experiment(meta(on=False)).on is False


def test_each_problem_is_one_sentence_naming_notebook_field_and_fix():
    cases = {
        "arms": meta(arms=[{"id": "control"}]),
        "id": meta(id=""),
        "on": meta(on="yes"),
        "outcome": meta(outcome="likes"),
    }
    for field, declared in cases.items():
        [problem] = experiment_problems("lessons/misinformation/jh.ipynb", declared, ["timeline"])
        assert problem.file == "lessons/misinformation/jh.ipynb" and problem.field == f"netkit.experiment.{field}"
        assert problem.sentence().count("。") == 1, problem.sentence()
    [unknown] = experiment_problems("x.ipynb", meta(arms=[{"id": "control"}, {"id": "prebunk"}]), ["timeline"])
    assert "「prebunk」" in unknown.why and "accuracy_prompt" in unknown.why
    [same] = experiment_problems("x.ipynb", meta(arms=[{"id": "control"}, {"id": "control"}]), ["timeline"])
    assert "同じ" in same.why
    assert read_experiment(meta(outcome="likes")) is None  # a broken declaration runs no experiment


def test_a_treatment_needs_the_component_that_gives_it():
    [problem] = experiment_problems("x.ipynb", meta(), ["quiz", "section"])
    assert "lesson.timeline(…)" in problem.why and problem.field == "netkit.experiment.arms"
    assert experiment_problems("x.ipynb", meta(), ["quiz", "timeline"]) == []


def test_the_shipped_timeline_lesson_declares_the_accuracy_prompt_off_until_a_teacher_turns_it_on():
    netkit = json.loads((REPO / "lessons/misinformation/jh.ipynb").read_text("utf-8"))["metadata"]["netkit"]
    experiment = read_experiment(netkit)
    assert experiment is not None and not experiment.on and "accuracy_prompt" in experiment.arm_ids
