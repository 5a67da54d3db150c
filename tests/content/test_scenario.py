"""Scenario files: each mistake a teacher can make is one sentence naming file, node, field and fix."""

from __future__ import annotations

import pytest
import yaml

from kit.content.errors import ContentError
from kit.content.scenario import load_scenario
from tests.conftest import REPO


def sample(datasets) -> dict:
    return yaml.safe_load((datasets / "scenarios" / "sample.yaml").read_text("utf-8"))


def write(datasets, doc: dict):
    path = datasets / "scenarios" / "broken.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def node(doc: dict, node_id: str) -> dict:
    return next(n for n in doc["nodes"] if n["id"] == node_id)


def problems_of(path):
    with pytest.raises(ContentError) as err:
        load_scenario(path)
    return err.value.problems


def test_sample_loads_with_roles_nodes_and_tags(datasets):
    s = load_scenario(datasets / "scenarios" / "sample.yaml")
    assert s.id == "sample-chat" and s.look == "chat"
    assert [r.id for r in s.roles] == ["target", "bystander"]  # always poster, target, bystander order
    assert s.node("b-2").choices[0].tags == ("harm",) and not s.node("b-2").choices[0].safe
    assert s.node("b-2").choices[2].kind == "do" and s.node("b-2").choices[2].safe
    assert s.character("ken").handle == "@ken_01" and s.character("narrator") is None
    assert s.node("end-kind").end and s.node("end-kind").takeaway.en == "A word to stop it matters."


@pytest.mark.parametrize("path", sorted((REPO / "datasets" / "scenarios").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_scenarios_load_with_three_roles(path):
    s = load_scenario(path)
    assert {r.id for r in s.roles} == {"poster", "target", "bystander"}
    assert any(n.end for n in s.nodes)


def break_choice_target(doc):
    node(doc, "b-2")["choices"][1]["next"] = "b-33"


def break_unreachable(doc):
    doc["nodes"].append({"id": "lost", "speaker": "aki", "text_ja": "だれも来ない", "text_en": "Nobody comes", "end": True})


def break_cycle(doc):
    node(doc, "t-1")["choices"][0]["next"] = "t-1"


def break_english(doc):
    del node(doc, "b-3")["text_en"]


def break_japanese_choice(doc):
    node(doc, "b-2")["choices"][2]["text_ja"] = ""


def break_tag(doc):
    node(doc, "b-2")["choices"][1]["tags"] = ["kind"]


def break_duplicate(doc):
    node(doc, "b-3")["id"] = "b-2"


def break_role(doc):
    doc["roles"]["victim"] = doc["roles"].pop("target")


def break_start(doc):
    doc["roles"]["bystander"]["start"] = "b-0"


def break_speaker(doc):
    node(doc, "b-1")["speaker"] = "akii"


def break_dead_end(doc):
    del node(doc, "b-3")["next"]


def break_both(doc):
    node(doc, "end-kind")["next"] = "b-1"


def break_look(doc):
    doc["look"] = "line"


def break_field_name(doc):
    node(doc, "b-2")["choices"][0]["nxet"] = node(doc, "b-2")["choices"][0].pop("next")


def break_contradiction(doc):
    node(doc, "b-2")["choices"][0]["tags"] = ["kindness", "harm"]


@pytest.mark.parametrize(
    "breaker,place,field,words",
    [
        (break_choice_target, "場面「b-2」の選択肢2", "next", "「b-33」がありません。「b-3」のまちがい"),
        (break_unreachable, "場面「lost」", "id", "たどり着けません"),
        (break_cycle, "場面「t-1」", "next", "終わり（end: true）にたどり着けません"),
        (break_english, "場面「b-3」", "text_en", "空です"),
        (break_japanese_choice, "場面「b-2」の選択肢3", "text_ja", "空です"),
        (break_tag, "場面「b-2」の選択肢2", "tags", "「kindness」のまちがい"),
        (break_duplicate, "場面「b-2」", "id", "2番目の場面でも使われています"),
        (break_role, "roles の victim", "roles", "poster（書く人）"),
        (break_start, "roles の bystander", "start", "「b-0」がありません"),
        (break_speaker, "場面「b-1」", "speaker", "「aki」のまちがい"),
        (break_dead_end, "場面「b-3」", "choices", "end: true（終わり）のどれか"),
        (break_both, "場面「end-kind」", "end", "どれか1つに"),
        (break_look, "", "look", "timeline"),
        (break_field_name, "場面「b-2」の選択肢1", "nxet", "「next」のまちがい"),
        (break_contradiction, "場面「b-2」の選択肢1", "tags", "どちらか一方"),
    ],
)
def test_each_mistake_names_file_node_field_and_fix(datasets, breaker, place, field, words):
    doc = sample(datasets)
    breaker(doc)
    problems = problems_of(write(datasets, doc))
    match = [p for p in problems if p.place == place and p.field == field]
    assert match, [p.sentence() for p in problems]
    sentence = match[0].sentence()
    assert sentence.startswith("datasets/scenarios/broken.yaml: ") and words in sentence, sentence
    assert match[0].sentence_en() and match[0].why_en  # the same problem in English


def test_unknown_tag_says_did_you_mean_in_english_too(datasets):
    doc = sample(datasets)
    node(doc, "b-2")["choices"][0]["tags"] = ["legal-risk"]
    problem = next(p for p in problems_of(write(datasets, doc)) if p.field == "tags")
    assert "did you mean 'legal_risk'" in problem.sentence_en()


def test_every_problem_is_reported_at_once(datasets):
    doc = sample(datasets)
    for breaker in (break_choice_target, break_english, break_tag, break_speaker):
        breaker(doc)
    fields = {p.field for p in problems_of(write(datasets, doc))}
    assert {"next", "text_en", "tags", "speaker"} <= fields


def test_a_missing_target_is_not_also_called_a_dead_end(datasets):
    doc = sample(datasets)
    break_choice_target(doc)
    problems = problems_of(write(datasets, doc))
    assert len(problems) == 1, [p.sentence() for p in problems]


def test_yaml_syntax_error_names_the_line(datasets):
    path = datasets / "scenarios" / "broken.yaml"
    path.write_text("schema_version: 1\nnodes:\n  - id: a\n    text_ja: [\n", "utf-8")
    problem = problems_of(path)[0]
    assert "YAML の書き方" in problem.sentence() and "行目" in problem.place


def test_no_roles_is_one_clear_problem(datasets):
    doc = sample(datasets)
    del doc["roles"]
    problems = problems_of(write(datasets, doc))
    assert [p.field for p in problems] == ["roles"]
