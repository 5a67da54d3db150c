"""The teacher's reading dictionary (datasets/readings): each mistake named with its fix, and used by furigana."""

from __future__ import annotations

import logging
import shutil

import pytest

from kit.content.check import check_tree
from kit.content.errors import ContentError
from kit.content.readings import load_counters, load_reading_dictionary, load_words
from tests.conftest import REPO


def _words(tmp_path, *rows: str):
    path = tmp_path / "readings.csv"
    path.write_text("schema_version,1\nword,reading,note\n" + "".join(r + "\n" for r in rows), "utf-8")
    return path


def _counters(tmp_path, *rows: str):
    path = tmp_path / "counters.csv"
    path.write_text("schema_version,1\ncounter,number,ending,after,reading,note\n" + "".join(r + "\n" for r in rows), "utf-8")
    return path


def _problems(load, path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load(path)
    return [p.sentence() for p in caught.value.problems]


def test_the_shipped_dictionary_loads_with_its_counters():
    dictionary = load_reading_dictionary(REPO / "datasets" / "readings")
    assert dictionary.words["お金"] == "おかね" and dictionary.words["今日"] == "きょう"
    assert len(dictionary.words) >= 100
    by_counter = {(r.counter, r.number, r.after): r.reading for r in dictionary.counters}
    assert by_counter[("日", "1", "月")] == "ついたち" and by_counter[("人", "2", "")] == "ふたり"


def test_a_reading_in_katakana_is_named_with_its_row_and_fix(tmp_path):
    [sentence] = _problems(load_words, _words(tmp_path, "お金,おかね,", "今日,キョウ,"))
    assert sentence.startswith("readings.csv: 4行目、列・項目「reading」: 「キョウ」は使えません。")
    assert "ひらがなだけ" in sentence


def test_a_word_without_kanji_and_a_word_written_twice(tmp_path):
    problems = _problems(load_words, _words(tmp_path, "おかね,おかね,", "今日,きょう,", "今日,こんにち,"))
    assert any("3行目、列・項目「word」" in p and "漢字をふくむ" in p for p in problems)
    assert any("5行目、列・項目「word」" in p and "「今日」は4行目にもあります" in p for p in problems)


def test_a_reading_that_does_not_keep_the_okurigana(tmp_path):
    [sentence] = _problems(load_words, _words(tmp_path, "読み返す,よみかえした,"))
    assert "3行目、列・項目「reading」" in sentence and "送りがな" in sentence


def test_a_missing_reading_never_shows_none(tmp_path):
    [sentence] = _problems(load_words, _words(tmp_path, "今日,,"))
    assert "3行目、列・項目「reading」: 空です。" in sentence and "None" not in sentence


def test_counter_rules_are_checked(tmp_path):
    problems = _problems(load_counters, _counters(tmp_path, "日,1,1,,ついたち,", "人,,,,にん,", "人,,,,ニン,", "3,,,,さん,"))
    assert any("3行目、列・項目「ending」" in p and "片方だけ" in p for p in problems)
    assert any("5行目、列・項目「reading」" in p for p in problems)
    assert any("6行目、列・項目「counter」" in p for p in problems)


def test_netkit_validate_names_a_broken_readings_file(tmp_path):
    datasets = tmp_path / "datasets"
    (datasets / "readings").mkdir(parents=True)
    _words(datasets / "readings", "お金,おかね,", "お金,おかね,")
    report = check_tree(datasets)
    assert [p.file for p in report.problems] == ["datasets/readings/readings.csv"]
    assert "「お金」は3行目にもあります" in report.problems[0].why


@pytest.fixture
def teacher_datasets(tmp_path, monkeypatch):
    from kit.text.furigana import reload_readings

    datasets = tmp_path / "datasets"
    shutil.copytree(REPO / "datasets" / "readings", datasets / "readings")
    monkeypatch.setenv("NETKIT_DATASETS", str(datasets))
    reload_readings()
    yield datasets
    monkeypatch.delenv("NETKIT_DATASETS")
    reload_readings()


def test_a_teachers_reading_changes_the_furigana(teacher_datasets):
    from kit.text.furigana import reload_readings, ruby_html

    assert "<rt>みなも</rt>" not in ruby_html("水面に")
    with open(teacher_datasets / "readings" / "readings.csv", "a", encoding="utf-8") as f:
        f.write("水面,みなも,詩の読み\n")
    reload_readings()
    assert "<ruby>水面<rp>(</rp><rt>みなも</rt><rp>)</rp></ruby>に" == ruby_html("水面に")


def test_a_broken_teachers_dictionary_leaves_the_kits_readings(teacher_datasets, caplog):
    from kit.text.furigana import reload_readings, ruby_html

    (teacher_datasets / "readings" / "readings.csv").write_text("schema_version,1\nword,reading\nお金,オカネ\n", "utf-8")
    reload_readings()
    with caplog.at_level(logging.WARNING, logger="kit.text.furigana"):
        assert "<rt>かね</rt>" in ruby_html("お金をはらう")
    assert "readings.csv" in caplog.text
