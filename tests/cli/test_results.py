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


@pytest.fixture
def seats(tmp_path):
    store = open_store(tmp_path / "results.sqlite3")
    for seat, right in (("12", True), ("5", False), ("３", True)):
        store.record(Answer("demo", "q-single", (0,) if right else (1,), right, "pre", f"s{seat}", seat, "2-1",
                            "2026-04-10T00:30:00.000+00:00"))
    store.close()
    return tmp_path


def test_the_workbook_is_in_japanese_with_real_dates_numbers_and_marks(seats, tmp_path, capsys):
    import datetime

    import openpyxl

    out = tmp_path / "2-1.xlsx"
    assert main(["results", "export", "--data-dir", str(seats), "--class", "2-1", "-o", str(out)]) == 0
    assert str(out.resolve()) in capsys.readouterr().out  # the full path written
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["回答", "問題ごと", "生徒ごと"]
    answers = book["回答"]
    head = [c.value for c in answers[1]]
    when = answers.cell(2, head.index("回答時刻") + 1)
    assert when.value == datetime.datetime(2026, 4, 10, 9, 30) and when.is_date  # Japan time, an Excel date
    assert {answers.cell(r, head.index("正解") + 1).value for r in range(2, 5)} == {"○", "×"}
    seats_col = [answers.cell(r, head.index("ニックネーム") + 1).value for r in range(2, 5)]
    assert sorted(seats_col) == [3, 5, 12]  # numbers, so 5 sorts before 12
    items = book["問題ごと"]
    head = [c.value for c in items[1]]
    rate = items.cell(2, head.index("正答率") + 1)
    assert rate.value == pytest.approx(0.6667) and rate.number_format == "0%"  # not 0.6666666666666666


def test_exporting_a_class_without_answers_says_so_and_fails(seats, tmp_path, capsys):
    out = tmp_path / "none.xlsx"
    assert main(["results", "export", "--data-dir", str(seats), "--class", "9-9", "-o", str(out)]) == 1
    assert "書き出す答えがありません" in capsys.readouterr().err and not out.exists()


def test_list_shows_japan_time_and_merged_spellings(seats, capsys):
    store = open_store(seats / "results.sqlite3")
    store.record(Answer("demo", "q-single", (0,), True, "pre", "s9", "9", "２－１", "2026-04-10T01:00:00+00:00"))
    store.close()
    assert main(["results", "list", "--data-dir", str(seats)]) == 0
    out = capsys.readouterr().out
    assert "2-1\tdemo\t4\t4\t2026-04-10 10:00" in out and "「2-1」「２－１」" in out


def test_export_adds_the_class_experiments_two_tables_when_the_lesson_ran_one(tmp_path, capsys):
    import csv
    import io
    import json
    import shutil

    import openpyxl

    from tests.conftest import REPO

    folder = tmp_path / "school"
    (folder / "lessons" / "piracy").mkdir(parents=True)
    (folder / "datasets").symlink_to(REPO / "datasets")
    shutil.copy(REPO / "lessons/piracy/jh.ipynb", folder / "lessons/piracy/jh.ipynb")
    design, arms = "experiment:streaming-after", ("control", "after_roleplay")
    store = open_store(tmp_path / "results.sqlite3")
    for k in range(4):
        session = f"{k:032x}"
        arm = store.assign("piracy-jh", design, arms, session, "2-1", f"s{k}")
        for i in range(4):  # the after-the-role-play arm gets one more right: 75% against 50%
            store.record(Answer("piracy-jh", f"q{i}", (0,), i < (3 if arm == "after_roleplay" else 2), "post", session,
                                f"s{k}", "2-1", "2026-11-01T01:00:00"))
    store.close()
    common = ["results", "export", "--data-dir", str(tmp_path), "--dir", str(folder), "--lesson", "piracy-jh"]
    assert main([*common, "-o", str(tmp_path / "out.xlsx")]) == 0
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert book.sheetnames[-2:] == ["実験", "実験のまとめ"]
    capsys.readouterr()
    assert main([*common, "--table", "experiment_summary"]) == 0
    [row] = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert row["授業の題名"] == json.loads((REPO / "lessons/piracy/jh.ipynb").read_text("utf-8"))["metadata"]["netkit"]["title_ja"]
    assert (row["1つ目の群の人数"], row["2つ目の群の人数"]) == ("2", "2") and row["くらべるもの"] == "事後テストの点数"
    assert (row["1つ目の群の平均"], row["2つ目の群の平均"], row["差（2つ目−1つ目）"]) == ("50%", "75%", "25%")
    assert row["差（95% の範囲の下）"] == row["差（95% の範囲の上）"] == "25%"  # no spread within an arm
    assert "まだ判断できません" in row["先生への一文"]
    assert main([*common, "--table", "experiment"]) == 0
    students = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert sorted(r["群"] for r in students) == sorted(arms * 2) and {r["実験"] for r in students} == {"streaming-after"}
    # A lesson with no experiment: no such table, said plainly, nothing written.
    assert main(["results", "export", "--data-dir", str(tmp_path), "--dir", str(tmp_path / "none"),
                 "--table", "experiment"]) == 1
    assert "表「experiment」はありません" in capsys.readouterr().err


