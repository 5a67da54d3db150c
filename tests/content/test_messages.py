"""What a teacher reads when a content file is wrong: the typo named with its line, never Python's None, YAML errors in Japanese."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from kit.content.check import check_tree
from kit.content.errors import ContentError
from kit.content.guide import load_guide
from kit.content.quiz import load_quiz
from kit.content.scenario import load_scenario
from kit.content.tables import read_yaml_document
from kit.content.timeline import load_timeline
from tests.conftest import REPO


def _sentences(load, path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load(path)
    return [p.sentence() for p in caught.value.problems]


def _misspelt(tmp_path, shipped: str, key: str, typo: str):
    """A copy of a shipped file with one top-level key misspelt, and the line it is on."""
    source = REPO / "datasets" / shipped
    folder = tmp_path / "datasets" / source.parent.name
    if (source.parent / "pictures").is_dir():
        shutil.copytree(source.parent / "pictures", folder / "pictures")
    folder.mkdir(parents=True, exist_ok=True)
    lines = source.read_text("utf-8").split("\n")
    line = next(i for i, text in enumerate(lines, start=1) if text.startswith(f"{key}:"))
    lines[line - 1] = typo + lines[line - 1][len(key):]
    path = folder / source.name
    path.write_text("\n".join(lines), "utf-8")
    return path, line


@pytest.mark.parametrize("shipped, key, typo, load", [
    ("quizzes/defamation_es34.yaml", "items", "itemx", load_quiz),
    ("guides/defamation-es34.yaml", "title_ja", "titel_ja", load_guide),
    ("scenarios/group_chat.yaml", "intro_ja", "intro_jq", load_scenario),
    ("scenarios/group_chat.yaml", "nodes", "nodez", load_scenario),
    ("timelines/disaster_night.yaml", "posts", "postz", load_timeline),
    ("timelines/disaster_night.yaml", "title_ja", "titel_ja", load_timeline),
])
def test_a_misspelt_key_is_named_with_its_line_and_the_right_name(tmp_path, shipped, key, typo, load):
    path, line = _misspelt(tmp_path, shipped, key, typo)
    sentences = _sentences(load, path)
    assert f"datasets/{shipped}: {line}行目: 「{typo}」は知らない項目です。「{key}」のまちがいではありませんか。" in sentences


def test_a_misspelt_key_inside_an_item_names_the_item_and_line(tmp_path):
    path = tmp_path / "datasets" / "quizzes" / "bank.yaml"
    path.parent.mkdir(parents=True)
    text = (REPO / "datasets" / "quizzes" / "defamation_es34.yaml").read_text("utf-8")
    first = text.index("    explanation_ja:")
    path.write_text(text[:first] + "    explanaton_ja:" + text[first + len("    explanation_ja:"):], "utf-8")
    line = text[:first].count("\n") + 1
    sentences = _sentences(load_quiz, path)
    assert any(re.fullmatch(rf"datasets/quizzes/bank\.yaml: 1番目の項目（id: [^）]+）、{line}行目: 「explanaton_ja」は知らない"
                            r"項目です。「explanation_ja」のまちがいではありませんか。", s) for s in sentences), sentences


def _blanked(node):
    """Every value of the file's top level and of the first item of each list, left empty (YAML null)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "schema_version":
                continue
            if isinstance(value, list) and value and isinstance(value[0], dict):
                _blanked(value[0])
            elif isinstance(value, list) and value:
                value.append(None)  # an empty entry in a list: wants: [listen, ]
            elif isinstance(value, dict):
                _blanked(value)
            else:
                node[key] = None
    return node


def test_missing_values_never_show_none_in_any_file_kind(tmp_path):
    datasets = tmp_path / "datasets"
    shutil.copytree(REPO / "datasets", datasets)
    blanked = []
    for path in sorted(datasets.rglob("*.yaml")):
        doc = yaml.safe_load(path.read_text("utf-8"))
        if isinstance(doc, dict):
            path.write_text(yaml.safe_dump(_blanked(doc), allow_unicode=True, sort_keys=False), "utf-8")
            blanked.append(path.relative_to(tmp_path).as_posix())
    (datasets / "facts" / "defamation.yaml").write_text("facts: []\n", "utf-8")  # and a file without schema_version
    report = check_tree(datasets, REPO / "lessons")
    files = {p.file for p in report.problems}
    assert len(blanked) > 20 and len(files & set(blanked)) >= len(blanked) - 2
    for problem in report.problems:
        for sentence in (problem.sentence(), problem.sentence_en()):
            assert not re.search(r"\bNone\b|\bnull\b|''", sentence), sentence
    assert any("schema_version がありません" in p.why for p in report.problems if p.file == "datasets/facts/defamation.yaml")


@pytest.mark.parametrize("text, line, says", [
    ("schema_version: 1\nitems:\n\t- id: a\n", 3, "タブ文字"),
    ("schema_version: 1\ntitle_ja: 注意: ここを読む\n", 2, "値全体を \"…\" でかこんで"),
    ('schema_version: 1\ntitle_ja: "あいう\nx: 1\n', 2, "閉じられていません"),
    ("schema_version: 1\nitems:\n  - id: a\n    text_ja: x\n   answer: 1\n", 5, "字下げがずれています"),
    ("schema_version: 1\ntags: [a, b\nx: 2\n", 2, "「]」で閉じられていない"),
    ("schema_version: 1\nx: a\nfoo\ny: b\n", 4, "「:」がない"),
    ("schema_version: 1\nhandle: @komorebi\n", 2, "「@」"),
])
def test_a_yaml_syntax_error_is_one_japanese_sentence_with_line_and_fix(tmp_path, text, line, says):
    path = tmp_path / "datasets" / "quizzes" / "broken.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, "utf-8")
    with pytest.raises(ContentError) as caught:
        read_yaml_document(path)
    [problem] = caught.value.problems
    assert problem.place == f"{line}行目" and says in problem.why
    assert not re.search(r"[A-Za-z]{3,}", problem.why.replace("YAML", "")), problem.why  # no parser English
    assert problem.sentence().startswith(f"datasets/quizzes/broken.yaml: {line}行目: ")
