"""netkit content export / import: every shipped bank survives the round trip through Excel and CSV."""

from __future__ import annotations

import shutil

import openpyxl
import pytest

from kit.authoring.spreadsheet import export_sheets, read_workbook, sheet_from_table, write_bank
from kit.cli import main
from kit.content.check import check_tree
from kit.content.quiz import load_quiz
from tests.conftest import REPO, write_rows

BANKS = sorted(p.name for p in (REPO / "datasets" / "quizzes").iterdir() if p.suffix in (".csv", ".yaml", ".xlsx"))


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(REPO / "datasets", tmp_path / "datasets")
    return tmp_path


def questions(path):
    return load_quiz(path).questions


def test_there_are_banks_of_every_format_to_try():
    assert {".csv", ".yaml"} <= {"." + n.rsplit(".", 1)[1] for n in BANKS}


@pytest.mark.parametrize("to", ["xlsx", "csv"])
@pytest.mark.parametrize("bank", BANKS)
def test_export_import_export_is_lossless(folder, tmp_path, bank, to, capsys):
    original = folder / "datasets/quizzes" / bank
    before = questions(original)
    kinds = {q.type.value for q in before}
    out = tmp_path / ("out.xlsx" if to == "xlsx" else "out")
    assert main(["content", "export", str(folder), "--to", to, "--out", str(out), "--bank", bank]) == 0
    first = export_sheets(folder / "datasets", [original])
    original.unlink()  # import must write the bank anew, in its own format
    source = out if to == "xlsx" else out / (original.stem + ".csv")
    extra = [] if to == "xlsx" else ["--as", f"quizzes/{bank}"]
    assert main(["content", "import", str(source), str(folder), *extra]) == 0, capsys.readouterr().out
    assert original.is_file()
    assert questions(original) == before  # both languages, feedback, explanations, answers, groups
    assert export_sheets(folder / "datasets", [original]) == first
    assert kinds  # the bank is not empty


def test_every_question_type_and_tricky_cells_survive_excel(folder, tmp_path):
    rows = [
        ["schema_version", "1"],
        ["id", "group", "type", "audience", "text_ja", "text_en", "choice1_ja", "choice1_en", "feedback1_ja", "feedback1_en",
         "choice2_ja", "choice2_en", "feedback2_ja", "feedback2_en", "choice3_ja", "choice3_en", "feedback3_ja", "feedback3_en",
         "answer", "explanation_ja", "explanation_en", "source"],
        ["t-1", "pre", "truefalse", "小5-6", "｜誹謗中傷《ひぼうちゅうしょう》は=悪口", "=1+1 is not a formula", "", "", "No", "No",
         "", "", "そう", "Yes", "", "", "", "", "×", "説明\n2行目", "two\nlines", "insult-crime-231"],
        ["m-1", "pre", "multiple", "小5-6", "全部", "all", "0012", "0012", "a", "a", "1/2", "1/2", "b", "b", "3;1", "3;1", "c", "c",
         "1;3", "解説", "why", "insult-crime-231"],
        ["o-1", "post", "order", "小5-6", "並べる", "order", "一", "one", "", "", "二", "two", "", "", "三", "three", "", "",
         "3;1;2", "解説", "why", "insult-crime-231"],
        ["s-1", "post", "single", "小5-6", "1つ", "one", "はい", "yes", "x", "x", "いいえ", "no", "y", "y", "", "", "", "",
         "2", "解説", "why", "insult-crime-231"],
    ]
    bank = write_rows(folder / "datasets/quizzes/tricky.csv", rows)
    before = questions(bank)
    assert before[0].text.ja.startswith("｜誹謗中傷《ひぼうちゅうしょう》")
    out = tmp_path / "t.xlsx"
    assert main(["content", "export", str(folder), "--out", str(out), "--bank", "tricky.csv"]) == 0
    cell = openpyxl.load_workbook(out)["tricky"]["F3"]
    assert cell.value == "=1+1 is not a formula" and cell.data_type == "s"
    bank.unlink()
    assert main(["content", "import", str(out), str(folder)]) == 0
    assert questions(bank) == before
    for fmt in ("yaml", "xlsx"):  # the same bank written as YAML and as XLSX reads the same
        (file, table), = read_workbook(out)
        target = folder / f"datasets/quizzes/tricky.{fmt}"
        write_bank(sheet_from_table(file, table), target)
        assert questions(target) == before


