"""Matched forms: a student's order of forms, and what netkit validate says about forms that do not match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from kit import notebook
from kit.content import ContentError, load_quiz
from kit.content.forms import form_for, form_problems, forms, orders, profile

REPO = Path(__file__).resolve().parents[2]


def tf(qid, form, answer, group=""):
    return {"id": qid, "form": form, "group": group, "type": "truefalse", "audience": "中学生", "text_ja": f"文{qid}",
            "feedback1_ja": "○へ", "feedback2_ja": "×へ", "answer": answer, "explanation_ja": "解説"}


def single(qid, form, group=""):
    return {"id": qid, "form": form, "group": group, "type": "single", "audience": "中学生", "text_ja": f"問{qid}",
            "choice1_ja": "ア", "feedback1_ja": "正解", "choice2_ja": "イ", "feedback2_ja": "ちがう", "answer": "1",
            "explanation_ja": "解説"}


def bank_file(tmp_path, items) -> Path:
    path = tmp_path / "datasets" / "quizzes" / "forms.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump({"schema_version": 1, "items": items}, allow_unicode=True), "utf-8")
    return path


def problems(path):
    with pytest.raises(ContentError) as err:
        load_quiz(path)
    return err.value.problems


def test_two_forms_give_two_orders_and_each_phase_its_form():
    assert orders(["B", "A"]) == ("AB", "BA")
    assert orders("ABC") == ("AB", "BC", "CA")  # every form comes first once, and second once
    assert [form_for("AB", p) for p in ("pre", "post")] == ["A", "B"]
    assert [form_for("BA", p) for p in ("pre", "post")] == ["B", "A"]


def test_matched_forms_load_and_keep_their_letters(tmp_path):
    bank = load_quiz(bank_file(tmp_path, [tf("a1", "a", "○"), tf("a2", "A", "×"), single("a3", "A"),
                                          tf("b1", "B", "×"), single("b2", "B"), tf("b3", "B", "○")]))
    by_form = forms(bank.questions)
    assert {f: [q.id for q in qs] for f, qs in by_form.items()} == {"A": ["a1", "a2", "a3"], "B": ["b1", "b2", "b3"]}
    assert profile(by_form["A"]) == profile(by_form["B"])


def test_a_form_with_another_true_false_split_is_named_with_its_item_field_and_fix(tmp_path):
    path = bank_file(tmp_path, [tf("a1", "A", "○"), tf("a2", "A", "×"), tf("b1", "B", "×"), tf("b2", "B", "×")])
    [problem] = problems(path)
    assert (problem.file, problem.place, problem.field) == ("datasets/quizzes/forms.yaml", "3番目の項目（id: b1）", "answer")
    assert "○0・×2" in problem.why and "○1・×1" in problem.why and "書きかえて" in problem.why
    assert problem.sentence().count("。") == 1  # one sentence a teacher can act on
    assert "so the answer is ○" in problem.sentence_en()


def test_the_changed_form_is_named_with_its_rows_in_words_a_teacher_reads(tmp_path):
    """def-pre-1 (row 3, form A) made a ○ statement: form A is off, not form B, and the message points at A's rows."""
    shipped = (REPO / "datasets/quizzes/defamation_basics.csv").read_text("utf-8-sig").splitlines()
    assert shipped[2].startswith("def-pre-1,A,truefalse,")
    shipped[2] = shipped[2].rsplit(",×,", 1)[0] + ",○," + shipped[2].rsplit(",×,", 1)[1]
    path = tmp_path / "datasets" / "quizzes" / "defamation_basics.csv"
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(shipped) + "\n", "utf-8")
    [problem] = problems(path)
    sentence = problem.sentence()
    assert (problem.place, problem.field) == ("3行目", "answer"), sentence
    assert "事前・事後のテストに使う組（form A と B）" in sentence and "フォーム" not in sentence
    assert "form A は○2・×0" in sentence and "form B は○1・×1" in sentence
    assert "form A の答えが○の問題（3行目の def-pre-1、" in sentence and "def-post" not in sentence
    assert "answer を × に" in sentence and sentence.count("。") == 1
    assert "row 3 (def-pre-1)" in problem.sentence_en()


def test_group_pre_and_post_beside_forms_is_told_as_one_fix(tmp_path):
    path = bank_file(tmp_path, [tf("a1", "A", "○", "pre"), tf("a2", "A", "×", "pre"),
                                tf("b1", "B", "○", "post"), tf("b2", "B", "×", "post")])
    [problem] = problems(path)
    assert problem.field == "group" and "group の列を空に" in problem.why and "「pre」" in problem.why
    assert "leave group empty" in problem.why_en
    [lone] = problems(bank_file(tmp_path, [tf("b1", "B", "○"), tf("b2", "B", "×")]))
    assert "form を A に" in lone.why  # a lone B is told to add A, not another B


