"""A whole lesson written in Japanese only, from the shipped template, checked as validate checks it."""

from __future__ import annotations

import openpyxl

from kit.authoring.template import template_grid
from kit.cli import main
from kit.content.quiz import quiz_from_table
from kit.content.tables import table_from_grid


def test_the_template_has_no_english_and_is_a_sound_bank():
    grid = template_grid()
    assert not [c for c in grid[1] if c.endswith("_en")]
    bank, problems = quiz_from_table(table_from_grid("template.xlsx", grid))
    assert not problems and {q.type.value for q in bank.questions} == {"single", "multiple", "truefalse", "order"}
    assert all(q.source == "" and q.source_label.ja == "先生の作成" for q in bank.questions)


def test_new_lesson_from_a_japanese_only_workbook_validates_and_names_the_file_to_edit(tmp_path, capsys):
    folder = tmp_path / "じゅぎょう"
    assert main(["init", str(folder)]) == 0
    questions = tmp_path / "わたしの問題.xlsx"
    assert main(["new", "lesson", "--template", str(questions)]) == 0
    assert main(["new", "lesson", "--template", str(questions)]) == 2  # never overwrites the teacher's file
    book = openpyxl.load_workbook(questions)
    assert book.sheetnames == ["問題", "書き方"]
    capsys.readouterr()
    assert main(["new", "lesson", "--from", str(questions), "--topic", "defamation", "--audience", "中学生",
                 "--dir", str(folder), "--title", "ことばの重さを考えよう"]) == 0
    out = capsys.readouterr().out
    bank = folder / "datasets" / "quizzes" / "defamation_jhs.xlsx"
    assert f"これからは {bank.resolve()} を直してください" in out
    assert "OK: 問題は見つかりませんでした" in out
    assert main(["validate", str(folder)]) == 0


def test_new_lesson_and_validate_agree_on_a_source_that_is_no_fact(tmp_path, capsys):
    folder = tmp_path / "c"
    assert main(["init", str(folder)]) == 0
    questions = tmp_path / "q.xlsx"
    main(["new", "lesson", "--template", str(questions)])
    book = openpyxl.load_workbook(questions)
    sheet = book["問題"]
    source = [c.value for c in sheet[2]].index("source") + 1
    sheet.cell(3, source, "my-own")
    book.save(questions)
    capsys.readouterr()
    assert main(["new", "lesson", "--from", str(questions), "--topic", "piracy", "--audience", "中学生", "--dir", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "事実「my-own」が datasets/facts にありません" in out and "自作" in out
    assert not (folder / "lessons" / "piracy" / "jhs.ipynb").exists()  # nothing written
