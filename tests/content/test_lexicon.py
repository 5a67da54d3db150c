"""The lexicon and the labelled sentences are validated like every other content file."""

from __future__ import annotations

import shutil

import pytest

from kit.content.check import check_tree
from kit.content.errors import ContentError
from kit.content.labelled import load_blind, load_labelled
from kit.content.lexicon import CATEGORIES, load_lexicon
from tests.conftest import REPO

LEXICON = REPO / "datasets" / "lexicon" / "lexicon.yaml"


def test_shipped_lexicon_and_labelled_set_are_valid():
    lexicon = load_lexicon(LEXICON)
    assert set(lexicon.categories) == set(CATEGORIES)
    assert {e.category for e in lexicon.entries} == set(CATEGORIES)
    assert len(load_labelled(REPO / "datasets" / "lexicon" / "labelled.csv")) >= 150


@pytest.fixture
def broken(tmp_path):
    def write(text: str):
        path = tmp_path / "lexicon.yaml"
        original = LEXICON.read_text("utf-8")
        path.write_text(original.replace("entries:\n", "entries:\n" + text, 1), "utf-8")
        return path
    return write


def problems(path):
    with pytest.raises(ContentError) as exc:
        load_lexicon(path)
    return exc.value.problems


def test_every_problem_is_named_with_its_fix(broken):
    path = broken(
        "  - {id: Bad_Id, category: rude, lemma: ばか}\n"
        "  - {id: no-word, category: insult}\n"
        "  - {id: bad-re, category: insult, pattern: '(ばか'}\n"
        "  - {id: severe, category: insult, lemma: あほ, severity: 5}\n"
        "  - {id: kimoi, category: insult, lemma: きもい}\n"
        "  - {id: typo, category: insult, lemma: ばか, neer: [顔]}\n")
    found = {(p.place.split("id: ")[-1].rstrip("）"), p.field): p for p in problems(path)}
    assert found[("Bad_Id", "id")].why.startswith("「Bad_Id」は使えません")
    assert "insult（悪口）" in found[("Bad_Id", "category")].why
    assert "lemma（言葉）か pattern" in found[("no-word", "lemma")].why
    assert "正規表現として読めません" in found[("bad-re", "pattern")].why
    assert "1（軽い）" in found[("severe", "severity")].why
    assert "2回あります" in found[("kimoi", "id")].why
    assert "near" in found[("typo", "neer")].why  # did you mean
    assert all(p.why_en for p in found.values())


def test_missing_category_text_is_reported(tmp_path):
    text = LEXICON.read_text("utf-8").replace("    label_ja: 悪口\n", "", 1)
    path = tmp_path / "lexicon.yaml"
    path.write_text(text, "utf-8")
    (problem,) = problems(path)
    assert (problem.place, problem.field) == ("categories.insult", "label_ja")


def test_netkit_validate_checks_the_lexicon_folder(datasets):
    shutil.copytree(REPO / "datasets" / "lexicon", datasets / "lexicon")
    assert check_tree(datasets).ok
    labelled = datasets / "lexicon" / "labelled.csv"
    labelled.write_text(labelled.read_text("utf-8-sig").replace(",dev,", ",train,", 1), "utf-8")
    report = check_tree(datasets)
    assert [(p.file, p.field) for p in report.problems] == [("datasets/lexicon/labelled.csv", "split")]


def test_netkit_validate_checks_the_flaming_lab_settings_in_a_notebook(datasets):
    import nbformat

    from kit.content.check import check_notebook

    nb = nbformat.v4.new_notebook()
    nb.metadata["netkit"] = {"title_ja": "炎上", "topic": "defamation", "audience": "中学生"}
    nb.cells = [nbformat.v4.new_code_cell("lesson = Lesson('lab')\nlesson.flaming_lab(join=0.9, rounds=30, speed=2, seed=4)"),
                nbformat.v4.new_code_cell("lesson.help_router()")]  # a 誹謗中傷 lesson must end with help
    lessons = datasets.parent / "lessons"
    (lessons / "defamation").mkdir(parents=True)
    nbformat.write(nb, lessons / "defamation" / "lab.ipynb")
    found = {p.field: p.why for p in check_notebook(lessons / "defamation" / "lab.ipynb", lessons, datasets)}
    assert set(found) == {"join", "speed"}
    assert "0〜0.5" in found["join"] and "使えるのは" in found["speed"]


