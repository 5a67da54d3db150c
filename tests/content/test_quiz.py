"""Quiz banks: every broken file gives its precise message naming file, row, field and fix."""

from __future__ import annotations

import re

import pytest

from kit.content import ContentError, QuestionType, load_quiz
from kit.content.quiz import read_quiz
from tests.conftest import read_rows, set_cell, write_rows


def broken(datasets, item_id, column, value):
    rows = set_cell(read_rows(datasets / "quizzes" / "sample.csv"), item_id, column, value)
    return write_rows(datasets / "quizzes" / "broken.csv", rows)


def problems_of(path):
    with pytest.raises(ContentError) as err:
        load_quiz(path)
    return err.value.problems


def test_valid_bank_loads_every_type(datasets):
    bank = load_quiz(datasets / "quizzes" / "sample.csv")
    assert [q.type for q in bank.questions] == [
        QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE, QuestionType.ORDER]
    single, multi, tf, order = bank.questions
    assert single.answer == (0,) and multi.answer == (0, 2) and tf.answer == (1,)
    assert order.answer == (0, 1, 2)
    assert tf.choices[0].text.ja.startswith("○") and tf.choices[1].feedback.en == "Right."
    assert [q.id for q in bank.select(group="pre").questions] == ["q-single", "q-multi"]


@pytest.mark.parametrize(
    "item,column,value,field,words",
    [
        ("q-single", "type", "choice", "type", "single（1つ選ぶ）"),
        ("q-single", "audience", "中学", "audience", "中学生"),
        ("q-single", "id", "Q 1", "id", "英小文字"),
        ("q-single", "answer", "5", "answer", "選択肢5はありません"),
        ("q-single", "answer", "1;2", "answer", "正解は1つだけ"),
        ("q-single", "answer", "あ", "answer", "番号になっていません"),
        ("q-multi", "answer", "1;1", "answer", "同じ番号が2回"),
        ("q-tf", "answer", "たぶん", "answer", "○ か × を書いて"),
        ("q-tf", "choice1_ja", "はい", "choice1_ja", "選択肢を書かないで"),
        ("q-order", "answer", "1;2", "answer", "全部、正しい順に"),
        ("q-single", "text_ja", "", "text_ja", "空です"),
        ("q-single", "source", "my own", "source", "空のまま（または「自作」）"),
        ("q-single", "feedback2_ja", "", "feedback2_ja", "フィードバックを書いて"),
        ("q-single", "choice2_ja", "", "choice2_ja", "日本語が空です"),
        ("q-single", "id", "q-multi", "id", "使われています"),
    ],
)
def test_each_mistake_names_file_row_field_and_fix(datasets, item, column, value, field, words):
    problems = problems_of(broken(datasets, item, column, value))
    match = [p for p in problems if p.field == field]
    assert match, [p.sentence() for p in problems]
    sentence = match[0].sentence()
    assert "broken.csv" in sentence
    assert "行目" in sentence  # the spreadsheet row Excel shows
    assert words in sentence
    assert match[0].sentence_en()  # English for staff and logs


def test_row_numbers_are_the_ones_excel_shows(datasets):
    problems = problems_of(broken(datasets, "q-tf", "audience", "大人"))
    assert problems[0].place == "5行目"  # schema_version row 1, header row 2, q-tf is the third item


def test_misspelt_column_gets_did_you_mean_once(datasets):
    rows = read_rows(datasets / "quizzes" / "sample.csv")
    rows[1][rows[1].index("explanation_ja")] = "explenation_ja"
    problems = problems_of(write_rows(datasets / "quizzes" / "typo.csv", rows))
    typo = [p for p in problems if p.field == "explenation_ja"]
    assert len(typo) == 1 and "explanation_ja" in typo[0].sentence() and "まちがい" in typo[0].sentence()
    missing = [p for p in problems if p.field == "explanation_ja"]
    assert len(missing) == 1 and "ありません" in missing[0].sentence()  # once for the file, not per row


def test_every_problem_is_reported_at_once(datasets):
    rows = read_rows(datasets / "quizzes" / "sample.csv")
    set_cell(rows, "q-single", "type", "one")
    set_cell(rows, "q-multi", "audience", "?")
    set_cell(rows, "q-order", "answer", "9")
    problems = problems_of(write_rows(datasets / "quizzes" / "many.csv", rows))
    assert {(p.place, p.field) for p in problems} >= {("3行目", "type"), ("4行目", "audience"), ("6行目", "answer")}


def test_missing_schema_version_row(datasets):
    rows = read_rows(datasets / "quizzes" / "sample.csv")[1:]
    problems = problems_of(write_rows(datasets / "quizzes" / "nover.csv", rows))
    assert problems[0].field == "schema_version" and "1行目" in problems[0].sentence()


def test_newer_schema_version_asks_for_an_upgrade(datasets):
    rows = read_rows(datasets / "quizzes" / "sample.csv")
    rows[0][1] = "7"
    problems = problems_of(write_rows(datasets / "quizzes" / "newer.csv", rows))
    assert "キットを更新" in problems[0].sentence()


