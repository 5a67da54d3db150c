"""Lateral-reading files: the shipped one loads, and each kind of mistake is one sentence naming file, task, field and fix."""

from __future__ import annotations

import pytest
import yaml

from kit.content.errors import ContentError
from kit.content.lateral import KINDS, load_lateral
from tests.conftest import REPO

SHIPPED = REPO / "datasets" / "lateral" / "who_is_behind.yaml"


@pytest.fixture
def doc():
    return yaml.safe_load(SHIPPED.read_text("utf-8"))


def write(tmp_path, doc):
    path = tmp_path / "datasets" / "lateral" / "t.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def problems(tmp_path, doc):
    with pytest.raises(ContentError) as err:
        load_lateral(write(tmp_path, doc))
    return err.value.problems


def test_shipped_file_has_three_fictional_tasks_each_with_a_page_showing_who_is_behind():
    lateral = load_lateral(SHIPPED)
    assert [t.id for t in lateral.tasks] == ["supplement", "water", "uniform"]
    for task in lateral.tasks:
        assert task.answer in {o.id for o in task.options}
        assert any(s.key for s in task.sources) and {s.kind for s in task.sources} <= set(KINDS)
        assert all(a.split("/")[0].endswith(".example") for a in [task.page.address, *(s.address for s in task.sources)])
        assert task.text.ja and task.text.en and task.behind.ja and task.behind.en
    # one claim checks out: lateral reading is not "doubt everything"
    right = {t.id: t.options[t.option_index(t.answer)].text.ja for t in lateral.tasks}
    assert right["water"].startswith("信用できる。") and right["supplement"].startswith("信用できない。")
    assert right["uniform"].startswith("信用できない。")


def test_a_real_looking_address_is_refused_with_the_fix(tmp_path, doc):
    doc["tasks"][0]["sources"][1]["address"] = "www.google.com/search"
    (p,) = problems(tmp_path, doc)
    assert p.place.endswith("（id: supplement）") and p.field == "sources.2.address"
    assert ".example" in p.sentence() and p.sentence().startswith("datasets/lateral/t.yaml: ")


def test_an_answer_that_names_no_option_is_refused(tmp_path, doc):
    doc["tasks"][1]["answer"] = "d"
    (p,) = problems(tmp_path, doc)
    assert p.field == "answer" and "a・b・c" in p.why and "water" in p.place


def test_a_task_without_a_page_showing_who_is_behind_is_refused(tmp_path, doc):
    for s in doc["tasks"][2]["sources"]:
        s.pop("key", None)
    (p,) = problems(tmp_path, doc)
    assert p.field == "sources" and "key: true" in p.why


def test_every_problem_is_reported_at_once_with_nested_field_names(tmp_path, doc):
    doc["tasks"][0]["page"].pop("heading_ja")
    doc["tasks"][0]["options"][0]["feedbak_ja"] = "x"
    doc["tasks"][1]["sources"][0]["kind"] = "blog"
    doc["tasks"][2]["id"] = "supplement"
    doc.pop("method_en")
    found = {(p.place.split("（")[0], p.field) for p in problems(tmp_path, doc)}
    assert {("1番目の項目", "page.heading_ja"), ("2番目の項目", "sources.1.kind"), ("3番目の項目", "id"),
            ("", "method_en")} <= found
    assert any(f.startswith("options.1.") for _, f in found)


def test_ids_used_twice_inside_a_task_are_refused(tmp_path, doc):
    doc["tasks"][0]["sources"][1]["id"] = "about"
    (p,) = problems(tmp_path, doc)
    assert p.field == "sources" and "about" in p.why


def test_select_keeps_the_order_and_names_a_missing_task():
    lateral = load_lateral(SHIPPED)
    assert [t.id for t in lateral.select(["water", "supplement"]).tasks] == ["water", "supplement"]
    with pytest.raises(ContentError) as err:
        lateral.select(["nope"])
    assert "nope" in str(err.value)