def test_help_and_report_patterns_and_people_are_checked(tmp_path):
    text = LEXICON.read_text("utf-8")
    text = text.replace('  - "相談(?!したら)"\n', '  - "相談(?!したら"\n  - ""\n', 1)
    text = text.replace("people: [お前,", "people: [\"\", お前,", 1)
    path = tmp_path / "lexicon.yaml"
    path.write_text(text, "utf-8")
    found = {(p.place, p.field): p.why for p in problems(path)}
    assert "正規表現として読めません" in found[("help_and_report 4番目", "help_and_report")]
    assert "空です" in found[("help_and_report 5番目", "help_and_report")]
    assert "人を指す言葉" in found[("people", "people")]


def test_new_entry_fields_are_validated(broken):
    path = broken("  - {id: flag-all, category: exclusion, pattern: むし, always: yes, aimed: 1, not_near: 自分}\n")
    fields = {p.field for p in problems(path)}
    assert {"always", "aimed", "not_near"} <= fields


def test_blind_sets_are_read_and_checked(tmp_path):
    posts = load_blind(REPO / "datasets" / "lexicon" / "blind_dev.csv", "dev")
    assert len(posts) == 161
    assert {p.kind for p in posts if not p.categories} == {"kind", "reporting", "help", "neutral", "criticism", "banter_safe"}
    assert next(p for p in posts if p.kind == "doxxing").categories == {"personal_info"}
    bad = tmp_path / "blind_x.csv"
    bad.write_text("schema_version,1\nid,text,label,category\na1,こんにちは,ok,insult\na2,ばか,harmful,rude\n", "utf-8")
    with pytest.raises(ContentError) as exc:
        load_blind(bad)
    found = {(p.place, p.field) for p in exc.value.problems}
    assert found == {("3行目", "category"), ("4行目", "category")}


def test_the_classifier_reason_needs_both_languages_and_only_label_in_braces(tmp_path):
    original = LEXICON.read_text("utf-8")
    path = tmp_path / "lexicon.yaml"
    path.write_text(original.replace("learned_why:\n  ja:", "learned_why:\n  jp:", 1), "utf-8")
    assert [p.field for p in problems(path)] == ["learned_why"]
    path.write_text(original.replace("「{label}」に近い", "「{kind}」に近い", 1), "utf-8")
    assert "{label} 以外" in problems(path)[0].why


def test_a_post_id_written_twice_is_named_with_its_fix(tmp_path):
    from kit.content.errors import ContentError
    from kit.content.labelled import load_blind

    path = tmp_path / "blind_x.csv"
    path.write_text("schema_version,1\nid,text,label,category\nx1,おはよう,ok,neutral\nx1,またね,ok,neutral\n", "utf-8")
    with pytest.raises(ContentError) as caught:
        load_blind(path)
    assert "id「x1」が2回あります。片方の id を変えてください。" in str(caught.value)


def test_only_mild_insults_and_mockery_can_be_softened_and_friendly_patterns_are_checked(broken):
    path = broken("  - {id: soft-threat, category: threat, pattern: まってる, mild: true}\n"
                  "  - {id: soft-strong, category: insult, lemma: カス, severity: 3, mild: true}\n"
                  "  - {id: soft-typo, category: insult, lemma: ぼけ, mild: yes}\n")
    path.write_text(path.read_text("utf-8").replace("friendly:\n", "friendly:\n  - \"(好き\"\n", 1), "utf-8")
    found = {(p.place.split("id: ")[-1].rstrip("）"), p.field): p for p in problems(path)}
    assert "mild: true は、悪口（insult）とからかい（mockery）" in found[("soft-threat", "mild")].why
    assert "おどし" in found[("soft-strong", "mild")].why and found[("soft-strong", "mild")].why_en
    assert ("soft-typo", "mild") in found  # a boolean, not yes
    assert "正規表現として読めません" in found[("friendly 1番目", "friendly")].why