def test_problems_name_the_sheet_and_the_row_excel_shows_and_nothing_is_written(folder, tmp_path, capsys):
    out = tmp_path / "all.xlsx"
    assert main(["content", "export", str(folder), "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    sheet = book["defamation_basics"]
    header = [c.value for c in sheet[2]]
    sheet.cell(5, header.index("audience") + 1, "中学")
    sheet.cell(7, header.index("answer") + 1, "9")
    book["piracy_basics"].cell(3, 1, "Bad ID")
    book.save(out)
    before = {p.name: p.read_bytes() for p in (folder / "datasets/quizzes").iterdir()}
    capsys.readouterr()
    assert main(["content", "import", str(out), str(folder)]) == 1
    text = capsys.readouterr().out
    assert "all.xlsx［defamation_basics］: 5行目、列・項目「audience」" in text
    assert "all.xlsx［defamation_basics］: 7行目、列・項目「answer」" in text
    assert "all.xlsx［piracy_basics］: 3行目、列・項目「id」" in text
    assert "取り込みをやめました" in text
    assert {p.name: p.read_bytes() for p in (folder / "datasets/quizzes").iterdir()} == before


def test_an_edit_in_excel_lands_in_the_bank_file(folder, tmp_path, capsys):
    out = tmp_path / "all.xlsx"
    main(["content", "export", str(folder), "--out", str(out)])
    book = openpyxl.load_workbook(out)
    book["misinformation_basics"]["E3"] = "先生が書きかえた問題文"
    book.save(out)
    assert main(["content", "import", str(out), str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"変更なし: {(folder / 'datasets/quizzes/defamation_basics.csv').resolve()}" in out  # the full path
    assert f"書きこみました: {(folder / 'datasets/quizzes/misinformation_basics.yaml').resolve()}" in out
    bank = load_quiz(folder / "datasets/quizzes/misinformation_basics.yaml")
    assert bank.questions[0].text.ja == "先生が書きかえた問題文"
    assert check_tree(folder / "datasets").ok


def test_a_merged_header_cell_is_named_once_with_its_cell(folder, tmp_path, capsys):
    out = tmp_path / "all.xlsx"
    assert main(["content", "export", str(folder), "--out", str(out), "--bank", "defamation_basics.csv"]) == 0
    book = openpyxl.load_workbook(out)
    sheet = book["defamation_basics"]
    header = [c.value for c in sheet[2]]
    col = header.index("choice1_ja") + 1  # G
    sheet.merge_cells(start_row=2, start_column=col - 1, end_row=2, end_column=col)  # F2:G2, as a teacher might
    book.save(out)
    capsys.readouterr()
    assert main(["content", "import", str(out), str(folder)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == (f"all.xlsx［defamation_basics］: 2行目: G2（「{header[col - 2]}」の右）の列名が空なので、"
                        "セルの結合を解除して G2 に列名を書いてください。")
    assert lines[1] == ("取り込みをやめました。次の問題を直してから、もう一度 netkit content import を実行してください"
                        "（ファイルは何も変えていません）。 / nothing was imported; fix this problem and run netkit content import "
                        "again (no file was changed).")
    assert len(lines) == 2


def test_a_missing_choice_column_in_an_imported_sheet_is_named_once(folder, tmp_path, capsys):
    out = tmp_path / "all.xlsx"
    assert main(["content", "export", str(folder), "--out", str(out), "--bank", "defamation_basics.csv"]) == 0
    book = openpyxl.load_workbook(out)
    sheet = book["defamation_basics"]
    header = [c.value for c in sheet[2]]
    sheet.delete_cols(header.index("choice2_ja") + 1)
    book.save(out)
    capsys.readouterr()
    assert main(["content", "import", str(out), str(folder)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == ("all.xlsx［defamation_basics］: 2行目、列・項目「choice2_ja」: 列「choice2_ja」がないので、"
                        "2行目の「choice4_ja」より前に列名「choice2_ja」の列を加えてください。")
    assert len(lines) == 2 and "選択肢2の日本語が空です" not in lines[1]


def test_two_problems_are_counted_in_the_plural(folder, tmp_path, capsys):
    out = tmp_path / "all.xlsx"
    assert main(["content", "export", str(folder), "--out", str(out), "--bank", "defamation_basics.csv"]) == 0
    book = openpyxl.load_workbook(out)
    sheet = book["defamation_basics"]
    header = [c.value for c in sheet[2]]
    sheet.cell(3, header.index("audience") + 1, "中学")
    sheet.cell(4, header.index("audience") + 1, "中学")
    book.save(out)
    capsys.readouterr()
    assert main(["content", "import", str(out), str(folder)]) == 1
    assert capsys.readouterr().out.strip().splitlines()[-1].endswith("fix these 2 problems and run netkit content import again "
                                                                    "(no file was changed).")
