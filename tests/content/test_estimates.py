"""A teacher's estimates file: a wrong explore id or a missing fact are named (wrong assumptions: tests/models/test_lab_settings.py)."""

from __future__ import annotations

import pytest
import yaml

from kit.content.errors import ContentError
from kit.content.estimates import load_estimates
from kit.content.facts import load_all_facts
from tests.conftest import REPO

SOURCE = REPO / "datasets" / "estimates" / "piracy_losses.yaml"


@pytest.fixture
def doc():
    return yaml.safe_load(SOURCE.read_text("utf-8"))


def problems(tmp_path, doc):
    path = tmp_path / "estimates.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    with pytest.raises(ContentError) as info:
        load_estimates(path)
    return info.value.problems


def test_the_shipped_file_agrees_with_the_facts():
    estimates = load_estimates(SOURCE)
    facts = estimates.with_facts(load_all_facts(REPO / "datasets" / "facts"))
    assert facts["abj-world-2025"].value == 8.5 and facts["coda-2025"].value == 5.7
    assert estimates.explored.assumptions == {"minutes_per_volume": 30, "price": 500, "buy_share": 1.0}


def test_explore_must_name_an_estimate_with_assumptions(tmp_path, doc):
    doc["explore"] = "abj-2024"
    found = problems(tmp_path, doc)
    assert found[0].field == "explore"


def test_schema_problems(tmp_path, doc):
    doc["estimates"][1]["yen_per_unit"] = -1
    doc["prompts"] = []
    fields = {p.field for p in problems(tmp_path, doc)}
    assert {"yen_per_unit", "prompts"} <= fields


def test_a_missing_fact_is_named(tmp_path, doc):
    estimates = load_estimates(SOURCE)
    facts = load_all_facts(REPO / "datasets" / "facts")
    del facts["coda-meti-2025"]
    with pytest.raises(ContentError) as info:
        estimates.with_facts(facts)
    assert info.value.problems[0].place == "coda-2025" and "coda-meti-2025" in info.value.problems[0].why
