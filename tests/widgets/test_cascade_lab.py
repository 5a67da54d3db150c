"""CascadeLab driven from code: the run button, rates kept in range, tables and scatter, language."""

from __future__ import annotations

import pytest

from kit.models.cascades import CascadeParams
from kit.models.networks import load_network
from kit.models.parameters import specs
from kit.widgets.cascade_lab import CascadeLab, scatter_view
from tests.conftest import REPO


@pytest.fixture(scope="module")
def school():
    return load_network(str(REPO / "datasets" / "networks" / "school.json"))


def test_run_draws_both_comparisons_and_the_scatter(school):
    lab = CascadeLab(school, runs=60)
    assert lab.result == {}
    lab._on_browser_message(lab, {"action": "run", "false_rate": 0.2, "true_rate": 0.1}, [])
    assert lab.values == {"false_rate": 0.2, "true_rate": 0.1} and lab.shown["false_rate"] == "20%" and not lab.pending
    raw, matched = lab.result["tables"]
    assert "そのまま比べる" in raw["title"] and "同じ大きさどうしで比べる" in matched["title"]
    stats = lab.experiment.false_stats
    assert raw["rows"][0]["cells"] == ["うその話（20%）", f"{stats.mean_size:.1f}", f"{stats.mean_depth:.1f}",
                                       f"{stats.large * 100:.0f}%", str(stats.largest)]
    assert all(len(row["cells"]) == len(matched["columns"]) for row in matched["rows"]) and matched["rows"]
    dots = {line["key"]: line["points"] for line in lab.result["scatter"]["series"]}
    assert len(dots["false"]) == sum(1 for c in lab.experiment.false_runs if c.size >= 1) > 0
    assert lab.experiment.false_stats.runs == 60


def test_the_sliders_come_from_the_model_and_a_rate_out_of_range_is_refused(school):
    lab = CascadeLab(school, runs=5)
    assert [(c["name"], c["min"], c["max"], c["step"]) for c in lab.controls] == [
        (s.name, s.min, s.max, s.step) for s in specs(CascadeParams)]
    assert lab.controls[0]["label"] == "うその話のシェア率"
    lab._on_browser_message(lab, {"action": "set", "values": {"false_rate": 0.3}}, [])
    lab._on_browser_message(lab, {"action": "run"}, [])
    assert lab.experiment.false_rate == 0.3 and lab.error == ""
    shown = lab.result
    lab._on_browser_message(lab, {"action": "run", "false_rate": 5, "true_rate": "x"}, [])  # a forged message
    assert "0.3" not in lab.error and "2%〜40%" in lab.error and "（false_rate）" in lab.error
    assert lab.values["false_rate"] == 0.3 and lab.result == shown  # nothing ran
    lab._on_browser_message(lab, {"action": "run", "false_rate": float("nan")}, [])
    assert "数で指定" in lab.error and lab.result == shown


def test_english(school):
    lab = CascadeLab(school, lang="en", runs=10)
    lab.run(0.15, 0.1)
    assert "Compare as they are" in lab.result["tables"][0]["title"] and lab.labels["ce_run"].startswith("Run")


def test_scatter_uses_a_log_scale_with_ticks_at_powers_of_ten():
    view = scatter_view([("false", "<f>", [(1, 0), (10, 2), (100, 4), (0, 1)])], "size", "depth")
    assert view["x_ticks"] == [1, 10, 100] and view["top_x"] == 2 and view["y_ticks"] == [0, 2, 4]
    assert view["series"] == [{"key": "false", "name": "<f>", "points": [[1, 0], [10, 2], [100, 4]]}]  # text, drawn as text
