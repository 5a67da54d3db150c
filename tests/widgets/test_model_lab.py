"""CreatorIncomeLab and EstimateExplorer driven from code, as their sliders would."""

from __future__ import annotations

import pytest

from kit.content.estimates import load_estimates
from kit.content.facts import load_all_facts
from kit.lesson import Lesson
from kit.models.creator_income import IncomeParams
from kit.models.parameters import specs
from kit.widgets.creator_income_lab import CreatorIncomeLab
from kit.widgets.estimate_explorer import EstimateExplorer
from kit.widgets.problem_card import ProblemCard
from tests.conftest import REPO

DATASETS = REPO / "datasets"


def bars(widget, chart: int) -> list[float]:
    return [r["value"] for r in widget.output["charts"][chart]["rows"]]


def test_sliders_come_from_the_parameter_metadata():
    lab = CreatorIncomeLab()
    assert [s["name"] for s in lab.controls] == [s.name for s in specs(IncomeParams)]
    royalty = next(s for s in lab.controls if s["name"] == "royalty_rate")
    assert royalty["assumption"] and (royalty["min"], royalty["max"], royalty["step"]) == (0.03, 0.2, 0.01)
    assert royalty["label"] == "作者の印税率" and "作者に届く割合" in royalty["help_html"]  # help from kit/text/params.yaml
    price = next(s for s in lab.controls if s["name"] == "price")
    assert not price["assumption"] and "ABJ" in price["source_html"]
    assert lab.shown["pirate_share"] == "30%" and lab.shown["readers"] == "2万人" and lab.values["readers"] == 20000


def test_moving_a_slider_redraws_and_a_bad_value_is_refused():
    lab = CreatorIncomeLab()
    before = bars(lab, 0)
    assert lab.set(pirate_share=0.7)
    after = bars(lab, 0)
    assert after[1] < before[1] and "70%" in lab.output["headline_html"]
    assert not lab.set(pirate_share=3)
    assert "0%〜95%" in lab.error and bars(lab, 0) == after
    lab._on_browser_message(lab, {"action": "set", "values": {"readers": 50000}}, [])
    assert lab.params.readers == 50000 and lab.error == ""
    lab._on_browser_message(lab, {"action": "reset"}, [])
    assert lab.params == IncomeParams()


def test_english_labels():
    lab = CreatorIncomeLab(lang="en")
    assert lab.output["charts"][0]["title_html"].startswith("Author")
    assert "yen" in lab.output["headline_html"]


def test_estimate_explorer_moves_the_headline():
    ex = EstimateExplorer(load_estimates(DATASETS / "estimates" / "piracy_losses.yaml"), load_all_facts(DATASETS / "facts"))
    assert "8.5兆円" in ex.output["headline_html"]
    assert bars(ex, 0)[0] == pytest.approx(8.5e12) and bars(ex, 0)[1] == pytest.approx(8.5e12)
    ex.set(minutes_per_volume=60)
    assert bars(ex, 0)[1] == pytest.approx(4.25e12) and bars(ex, 0)[0] == pytest.approx(8.5e12)
    assert len(ex.output["table"]["rows"]) == 5 and len(ex.prompts) == 5
    assert ex.output["table"]["caption_html"] == "発表されたいろいろな推計"  # names the table and its scroll region
    assert any("6,031億円" in cell for row in ex.output["table"]["rows"] for cell in row)
    assert any("2025-10" in row[-1] for row in ex.output["table"]["rows"])  # every figure with its source and date


def test_a_lesson_shows_a_problem_card_for_a_bad_value_or_a_missing_fact(tmp_path, monkeypatch):
    lesson = Lesson("piracy-test", params={})
    card = lesson.creator_income(pirate_share=2)
    assert isinstance(card, ProblemCard) and "0%〜95%" in card.problems[0].why
    assert isinstance(lesson.creator_income(readers=5000), CreatorIncomeLab)
    broken = tmp_path / "estimates.yaml"
    broken.write_text((DATASETS / "estimates" / "piracy_losses.yaml").read_text("utf-8").replace(
        "fact: abj-loss-2024", "fact: abj-loss-2099"), "utf-8")
    card = lesson.estimate_explorer(str(broken))
    assert isinstance(card, ProblemCard) and "abj-loss-2099" in card.problems[0].why


def test_a_lesson_shows_a_problem_card_for_an_assumption_out_of_range(tmp_path):
    broken = tmp_path / "estimates.yaml"
    broken.write_text((DATASETS / "estimates" / "piracy_losses.yaml").read_text("utf-8").replace(
        "minutes_per_volume: 30", "minutes_per_volume: 0"), "utf-8")
    card = Lesson("piracy-test", params={}).estimate_explorer(str(broken))
    assert isinstance(card, ProblemCard)
    assert card.problems[0].field == "assumptions" and "5分〜120分" in card.problems[0].why
