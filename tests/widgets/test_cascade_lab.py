"""CascadeLab driven from code: the run button, rates kept in range, tables and scatter, language."""

from __future__ import annotations

import pytest

from kit.models.cascades import CascadeParams
from kit.models.networks import load_network
from kit.models.parameters import specs
from kit.widgets.cascade_lab import CascadeLab, scatter_svg
from tests.conftest import REPO


@pytest.fixture(scope="module")
def school():
    return load_network(str(REPO / "datasets" / "networks" / "school.json"))


def test_run_draws_both_comparisons_and_the_scatter(school):
    lab = CascadeLab(school, runs=60)
    assert lab.result_html == ""
    lab._on_browser_message(lab, {"action": "run", "false_rate": 0.2, "true_rate": 0.1}, [])
    assert lab.values == {"false_rate": 0.2, "true_rate": 0.1} and lab.shown["false_rate"] == "20%" and not lab.pending
    html = lab.result_html
    assert "そのまま比べる" in html and "同じ大きさどうしで比べる" in html
    assert "うその話（20%）" in html and "<circle" in html and "<table" in html
    assert lab.experiment.false_stats.runs == 60


def test_the_sliders_come_from_the_model_and_a_rate_out_of_range_is_refused(school):
    lab = CascadeLab(school, runs=5)
    assert [(c["name"], c["min"], c["max"], c["step"]) for c in lab.controls] == [
        (s.name, s.min, s.max, s.step) for s in specs(CascadeParams)]
    assert lab.controls[0]["label"] == "うその話のシェア率"
    lab._on_browser_message(lab, {"action": "set", "values": {"false_rate": 0.3}}, [])
    lab._on_browser_message(lab, {"action": "run"}, [])
    assert lab.experiment.false_rate == 0.3 and lab.error == ""
    shown = lab.result_html
    lab._on_browser_message(lab, {"action": "run", "false_rate": 5, "true_rate": "x"}, [])  # a forged message
    assert "0.3" not in lab.error and "2%〜40%" in lab.error and "（false_rate）" in lab.error
    assert lab.values["false_rate"] == 0.3 and lab.result_html == shown  # nothing ran
    lab._on_browser_message(lab, {"action": "run", "false_rate": float("nan")}, [])
    assert "数で指定" in lab.error and lab.result_html == shown


def test_english(school):
    lab = CascadeLab(school, lang="en", runs=10)
    lab.run(0.15, 0.1)
    assert "Compare as they are" in lab.result_html and lab.labels["ce_run"].startswith("Run")


def test_scatter_uses_a_log_scale_and_escapes():
    svg = scatter_svg([("<f>", "#b3261e", [(1, 0), (10, 2), (100, 4)])], "size", "depth")
    assert "&lt;f&gt;" in svg and "<f>" not in svg
    assert 'cx="52.0"' in svg and 'cx="300.0"' in svg and 'cx="548.0"' in svg
