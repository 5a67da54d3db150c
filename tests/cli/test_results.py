"""``netkit results list | export | purge`` in process."""

from __future__ import annotations

import pytest

from kit.cli import main
from kit.store import open_store
from kit.store.records import Answer


@pytest.fixture
def data(tmp_path):
    store = open_store(tmp_path / "results.sqlite3")
    for cls, when in (("1-1", "2026-04-01T09:00:00"), ("2-3", "2026-10-01T09:00:00")):
        store.record(Answer("demo", "q-single", (0,), True, "pre", f"s{cls}", "=cmd|' /C calc'!A0", cls, when))
    store.close()
    return tmp_path


def test_list(data, capsys):
    assert main(["results", "list", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "1-1\tdemo\t1\t1" in out and "2-3\tdemo" in out


def test_export_csv_for_excel_and_xlsx(data, tmp_path):
    csv_path, xlsx_path = tmp_path / "out.csv", tmp_path / "out.xlsx"
    assert main(["results", "export", "--data-dir", str(data), "--class", "2-3", "-o", str(csv_path)]) == 0
    body = csv_path.read_bytes()
    assert body.startswith(b"\xef\xbb\xbf") and b"\r\n" in body
    text = body.decode("utf-8-sig")
    assert "2-3" in text and "1-1" not in text and "'=cmd" in text  # formula injection neutralised
    assert main(["results", "export", "--data-dir", str(data), "-o", str(xlsx_path)]) == 0
    import openpyxl

    book = openpyxl.load_workbook(xlsx_path)
    assert len(book.sheetnames) == 3


def test_purge_asks_first(data, monkeypatch, capsys):
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["results", "purge", "--data-dir", str(data), "--class", "1-1"]) == 1
    assert len(open_store(data / "results.sqlite3").answers()) == 2
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert main(["results", "purge", "--data-dir", str(data), "--before", "2026-05-01"]) == 0
    assert [a.class_code for a in open_store(data / "results.sqlite3").answers()] == ["2-3"]


def test_purge_with_yes_for_scripts_and_refuses_without_a_filter(data):
    assert main(["results", "purge", "--data-dir", str(data)]) == 2
    assert main(["results", "purge", "--data-dir", str(data), "--all", "--yes"]) == 0
    assert open_store(data / "results.sqlite3").answers() == []
