"""``netkit content import`` writes nothing that ``netkit validate`` would refuse; its hints name real options."""

from __future__ import annotations

import shutil

import openpyxl
import pytest

from kit.cli import main
from tests.conftest import REPO


@pytest.fixture
def folder(tmp_path):
    """A lesson folder as ``netkit init`` makes it: lessons and datasets."""
    shutil.copytree(REPO / "datasets", tmp_path / "m_x" / "datasets")
    shutil.copytree(REPO / "lessons", tmp_path / "m_x" / "lessons", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return tmp_path / "m_x"


def edited(folder, tmp_path, bank: str, column: str, values) -> str:
    """Export ``bank``, set ``column`` of each question row to values(row_id), save; the workbook's path."""
    out = tmp_path / "もんだい.xlsx"
    assert main(["content", "export", str(folder), "--out", str(out), "--bank", bank]) == 0
    book = openpyxl.load_workbook(out)
    sheet = book[bank.rsplit(".", 1)[0]]
    header = [c.value for c in sheet[2]]
    for row in range(3, sheet.max_row + 1):
        qid = sheet.cell(row, header.index("id") + 1).value
        if qid:
            sheet.cell(row, header.index(column) + 1, values(qid))
    book.save(out)
    return str(out)


def files(folder):
    return {p.name: p.read_bytes() for p in (folder / "datasets/quizzes").iterdir()}


def test_group_pre_post_is_refused_before_anything_is_written(folder, tmp_path, capsys):
    """The teacher's case: group filled pre/post, as the guide once said; validate would fail, so import writes nothing."""
    workbook = edited(folder, tmp_path, "defamation_basics.csv", "group", lambda qid: "pre" if "pre" in qid else "post")
    before = files(folder)
    capsys.readouterr()
    assert main(["content", "import", workbook, str(folder)]) == 1
    out = capsys.readouterr().out
    assert "書きこみました" not in out and "取り込みをやめました" in out
    assert "もんだい.xlsx［defamation_basics］: 3行目、列・項目「group」" in out and "group の列を空に" in out
    assert files(folder) == before


def test_a_bank_that_validate_would_refuse_for_its_facts_is_not_written(folder, tmp_path, capsys):
    """A source naming no fact passes the sheet's own check but not validate's: import runs validate's check too."""
    workbook = edited(folder, tmp_path, "defamation_basics.csv", "source", lambda qid: "no-such-fact")
    before = files(folder)
    capsys.readouterr()
    assert main(["content", "import", workbook, str(folder)]) == 1
    out = capsys.readouterr().out
    assert "datasets/quizzes/defamation_basics.csv" in out and "事実「no-such-fact」が datasets/facts にありません" in out
    assert "書きこみました" not in out and files(folder) == before


def test_a_group_a_lesson_names_must_stay_in_the_bank(folder, tmp_path, capsys):
    """A lesson's lesson.quiz(…, group=…) is checked against the bank about to be written, as validate checks it."""
    book = folder / "lessons/defamation/basics.ipynb"
    text = book.read_text("utf-8")
    assert 'lesson.quiz(\\"quizzes/defamation_basics.csv\\", phase=\\"pre\\")' in text
    book.write_text(text.replace('lesson.quiz(\\"quizzes/defamation_basics.csv\\", phase=\\"pre\\")',
                                 'lesson.quiz(\\"quizzes/defamation_basics.csv\\", group=\\"mine\\")', 1), "utf-8")
    workbook = edited(folder, tmp_path, "defamation_basics.csv", "group", lambda qid: "mine")
    assert main(["content", "import", workbook, str(folder)]) == 0  # every question in group mine: the lesson has its group
    capsys.readouterr()
    workbook = edited(folder, tmp_path, "defamation_basics.csv", "group", lambda qid: "")
    before = files(folder)
    assert main(["content", "import", workbook, str(folder)]) == 1
    out = capsys.readouterr().out
    assert "lessons/defamation/basics.ipynb" in out and "group「mine」の問題がありません" in out
    assert files(folder) == before