def _named_answers(tmp_path):
    """A class that answered a quiz question, a question since deleted, a PostChecker check and a role-play choice."""
    from tests.conftest import REPO

    folder = tmp_path / "school"
    (folder / "lessons").mkdir(parents=True)
    (folder / "datasets").symlink_to(REPO / "datasets")
    store = open_store(tmp_path / "results.sqlite3")
    when, bank = "2026-11-01T01:00:00.000+00:00", "quizzes/defamation_basics.csv"
    for item, response, stored_bank in (("def-pre-1", (1,), bank), ("def-gone-9", (0,), bank),
                                        ("postchecker:1", (), "lexicon/lexicon.yaml"),
                                        ("scenario:celebrity-replies:p-3", (0,), "scenarios/celebrity_replies.yaml")):
        store.record(Answer("defamation-basics", item, response, True, "pre", "s1", "7", "2-1", when, stored_bank))
    store.close()
    return ["results", "export", "--data-dir", str(tmp_path), "--dir", str(folder)]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_answers_sheet_names_each_question_as_the_teachers_page_does_and_keeps_its_id(tmp_path, lang):
    import openpyxl

    from kit.serve.report import build_report
    from tests.conftest import REPO

    common = _named_answers(tmp_path)
    out = tmp_path / "out.xlsx"
    assert main([*common, "--lang", lang, "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out)["回答" if lang == "ja" else "Answers"]
    head = [c.value for c in sheet[1]]
    item, text = ("問題", "問題文") if lang == "ja" else ("Item", "Question")
    assert head.index(text) == head.index(item) + 1  # the name right beside the id
    rows = {sheet.cell(r, head.index(item) + 1).value: sheet.cell(r, head.index(text) + 1).value
            for r in range(2, sheet.max_row + 1)}
    stored = open_store(tmp_path / "results.sqlite3").answers()
    page = {i["text"] for i in build_report(stored, REPO / "datasets", lang)["items"]}
    question = "人の評判を下げる話でも" if lang == "ja" else "If a story that lowers someone's reputation"
    assert rows["def-pre-1"].startswith(question) and rows["def-pre-1"] in page
    assert rows["postchecker:1"] == ("投稿チェック（1回目）で見つかったことば" if lang == "ja"
                                     else "What PostChecker found (check 1)")
    scene = "返信欄には" if lang == "ja" else "The replies are full of"
    assert scene in rows["scenario:celebrity-replies:p-3"] and rows["scenario:celebrity-replies:p-3"] in page
    assert rows["def-gone-9"] == ("（削除された問題）" if lang == "ja" else "(deleted question)")
    assert all(v for v in rows.values()) and len(rows) == 4


def test_the_answers_csv_names_each_question_and_a_script_still_finds_its_id(tmp_path, capsys):
    import csv
    import io

    assert main(_named_answers(tmp_path)) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    named = {r["問題"]: r["問題文"] for r in rows}
    assert set(named) == {"def-pre-1", "def-gone-9", "postchecker:1", "scenario:celebrity-replies:p-3"}
    assert named["def-gone-9"] == "（削除された問題）" and named["postchecker:1"].startswith("投稿チェック（1回目）")
    [answer] = [r for r in rows if r["問題"] == "def-pre-1"]
    assert answer["答えの番号（スクリプト用）"] == "2" and answer["答え"] not in ("", "2")  # words, and the number kept


def test_the_students_csv_writes_scores_as_percentages_and_says_it_wrote_students(tmp_path, capsys):
    import csv
    import io

    store = open_store(tmp_path / "results.sqlite3")
    for seat, rights in (("1", (True,) * 5 + (False,)), ("2", (True, False))):
        for k, right in enumerate(rights):
            store.record(Answer("demo", f"q{k}", (0,), right, "post", f"s{seat}", seat, "2-1", "2026-04-10T00:30:00+00:00"))
    store.close()
    out = tmp_path / "students.csv"
    assert main(["results", "export", "--data-dir", str(tmp_path), "--table", "students", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "2 人の生徒の表（生徒ごと）を書き出しました" in said and "exported the table of 2 students" in said
    assert "件の答え" not in said
    rows = {r["ニックネーム"]: r for r in csv.DictReader(io.StringIO(out.read_text("utf-8-sig")))}
    assert (rows["1"]["事後の得点率"], rows["2"]["事後の得点率"]) == ("83%", "50%")  # not 0.8333
    assert rows["1"]["事前の得点率"] == ""  # no pre-test taken: empty, as 「—」 on the page
    assert main(["results", "export", "--data-dir", str(tmp_path), "--table", "items", "-o", str(out)]) == 0
    assert "6 問の表（問題ごと）を書き出しました" in capsys.readouterr().out
    assert main(["results", "export", "--data-dir", str(tmp_path), "-o", str(tmp_path / "all.xlsx")]) == 0
    assert "3 枚の表を Excel ファイルに書き出しました（8 件の答え・6 問・2 人の生徒）" in capsys.readouterr().out


def test_the_answers_csv_names_each_phase_as_the_page_does(tmp_path, capsys):
    import csv
    import io

    store = open_store(tmp_path / "results.sqlite3")
    for phase in ("pre", "post", "delayed", "practice"):
        store.record(Answer("demo", f"q-{phase}", (0,), True, phase, "s1", "1", "2-1", "2026-04-10T00:30:00+00:00"))
    store.close()
    for lang, names in (("ja", {"事前", "事後", "数週間後", "練習"}), ("en", {"Pre", "Post", "Weeks later", "Practice"})):
        assert main(["results", "export", "--data-dir", str(tmp_path), "--lang", lang]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
        assert {r["時期" if lang == "ja" else "Phase"] for r in rows} == names
