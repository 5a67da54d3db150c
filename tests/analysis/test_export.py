"""to_csv_bytes / to_xlsx_bytes: files Japanese Excel opens, with formula injection neutralised."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from kit.analysis.export import sheet_name, to_csv_bytes, to_xlsx_bytes

TABLE = pd.DataFrame({
    "student": ["たろう", "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "普通"],
    "score": [0.5, -0.25, 1.0, None, 0.0, 1.0],
})


def test_csv_has_bom_and_crlf_and_reads_back():
    body = to_csv_bytes(TABLE)
    assert body.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in body and body.count(b"\n") == body.count(b"\r\n")
    back = pd.read_csv(io.BytesIO(body), encoding="utf-8-sig")
    assert list(back.columns) == ["student", "score"]
    assert back.loc[0, "student"] == "たろう" and back.loc[1, "score"] == -0.25  # a negative number stays a number


def test_csv_neutralises_formulas():
    students = pd.read_csv(io.BytesIO(to_csv_bytes(TABLE)), encoding="utf-8-sig")["student"].tolist()
    assert students[1:5] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)"]
    assert students[5] == "普通"


def test_xlsx_reads_back_with_safe_cells():
    body = to_xlsx_bytes({"生徒": TABLE, "x" * 40: TABLE.head(1)})
    book = openpyxl.load_workbook(io.BytesIO(body))
    assert book.sheetnames == ["生徒", "x" * 31]
    rows = [[c.value for c in row] for row in book["生徒"].iter_rows()]
    assert rows[0] == ["student", "score"]
    assert rows[1] == ["たろう", 0.5] and rows[4] == ["'-2", None]
    cell = book["生徒"]["A3"]
    assert cell.value == "'=HYPERLINK(\"http://x\")" and cell.data_type == "s"  # text, not a formula
    assert book["生徒"]["B3"].value == -0.25


def test_xlsx_drops_control_characters_a_nickname_may_carry():
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes({"a": pd.DataFrame({"n": ["ab\x01c"]})})))
    assert book["a"]["A2"].value == "abc"


def test_sheet_names_are_valid_and_unique():
    assert sheet_name("2-3/道徳 [1]", []) == "2-3_道徳 _1_"
    assert sheet_name("items", ["Items"]) == "items (2)"
    assert len(sheet_name("y" * 40, ["y" * 31])) == 31


def test_csv_writes_shares_as_percentages_people_read_and_other_numbers_as_they_are():
    body = to_csv_bytes(TABLE.assign(rate=[0.8333, -0.25, 1.0, None, -0.003, 0.005]), percent={"rate"})
    back = pd.read_csv(io.BytesIO(body), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back["rate"].tolist() == ["83%", "-25%", "100%", "", "0%", "0%"]  # "-25%" is a number to Excel, no quote
    assert back.loc[1, "score"] == "-0.25" and back.loc[1, "student"].startswith("'=")  # the rest as before
