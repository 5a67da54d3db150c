"""CascadeLab driven from code: the run button, rates kept in range, tables and scatter, language."""

from __future__ import annotations

import pytest

from kit.models.networks import load_network
from kit.widgets.cascade_lab import CascadeLab, scatter_svg
from tests.conftest import REPO


@pytest.fixture(scope="module")
def school():
    return load_network(str(REPO / "datasets" / "networks" / "school.json"))


def test_run_draws_both_comparisons_and_the_scatter(school):
    lab = CascadeLab(school, runs=60)
    assert lab.result_html == ""
    lab._on_browser_message(lab, {"action": "run", "false_rate": 0.2, "true_rate": 0.1}, [])
    assert (lab.false_rate, lab.true_rate) == (0.2, 0.1) and not lab.pending
    html = lab.result_html
    assert "そのまま比べる" in html and "同じ大きさどうしで比べる" in html
    assert "うその話（20%）" in html and "<circle" in html and "<table" in html
    assert lab.experiment.false_stats.runs == 60


def test_rates_are_kept_within_the_sliders(school):
    lab = CascadeLab(school, runs=5)
    lab.run(5, "x")
    assert lab.false_rate == 0.4 and lab.true_rate == 0.1
    lab.run(-1, 0.333)
    assert lab.false_rate == 0.02 and lab.true_rate == 0.33


def test_english(school):
    lab = CascadeLab(school, lang="en", runs=10)
    lab.run(0.15, 0.1)
    assert "Compare as they are" in lab.result_html and lab.labels["ce_run"].startswith("Run")


def test_scatter_uses_a_log_scale_and_escapes():
    svg = scatter_svg([("<f>", "#b3261e", [(1, 0), (10, 2), (100, 4)])], "size", "depth")
    assert "&lt;f&gt;" in svg and "<f>" not in svg
    assert 'cx="52.0"' in svg and 'cx="300.0"' in svg and 'cx="548.0"' in svg
