"""What netkit validate checks of values a teacher gives a model: the estimates file's assumptions and a
lesson's starting values for the income model, as the model checks them."""

from __future__ import annotations

import yaml

from kit.content.check import check_tree
from kit.content.estimates import load_estimates
from kit.models.lab_settings import assumption_problems
from tests.conftest import REPO

SOURCE = REPO / "datasets" / "estimates" / "piracy_losses.yaml"


def written(tmp_path, **assumptions):
    doc = yaml.safe_load(SOURCE.read_text("utf-8"))
    doc["estimates"][0]["assumptions"].update(assumptions)
    path = tmp_path / "datasets" / "estimates" / "piracy_losses.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    return path


def test_the_shipped_assumptions_are_in_range():
    assert assumption_problems(load_estimates(SOURCE)) == []


def test_an_assumption_out_of_range_or_unknown_is_named(tmp_path):
    found = assumption_problems(load_estimates(written(tmp_path, minutes_per_volume=0)))
    assert len(found) == 1 and found[0].field == "assumptions" and "5分〜120分" in found[0].why
    assert found[0].file.endswith("piracy_losses.yaml") and found[0].place
    unknown = assumption_problems(load_estimates(written(tmp_path / "b", minutes=30)))
    assert len(unknown) == 1 and "minutes" in unknown[0].why


def test_netkit_validate_reports_it(tmp_path):
    written(tmp_path, price=-5)
    report = check_tree(tmp_path / "datasets")
    assert [p.field for p in report.problems if "piracy_losses" in p.file] == ["assumptions"]


def test_netkit_validate_checks_the_income_models_starting_values_in_a_notebook(tmp_path):
    import nbformat

    from kit.content.check import check_notebook

    nb = nbformat.v4.new_notebook()
    nb.metadata["netkit"] = {"title_ja": "海賊版", "topic": "piracy", "audience": "中学生"}
    nb.cells = [nbformat.v4.new_code_cell("lesson = Lesson('income')\nlesson.creator_income(pirate_share=2, readers=5000, audience=3)")]
    lessons = tmp_path / "lessons"
    (lessons / "piracy").mkdir(parents=True)
    nbformat.write(nb, lessons / "piracy" / "income.ipynb")
    found = {p.field: p.why for p in check_notebook(lessons / "piracy" / "income.ipynb", lessons, REPO / "datasets")}
    assert set(found) == {"pirate_share", "audience"}
    assert "0%〜95%" in found["pirate_share"] and "使えるのは readers" in found["audience"]
