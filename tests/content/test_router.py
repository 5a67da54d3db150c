"""Help router files: dangling desks and steps, loops, dead ends, each named with its fix."""

from __future__ import annotations

import pytest
import yaml

from kit.content.errors import ContentError
from kit.content.router import load_router
from kit.content.tables import dump_yaml
from tests.conftest import REPO


def sample(datasets) -> dict:
    return yaml.safe_load((datasets / "help" / "router.yaml").read_text("utf-8"))


def write(datasets, doc: dict):
    path = datasets / "help" / "router_broken.yaml"
    path.write_text(dump_yaml(doc), "utf-8")
    return path


def step(doc, sid):
    return next(s for s in doc["steps"] if s["id"] == sid)


def problems_of(path):
    with pytest.raises(ContentError) as err:
        load_router(path)
    return err.value.problems


def test_sample_and_shipped_routers_load(datasets):
    chart = load_router(datasets / "help" / "router.yaml")
    assert chart.start == "danger" and chart.step("listen").more == "want" and chart.checked == "2026-11-01"
    assert set(chart.desks) == {"kodomo-sos", "ihaho", "adults-only"}
    shipped = load_router(REPO / "datasets" / "help" / "router.yaml")
    used = {d for s in shipped.steps for d in s.desks}
    assert {"kodomo-sos", "kodomo-jinken-110", "ihaho", "sia-hotline", "houterasu", "police", "mamoroyo-kokoro"} <= used


def test_every_shipped_result_says_where_to_turn_in_both_languages():
    shipped = load_router(REPO / "datasets" / "help" / "router.yaml")
    for s in shipped.steps:
        assert (s.is_question and s.ask.en) or (s.desks and s.say.ja and s.say.en), s.id


@pytest.mark.parametrize(
    "change,place,field,words",
    [
        (lambda d: step(d, "delete")["desks"].append("ihahoo"), "項目「delete」", "desks", "「ihaho」のまちがい"),
        (lambda d: step(d, "want")["answers"][1].update(next="delet"), "項目「want」の答え2", "next", "「delete」のまちがい"),
        (lambda d: step(d, "want")["answers"][1].update(next="danger"), "項目「want」の答え2", "next", "くり返され"),
        (lambda d: step(d, "delete").pop("desks"), "項目「delete」", "desks", "行き止まり"),
        (lambda d: step(d, "emergency").update(answers=[{"text_ja": "a", "text_en": "a", "next": "want"}] * 2),
         "項目「emergency」", "desks", "両方あります"),
        (lambda d: d["steps"].append({"id": "lost", "say_ja": "x", "say_en": "x", "desks": ["ihaho"]}),
         "項目「lost」", "id", "たどり着けません"),
        (lambda d: step(d, "listen").pop("say_en"), "項目「listen」", "say_en", "say_en"),
        (lambda d: step(d, "listen").update(more="listen"), "項目「listen」", "more", "質問の id"),
        (lambda d: d.update(start="dangr"), "", "start", "「danger」のまちがい"),
        (lambda d: d.update(checked="11/1"), "", "checked", "2026-11-01 の形"),
        (lambda d: step(d, "delete").update(id="listen"), "項目「listen」", "id", "2回使われています"),
    ],
)
def test_each_mistake_names_file_step_field_and_fix(datasets, change, place, field, words):
    doc = sample(datasets)
    change(doc)
    problems = problems_of(write(datasets, doc))
    match = [p for p in problems if p.place == place and p.field == field]
    assert match, [p.sentence() for p in problems]
    assert match[0].sentence().startswith("datasets/help/router_broken.yaml: ") and words in match[0].sentence()
    assert match[0].why_en


def test_a_broken_desks_file_is_reported_through_the_router(datasets):
    (datasets / "help" / "desks.yaml").write_text("schema_version: 1\ndesks:\n  - id: kodomo-sos\n", "utf-8")
    problems = problems_of(datasets / "help" / "router.yaml")
    assert any(p.file == "datasets/help/desks.yaml" for p in problems)
