"""A teacher's network file: every mistake is reported as a sentence naming the field and the fix."""

from __future__ import annotations

import json

import pytest

from kit.content.errors import ContentError
from kit.content.networks import Generated, load_network_file, network_source
from tests.conftest import FIXTURES, REPO


def test_the_shipped_files_load():
    for path in (REPO / "datasets" / "networks").glob("*.json"):
        file = load_network_file(path)
        assert file.nodes >= 40 and len(file.layout) == file.nodes


def test_a_network_is_named_by_a_file_or_a_generated_kind(datasets, monkeypatch):
    monkeypatch.delenv("NETKIT_DATASETS", raising=False)
    assert network_source("scale-free:500") == Generated("scale-free", 500)
    assert network_source("small-world") == Generated("small-world", 1000)
    assert network_source("networks/tiny.json", start=datasets.parent) == datasets / "networks" / "tiny.json"
    for wrong in ("scale-free:lots", "scale-free:5", "small-world:20001"):
        with pytest.raises(ContentError, match="10 から"):
            network_source(wrong)
    with pytest.raises(ContentError, match="scale-free:1000"):
        network_source("networks/tiny.csv", start=datasets.parent)


def broken(tmp_path, **changes) -> str:
    doc = json.loads((FIXTURES / "datasets" / "networks" / "tiny.json").read_text("utf-8"))
    doc.update(changes)
    doc = {k: v for k, v in doc.items() if v is not None}
    path = tmp_path / "datasets" / "networks" / "bad.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize("changes, field, words", [
    (dict(edges=[[0, 1], [1, 9]]), "edges", "0 から 5 まで"),
    (dict(edges=[[0, 1], [2, 2]]), "edges", "自分自身"),
    (dict(edges=[[0, 1, 2]]), "edges", "2つの人の番号"),
    (dict(layout=[[0.1, 0.1]] * 5), "layout", "nodes と同じ 6 個"),
    (dict(layout=[[0.1, 1.5]] * 6), "layout", "0 から 1"),
    (dict(groups=[0, 1]), "groups", "nodes と同じ 6 個"),
    (dict(nodes="six"), "nodes", "整数"),
    (dict(title_en=None), "title_en", "空です"),
    (dict(layuot=[]), "layuot", "「layout」のまちがい"),
    (dict(schema_version=3), "schema_version", "新しい版"),
])
def test_malformed_network_files_say_where_and_what_to_do(tmp_path, changes, field, words):
    with pytest.raises(ContentError) as err:
        load_network_file(broken(tmp_path, **changes))
    assert any(p.field == field and words in p.why and p.file == "datasets/networks/bad.json" for p in err.value.problems), \
        err.value.problems


def test_network_file_that_is_not_json(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"nodes": 3,, }', "utf-8")
    with pytest.raises(ContentError, match="1行目"):
        load_network_file(path)
    path.write_text("[1, 2]", "utf-8")
    with pytest.raises(ContentError, match="{ }"):
        load_network_file(path)
    with pytest.raises(ContentError, match="ファイルがありません"):
        load_network_file(tmp_path / "missing.json")
