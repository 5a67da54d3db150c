"""netkit new lesson: a lesson from a teacher's questions that validates and runs at once."""

from __future__ import annotations

import os
import re

import nbformat
import pytest
from nbclient import NotebookClient

from kit.cli import main
from kit.content.guide import load_guide
from kit.content.lesson_text import load_lesson_text
from tests.authoring.questions import teacher_questions
from tests.conftest import REPO, read_rows, set_cell, write_rows


@pytest.fixture
def folder(tmp_path):
    assert main(["init", str(tmp_path / "class")]) == 0
    return tmp_path / "class"


def execute(notebook, cwd):
    nb = nbformat.read(notebook, as_version=4)
    env_before = os.environ.get("NETKIT_DATA_DIR")
    os.environ["NETKIT_DATA_DIR"] = str(cwd / ".results")
    try:
        NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(notebook.parent)}}).execute()
    finally:
        if env_before is None:
            os.environ.pop("NETKIT_DATA_DIR", None)
        else:
            os.environ["NETKIT_DATA_DIR"] = env_before
    return nb


def outputs_text(nb) -> str:
    """Every output and the saved widget state (where the cards' HTML lives), failing on any error."""
    parts = [str(nb.metadata.get("widgets", {}))]
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", out
            parts.append(str(out.get("data", {})) + str(out.get("text", "")))
    return "\n".join(parts)


def test_a_new_lesson_validates_and_runs(folder, tmp_path, capsys):
    source = teacher_questions(tmp_path)
    assert main(["new", "lesson", "--topic", "defamation", "--audience", "中学生", "--from", str(source),
                 "--dir", str(folder), "--title", "わたしのクラスの誹謗中傷", "--aim", "ことばの重さを知る"]) == 0
    out = capsys.readouterr().out
    assert "defamation-jhs" in out and "lessons/defamation/jhs.ipynb" in out
    assert main(["validate", str(folder)]) == 0
    notebook = folder / "lessons/defamation/jhs.ipynb"
    meta = nbformat.read(notebook, as_version=4).metadata["netkit"]
    assert meta["id"] == "defamation-jhs" and meta["minutes"] == 45 and meta["title_ja"] == "わたしのクラスの誹謗中傷"
    code = "\n".join(c.source for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code")
    # the shipped questions it was made from carry matched forms (A, B): each student takes one before, one after
    assert 'quiz("quizzes/defamation_jhs.xlsx", phase="pre")' in code and 'xlsx", phase="post")' in code
    assert code.rstrip().endswith("lesson.help()")  # an abuse lesson ends with where to get help
    assert (folder / "datasets/quizzes/defamation_jhs.xlsx").is_file()
    text = load_lesson_text(folder / "datasets/texts/defamation_jhs.yaml")
    assert text.section("explain").placeholder and not text.section("aims").placeholder
    assert "ことばの重さを知る" in text.section("aims").body.ja
    guide = load_guide(folder / "datasets/guides/defamation-jhs.yaml")
    assert sum(s.minutes for s in guide.timing) == 45 and guide.questions
    shown = outputs_text(execute(notebook, tmp_path))
    assert "ここは先生が説明します" in shown  # the placeholder card's words, not its notes for the teacher
    assert "【先生へ】" not in shown
    assert "nk-problem" not in shown  # no problem card anywhere


def test_without_groups_the_same_questions_are_asked_before_and_after(folder, tmp_path):
    source = teacher_questions(tmp_path, groups=False)
    assert main(["new", "lesson", "--topic", "piracy", "--audience", "小5-6", "--from", str(source),
                 "--dir", str(folder), "--minutes", "50", "--id", "piracy-my-class"]) == 0
    assert main(["validate", str(folder)]) == 0
    notebook = folder / "lessons/piracy/my-class.ipynb"
    code = "\n".join(c.source for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code")
    assert "group=" not in code and "lesson.help()" not in code
    assert load_guide(folder / "datasets/guides/piracy-my-class.yaml").minutes == 50
    outputs_text(execute(notebook, tmp_path))


def test_broken_questions_are_reported_by_spreadsheet_row_and_nothing_is_written(folder, tmp_path, capsys):
    rows = read_rows(REPO / "datasets/quizzes/defamation_basics.csv")[:6]
    rows = set_cell(rows, rows[3][0], "answer", "7")
    source = write_rows(tmp_path / "q.csv", rows)
    before = sorted(p for p in folder.rglob("*"))
    assert main(["new", "lesson", "--topic", "defamation", "--audience", "中学", "--from", str(source), "--dir", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "--audience" in out
    assert sorted(p for p in folder.rglob("*")) == before
    assert main(["new", "lesson", "--topic", "defamation", "--audience", "中学生", "--from", str(source), "--dir", str(folder)]) == 1
    assert "q.csv: 4行目、列・項目「answer」" in capsys.readouterr().out
    assert sorted(p for p in folder.rglob("*")) == before


def test_a_second_lesson_gets_a_new_id_and_an_existing_id_is_refused(folder, tmp_path, capsys):
    source = teacher_questions(tmp_path)
    args = ["new", "lesson", "--topic", "misinformation", "--audience", "高校生", "--from", str(source), "--dir", str(folder)]
    capsys.readouterr()
    assert main(args) == 0
    first = re.search(r"授業「([a-z0-9-]+)」を作りました", capsys.readouterr().out).group(1)
    assert main(args) == 0
    second = re.search(r"授業「([a-z0-9-]+)」を作りました", capsys.readouterr().out).group(1)
    assert first.startswith("misinformation-hs") and second != first and second.startswith("misinformation-hs-")
    assert main(["validate", str(folder)]) == 0
    assert main([*args, "--id", "misinformation-basics"]) == 1
    assert "もうあります" in capsys.readouterr().out


def test_a_placeholder_section_shows_a_neutral_card_without_its_notes():
    from kit.content.lesson_text import Section
    from kit.content.text import Text
    from kit.widgets.fact_card import SectionView, TeacherExplains

    section = Section("explain", Text("説明", "Explanation"), Text("【先生へ】ここに書く", "[For the teacher]"), placeholder=True)
    for lang, expected in (("ja", "ここは先生が説明します"), ("en", "Your teacher will explain")):
        (card,) = SectionView(section, {}, lang=lang).children
        sent = str(card.get_state())
        assert isinstance(card, TeacherExplains) and expected in card.note_html and "説明" in sent
        assert "先生へ" not in sent and "For the teacher" not in sent
    (card,) = SectionView(section, {}, lang="ja", furigana=True).children
    assert "<ruby>" in card.note_html and "<rt>せつめい</rt>" in card.heading_html