def test_yaml_bank_with_a_misspelt_key(datasets):
    path = datasets / "quizzes" / "bank.yaml"
    path.write_text(
        "schema_version: 1\nitems:\n  - id: y1\n    type: truefalse\n    audience: 中学生\n"
        "    text_ja: うわさは広めない\n    text_en: Do not spread rumours\n    answr: ○\n"
        "    feedback1_ja: はい\n    feedback1_en: Yes\n    feedback2_ja: いいえ\n    feedback2_en: No\n"
        "    explanation_ja: 説明\n    explanation_en: Why\n    source: insult-penalty-2022\n",
        encoding="utf-8",
    )
    problems = problems_of(path)
    sentences = " ".join(p.sentence() for p in problems)
    assert "「answer」のまちがい" in sentences
    assert "1番目の項目（id: y1）" in sentences


def test_yaml_syntax_error_names_the_line(datasets):
    path = datasets / "quizzes" / "bad.yaml"
    path.write_text("schema_version: 1\nitems:\n  - id: a\n   type: single\n", encoding="utf-8")
    problems = problems_of(path)
    assert problems[0].place == "4行目" and "字下げがずれています" in problems[0].why
    assert not re.search(r"[A-Za-z]{3,}", problems[0].why)  # Japanese only: no "expected <block end>"


def test_yaml_answer_may_be_a_number(datasets):
    path = datasets / "quizzes" / "num.yaml"
    path.write_text(
        "schema_version: 1\nitems:\n  - id: n1\n    type: single\n    audience: 高校生\n"
        "    text_ja: 問\n    text_en: Q\n    choice1_ja: あ\n    choice1_en: a\n    feedback1_ja: ○\n    feedback1_en: ok\n"
        "    choice2_ja: い\n    choice2_en: b\n    feedback2_ja: ×\n    feedback2_en: no\n"
        "    answer: 2\n    explanation_ja: 説明\n    explanation_en: Why\n    source: insult-penalty-2022\n",
        encoding="utf-8",
    )
    assert load_quiz(path).questions[0].answer == (1,)


def test_a_question_in_japanese_only_and_of_the_teachers_own_loads(datasets):
    rows = read_rows(datasets / "quizzes" / "sample.csv")
    header = rows[1]
    keep = [i for i, name in enumerate(header) if not name.endswith("_en")]
    rows = [[r[i] if i < len(r) else "" for i in keep] for r in rows[:1]] + [[r[i] for i in keep] for r in rows[1:]]
    rows[0] = rows[0][:2]
    for row in rows[2:]:
        row[rows[1].index("source")] = "自作" if row[0] == "q-single" else ""
    path = write_rows(datasets / "quizzes" / "japanese_only.csv", rows)
    bank = load_quiz(path)
    single = bank.questions[0]
    assert single.text.get("en") == single.text.ja  # English missing: the Japanese is shown
    assert single.choices[1].text.get("en") == single.choices[1].text.ja
    assert all(q.source == "" and q.source_label.ja == "先生の作成" for q in bank.questions)


def without_column(datasets, column):
    rows = read_rows(datasets / "quizzes" / "sample.csv")
    col = rows[1].index(column)
    return write_rows(datasets / "quizzes" / "broken.csv", [r[:col] + r[col + 1:] if i else r for i, r in enumerate(rows)])


@pytest.mark.parametrize("column, later", [("choice2_ja", "choice3_ja"), ("choice1_en", "choice3_en"),
                                           ("feedback2_ja", "feedback3_ja")])
def test_a_missing_numbered_column_is_named_once_not_once_per_row(datasets, column, later):
    [problem] = problems_of(without_column(datasets, column))
    assert (problem.file, problem.place, problem.field) == ("datasets/quizzes/broken.csv", "2行目", column)
    assert problem.why == f"列「{column}」がないので、2行目の「{later}」より前に列名「{column}」の列を加えてください。"
    assert problem.sentence_en().endswith(f"the column '{column}' is missing, so add a column named '{column}' before '{later}' "
                                          "in the header row.")


def test_a_missing_required_column_is_still_named_once(datasets):
    [problem] = problems_of(without_column(datasets, "answer"))
    assert problem.why == "列「answer」がありません。2行目に列名「answer」を加えてください。"


@pytest.mark.parametrize("column, typed, meant", [
    ("type", "TrueFalse ", QuestionType.TRUEFALSE), ("type", "ｔｒｕｅｆａｌｓｅ", QuestionType.TRUEFALSE),
    ("audience", " 中学生　", "中学生"), ("group", "post", "post")])
def test_enumerated_fields_typed_with_the_ime_on_or_a_stray_space_are_read_as_meant(datasets, column, typed, meant):
    bank = load_quiz(broken(datasets, "q-tf", column, typed))
    [question] = bank.select(ids=["q-tf"]).questions
    assert getattr(question, column) == meant


@pytest.mark.parametrize("typed, meant", [("Ａ", "A"), ("ａ", "A"), (" A ", "A"), ("b", "B")])
def test_a_full_width_or_lower_case_form_is_read_as_its_letter(datasets, typed, meant):
    rows = read_rows(datasets / "quizzes" / "sample.csv")
    rows[1].append("form")
    for row in rows[2:]:
        row.append("")
    rows[2][-1] = typed
    bank, problems = read_quiz(write_rows(datasets / "quizzes" / "formed.csv", rows))
    assert problems == []
    assert bank.questions[0].form == meant


def test_a_type_that_is_no_type_is_still_refused(datasets):
    [problem] = problems_of(broken(datasets, "q-tf", "type", "○×"))
    assert problem.field == "type"
