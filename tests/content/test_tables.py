"""Reading spreadsheets as Japanese Excel saves them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.content import ContentError, load_quiz
from tests.conftest import read_rows, write_rows


@pytest.mark.parametrize(
    "encoding,newline",
    [("utf-8-sig", "\r\n"), ("utf-8", "\n"), ("utf-8", "\r\n"), ("cp932", "\r\n"), ("shift_jis", "\r\n"), ("utf-16", "\r\n")],
)
def test_csv_reads_the_same_in_every_excel_encoding(datasets, encoding, newline):
    source = datasets / "quizzes" / "sample.csv"
    expected = load_quiz(source)
    rows = read_rows(source)
    if encoding == "utf-16":  # Excel's "Unicode text": UTF-16 with tabs
        path = datasets / "quizzes" / "copy.txt"
        with open(path, "w", encoding="utf-16", newline="") as f:
            f.write("\r\n".join("\t".join(r) for r in rows) + "\r\n")
    else:
        path = write_rows(datasets / "quizzes" / "copy.csv", rows, encoding=encoding, newline=newline)
    got = load_quiz(path)
    assert [q.text.ja for q in got.questions] == [q.text.ja for q in expected.questions]
    assert got.questions == tuple(q for q in expected.questions)


def test_xlsx_reads_like_csv(datasets):
    openpyxl = pytest.importorskip("openpyxl")
    rows = read_rows(datasets / "quizzes" / "sample.csv")
    book = openpyxl.Workbook()
    for r in rows:
        # Excel stores "1" typed in a cell as a number; the loader must read it back as 1.
        book.active.append([int(c) if c.isdigit() else c for c in r])
    path = datasets / "quizzes" / "sample.xlsx"
    book.save(path)
    assert load_quiz(path).questions == load_quiz(datasets / "quizzes" / "sample.csv").questions


def test_excel_trailing_empty_columns_and_blank_rows_are_ignored(datasets):
    rows = read_rows(datasets / "quizzes" / "sample.csv")
    padded = [r + ["", ""] for r in rows] + [[""] * (len(rows[1]) + 2)]
    padded.insert(3, [""] * len(rows[1]))
    path = write_rows(datasets / "quizzes" / "padded.csv", padded)
    assert len(load_quiz(path).questions) == 4


def test_not_a_spreadsheet_gets_a_clear_message(datasets):
    path = datasets / "quizzes" / "broken.xlsx"
    path.write_bytes(b"this is not a zip file")
    with pytest.raises(ContentError) as err:
        load_quiz(path)
    assert "Excel ファイルとして開けません" in str(err.value)
    assert "broken.xlsx" in str(err.value)


def test_a_password_protected_workbook_says_to_remove_the_password(datasets):
    path = datasets / "quizzes" / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))  # how Excel saves an encrypted .xlsx
    with pytest.raises(ContentError) as err:
        load_quiz(path)
    [problem] = err.value.problems
    assert problem.file.endswith("locked.xlsx")
    assert "パスワードを外して" in problem.why and "remove the password" in problem.why_en


def test_missing_file_names_the_file(datasets):
    with pytest.raises(ContentError) as err:
        load_quiz(datasets / "quizzes" / "nothing.csv")
    assert "nothing.csv" in str(err.value) and "見つかりません" in str(err.value)


def test_undecodable_bytes(datasets):
    path = datasets / "quizzes" / "garbage.csv"
    path.write_bytes(b"schema_version,1\n\x81\x00\xff\xfe\xfd")
    with pytest.raises(ContentError) as err:
        load_quiz(path)
    assert "garbage.csv" in str(err.value)


def test_column_names_typed_in_full_width_are_read(datasets):
    source = datasets / "quizzes" / "sample.csv"
    rows = read_rows(source)
    rows[1] = [c.replace("text_ja", "ｔｅｘｔ＿ｊａ") for c in rows[1]]
    path = write_rows(datasets / "quizzes" / "wide.csv", rows)
    assert load_quiz(path).questions == load_quiz(source).questions


YAML_QUIZ = """schema_version: 1
items:
  - id: q1
    type: truefalse
    text_ja: テスト
    text_en: test
    feedback1_ja: a
    feedback1_en: a
    feedback2_ja: b
    feedback2_en: b
    answer: "○"
    explanation_ja: c
    explanation_en: c