def test_a_form_with_another_mix_of_types_names_the_question_to_change(tmp_path):
    path = bank_file(tmp_path, [tf("a1", "A", "○"), single("a2", "A"), tf("b1", "B", "○"), tf("b2", "B", "×")])
    [problem] = problems(path)
    assert (problem.place, problem.field) == ("3番目の項目（id: b1）", "type")
    assert "○×2" in problem.why and "1つ選ぶ1・○×1" in problem.why


def test_a_form_with_fewer_questions_and_a_lone_form_are_told(tmp_path):
    [short] = problems(bank_file(tmp_path, [tf("a1", "A", "○"), tf("a2", "A", "×"), tf("b1", "B", "○")]))
    assert (short.place, short.field) == ("3番目の項目（id: b1）", "form") and "1問" in short.why and "2問" in short.why
    [lone] = problems(bank_file(tmp_path, [tf("a1", "A", "○"), tf("a2", "A", "×")]))
    assert lone.field == "form" and "Aだけ" in lone.why and "form を B に" in lone.why


def test_a_question_left_out_of_its_groups_forms_is_told(tmp_path):
    path = bank_file(tmp_path, [tf("a1", "A", "○"), tf("b1", "B", "○"), tf("x", "", "×")])
    [problem] = problems(path)
    assert (problem.place, problem.field) == ("3番目の項目（id: x）", "form") and "A・B" in problem.why


def test_groups_are_matched_separately_and_a_bank_without_forms_is_left_alone(tmp_path):
    path = bank_file(tmp_path, [tf("a1", "A", "○", "es"), tf("b1", "B", "○", "es"),
                                tf("c1", "A", "○", "hs"), tf("c2", "B", "×", "hs")])
    [problem] = problems(path)
    assert problem.place == "4番目の項目（id: c2）" and "group「hs」" in problem.why
    plain = load_quiz(bank_file(tmp_path, [tf("p1", "", "○", "pre"), tf("p2", "", "×", "post")]))
    assert form_problems(plain) == [] and forms(plain.questions) == {}


def test_a_form_letter_that_is_not_a_letter_is_refused_by_the_schema(tmp_path):
    [problem] = problems(bank_file(tmp_path, [tf("a1", "1", "○"), tf("b1", "B", "○")]))
    assert problem.field == "form" and "1文字" in problem.why


def shipped_quiz_calls():
    for path in sorted((REPO / "lessons").glob("*/*.ipynb")):
        book = notebook.read(path)
        for call in book.calls:
            if call.method == "quiz" and call.keyword("phase") in ("pre", "post"):
                yield f"{path.parent.name}/{path.stem}", call


@pytest.mark.parametrize(("lesson", "call"), list(shipped_quiz_calls()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_shipped_pre_and_post_test_draws_from_two_matched_forms(lesson, call):
    bank = load_quiz(REPO / "datasets" / call.args[0])
    chosen = bank.select(group=call.keyword("group")) if call.keyword("group") else bank
    by_form = forms(chosen.questions)
    assert sorted(by_form) == ["A", "B"], lesson
    assert profile(by_form["A"]) == profile(by_form["B"])
    assert len(by_form["A"]) >= 4


GIVEAWAY = re.compile(r"何もない|何の問題もない|心配はいらない|絶対に")


def test_no_shipped_post_form_gives_its_answer_away_with_an_absolute():
    """「見ている人にできることは何もない」 was answered by its wording alone: such statements were rewritten."""
    found = []
    for path in sorted((REPO / "datasets" / "quizzes").glob("*.*")):
        for q in load_quiz(path).questions:
            if q.form == "B" and GIVEAWAY.search(q.text.ja):
                found.append(f"{path.name} {q.id}: {q.text.ja}")
    assert found == []


def test_the_lessons_call_the_quiz_without_a_pre_or_post_group():
    for path in sorted((REPO / "lessons").glob("*/*.ipynb")):
        source = json.dumps(json.loads(path.read_text("utf-8"))["cells"], ensure_ascii=False)
        assert 'group=\\"pre\\"' not in source and '-pre\\"' not in source, path.name


def test_a_declared_pair_is_swapped_for_a_student_whose_order_is_swapped():
    from kit.content.forms import PAIR_ORDERS, form_in_pair

    assert PAIR_ORDERS == orders("AB")
    assert [form_in_pair("AB", ("a", "b"), f) for f in ("a", "b")] == ["a", "b"]
    assert [form_in_pair("BA", ("a", "b"), f) for f in ("a", "b")] == ["b", "a"]
    assert form_in_pair("BA", ("a", "b"), "c") == "c" and form_in_pair("", ("a", "b"), "a") == "a"
