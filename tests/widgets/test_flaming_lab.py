"""FlamingLab driven from code, as its sliders and button would be."""

from __future__ import annotations

from kit.models.flaming import FlamingParams
from kit.models.parameters import spec
from kit.widgets.flaming_lab import MAIN, FlamingLab


def test_sliders_come_from_the_model_spec_main_ones_first():
    lab = FlamingLab()
    controls = {c["name"]: c for c in lab.controls}
    assert sorted(controls) == sorted(lab.values) == sorted(s.name for s in FlamingParams.specs())
    join, meta = controls["join"], spec(FlamingParams, "join")
    assert (lab.values["join"], join["min"], join["max"], join["step"]) == (meta.default, meta.min, meta.max, meta.step)
    assert join["label"] == "見た人が加わる割合" and "見た人が加わる割合" in join["label_html"]
    assert [c["name"] for c in lab.controls if c["group"] == "main"] == list(MAIN)
    assert [g["kind"] for g in lab.groups] == ["plain", "details"] and lab.groups[1]["legend"] == "くわしい設定"
    assert lab.shown["join"] == "0.06" and lab.shown["users"] == "5000"


def test_runs_with_and_without_measures_side_by_side():
    lab = FlamingLab(seed=2)
    without, with_measures = lab.result
    assert without.params.report_rate == 0 and without.params.mute_share == 0
    assert with_measures.params == lab.params
    panels = lab.charts["panels"]
    assert [p["name"] for p in panels] == ["報告・ミュートなし", "報告・ミュートあり"]
    assert [p["posts"] for p in panels] == [[r.posts for r in run.rounds] for run in lab.result]
    assert max(max(p["posts"]) for p in panels) <= lab.charts["top"]  # one scale for both runs
    assert "投稿" in panels[0]["facts"][0] and str(without.total_posts) in panels[0]["facts"][0]
    lines = lab.charts["lorenz"]["lines"]
    assert [line["top_share"] for line in lines] == [round(run.top_share(0.1) * 100) for run in lab.result]
    assert lines[0]["points"][0] == [0, 0] and lines[0]["points"][-1] == [1, 1]
    assert "モデル" in lab.summary[1]  # the numbers are the model's, and say so


def test_moving_a_slider_and_pressing_the_button_changes_the_run():
    lab = FlamingLab(seed=1)
    before = lab.result[1].total_posts
    lab._on_browser_message(lab, {"action": "set", "values": {"report_rate": 0.0, "mute_share": 0.0}}, [])
    assert lab.runs == 1  # moving sliders does not run the model
    lab._on_browser_message(lab, {"action": "run"}, [])  # the button
    assert lab.runs == 2
    assert lab.result[0].total_posts == lab.result[1].total_posts  # no measures: both runs are the same
    assert lab.result[1].total_posts >= before
    assert "0% へり" in lab.summary[0]


def test_english_and_furigana():
    assert FlamingLab(lang="en").charts["panels"][0]["name"] == "Without reporting or muting"
    lab = FlamingLab(furigana=True)
    assert "<ruby>" in lab.controls[0]["label_html"] and lab.controls[0]["label"] == "見た人が加わる割合"
    assert "<ruby>" in lab.labels["__ruby"]["くわしい設定"]  # the disclosure has readings too
    assert "<ruby>" in lab.heading["title_html"]


def test_out_of_range_values_are_refused_with_a_message_and_change_nothing():
    lab = FlamingLab()
    assert lab.set(join=0.9) is False  # a slider cannot go past its range; a forged message or a teacher's code could
    assert "0〜0.5" in lab.error and "（join）" in lab.error and lab.params.join == 0.06
    lab._on_browser_message(lab, {"action": "set", "values": {"rounds": "lots", "__class__": 1}}, [])
    assert "rounds" in lab.error and lab.params == FlamingParams()
    assert lab.run() is not None and lab.set(join=0.1) and lab.error == ""


def test_lesson_builds_the_lab_and_turns_a_bad_value_into_a_card():
    from kit.lesson import Lesson
    from kit.widgets.problem_card import ProblemCard

    lesson = Lesson("demo", params={})
    lab = lesson.flaming_lab(join=0.1, seed=3)
    assert isinstance(lab, FlamingLab) and lab.values["join"] == 0.1 and lab.seed == 3
    card = lesson.flaming_lab(join=2.0)
    assert isinstance(card, ProblemCard) and "見た人が加わる割合" in " ".join(card.sentences) and "Traceback" not in str(card.get_state())
    assert isinstance(lesson.flaming_lab(nonsense=1), ProblemCard)


def test_preheated_kernels_warm_both_components(tmp_path):
    import json

    from kit.warmup import warm_components

    nb = {"cells": [{"cell_type": "code", "source": "lesson.post_checker()\nlesson.flaming_lab()"}],
          "metadata": {"netkit": {"id": "demo-warm"}}}
    (tmp_path / "demo.ipynb").write_text(json.dumps(nb), "utf-8")
    assert warm_components("demo-warm", tmp_path) == ["kit.widgets.post_checker", "kit.widgets.flaming_lab"]