"""


def test_a_yaml_alias_bomb_is_refused_at_once(datasets):
    levels = "x0: &x0 [a,a,a,a,a,a,a,a,a]\n" + "".join(
        f"x{n}: &x{n} [" + ",".join([f"*x{n - 1}"] * 9) + "]\n" for n in range(1, 10))
    path = datasets / "quizzes" / "bomb.yaml"
    path.write_text(levels + YAML_QUIZ.replace("text_ja: テスト", "text_ja: *x9"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_quiz(path)  # before the fix this never returned: 9^9 values
    (problem,) = info.value.problems
    assert problem.place == "2行目" and "*x0" in problem.why and "*x0" in problem.why_en


def test_a_key_written_twice_is_named_with_both_lines(datasets):
    path = datasets / "quizzes" / "twice.yaml"
    path.write_text(YAML_QUIZ.replace("    text_en: test\n", "    text_en: test\n    text_ja: 二つ目\n"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_quiz(path)  # YAML alone would keep the second text and say nothing
    (problem,) = info.value.problems
    assert (problem.place, problem.field) == ("7行目", "text_ja") and "5行目" in problem.why


def test_yaml_written_by_the_kit_has_no_aliases_and_reads_back(tmp_path):
    from kit.content.tables import dump_yaml, read_yaml_document

    shared = [{"text_ja": "a", "next": "b"}]
    path = tmp_path / "x.yaml"
    path.write_text(dump_yaml({"one": shared, "two": shared}), encoding="utf-8")
    assert "*" not in path.read_text(encoding="utf-8")
    assert read_yaml_document(path)[1] == {"one": shared, "two": shared}


def problems_of(path):
    with pytest.raises(ContentError) as info:
        load_quiz(path)
    return info.value.problems


def test_an_empty_file_says_so(datasets):
    path = datasets / "quizzes" / "empty.csv"
    path.write_bytes(b"")
    (problem,) = problems_of(path)
    assert problem.file.endswith("empty.csv") and "空です" in problem.why and problem.why_en


def test_answers_typed_full_width_are_read(datasets):
    source = datasets / "quizzes" / "sample.csv"
    rows = read_rows(source)
    answer = rows[1].index("answer")
    for row in rows[2:]:
        row[answer] = row[answer].translate(str.maketrans("0123456789;", "０１２３４５６７８９；"))
    assert load_quiz(write_rows(datasets / "quizzes" / "wide.csv", rows)).questions == load_quiz(source).questions


def test_the_same_id_twice_names_both_rows(datasets):
    rows = read_rows(datasets / "quizzes" / "sample.csv")
    (problem,) = problems_of(write_rows(datasets / "quizzes" / "twice.csv", [*rows, rows[2]]))
    assert (problem.place, problem.field) == (f"{len(rows) + 1}行目", "id") and "3行目" in problem.why


def test_yaml_indented_with_tabs_names_the_line(datasets):
    path = datasets / "quizzes" / "tabs.yaml"
    path.write_text(YAML_QUIZ.replace("    type: truefalse", "\ttype: truefalse"), encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.place == "4行目" and "字下げ" in problem.why


SHIPPED_JH = Path(__file__).resolve().parents[2] / "datasets" / "quizzes" / "defamation_jh.yaml"


def _shipped_with(datasets, name: str, number: int, line: str) -> Path:
    lines = SHIPPED_JH.read_text("utf-8").splitlines()
    lines[number - 1] = line
    path = datasets / "quizzes" / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_full_width_space_in_an_indentation_is_named_with_its_line(datasets):
    """The teacher's case: line 9 indented with 全角スペース; PyYAML calls it 「: 」 in a value on line 10."""
    shipped = SHIPPED_JH.read_text("utf-8").splitlines()[8]
    assert shipped.startswith("    text_ja: ")
    (problem,) = problems_of(_shipped_with(datasets, "wide.yaml", 9, "\u3000  " + shipped.lstrip(" ")))
    assert problem.place == "9行目" and "全角スペース" in problem.why and "半角スペース" in problem.why
    assert "full-width space" in problem.why_en


def test_an_unclosed_quote_is_named_at_the_line_it_opened(datasets):
    """The teacher's case: a closing " left off on line 9; PyYAML noticed it on line 12 and called it indentation."""
    (problem,) = problems_of(_shipped_with(datasets, "open.yaml", 9, '    text_ja: "みんなが同じ悪口を書いているとき'))
    assert problem.place == "9行目" and "「\"」で始めた値" in problem.why and "閉じられていません" in problem.why
    assert "字下げ" not in problem.why
    quoted = _shipped_with(datasets, "fine.yaml", 9, '    text_ja: "みんなが同じ悪口を\\"書いて\\"いるとき"')
    assert load_quiz(quoted).questions  # an escaped quote inside a closed value is no problem


def test_a_quote_closed_on_a_later_line_is_not_blamed_for_another_mistake(datasets):
    lines = SHIPPED_JH.read_text("utf-8").splitlines()
    lines[8] = '    text_ja: "みんなが同じ悪口を'
    lines.insert(9, '      書いているとき"')  # a quoted value over two lines: valid YAML
    lines[11] = "\t" + lines[11].lstrip(" ")  # a tab further down is the real mistake
    path = datasets / "quizzes" / "two.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.place == "12行目" and "タブ" in problem.why


def test_yaml_that_is_a_list_says_what_shape_it_needs(datasets):
    path = datasets / "quizzes" / "list.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert "schema_version: 1" in problem.why and "items:" in problem.why


def test_a_pasted_sheet_of_thousands_of_rows_is_refused_at_once(datasets):
    from kit.content.tables import MAX_ITEMS

    rows = read_rows(datasets / "quizzes" / "sample.csv")
    many = [[f"x{i}", *rows[2][1:]] for i in range(MAX_ITEMS + 1)]
    path = write_rows(datasets / "quizzes" / "pasted.csv", rows[:2] + many)
    (problem,) = problems_of(path)  # one sentence, not 2,001 checked rows
    assert "2,001 行" in problem.why and "2,000" in problem.why_en
    write_rows(path, rows[:2] + many[:MAX_ITEMS])
    assert len(load_quiz(path).questions) == MAX_ITEMS


def test_a_huge_file_is_refused_before_it_is_read(datasets, monkeypatch):
    from kit.content import tables

    monkeypatch.setattr(tables, "MAX_BYTES", 1000)
    (problem,) = problems_of(datasets / "quizzes" / "sample.csv")
    assert "大きすぎます" in problem.why and "too large" in problem.why_en
