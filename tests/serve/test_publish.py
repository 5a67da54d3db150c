"""Publishing a changed lesson from the teacher's page: the checks, where it is written, who sees it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kit.serve.publish import MAX_BYTES, check_upload, code_problems, digest, lesson_name, sync, teacher_folder, visible

REPO = Path(__file__).resolve().parents[2]
DATASETS = REPO / "datasets"
BASICS = REPO / "lessons/defamation/basics.ipynb"


def notebook(*cells, meta=None) -> bytes:
    doc = json.loads(BASICS.read_text("utf-8"))
    if meta is not None:
        doc["metadata"]["netkit"] = meta
    doc["cells"] += [{"cell_type": kind, "metadata": {}, "source": source,
                      **({"outputs": [], "execution_count": None} if kind == "code" else {})} for kind, source in cells]
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def sentences(checked) -> list[str]:
    return [p.sentence() for p in checked.problems]


def test_every_kit_lesson_is_written_as_a_published_lesson_must_be():
    for path in sorted((REPO / "lessons").rglob("*.ipynb")):
        assert code_problems(path.name, json.loads(path.read_text("utf-8"))) == [], path


def test_a_changed_kit_lesson_passes_and_is_stored_with_its_outputs_cleared():
    doc = json.loads(BASICS.read_text("utf-8"))
    code = next(c for c in doc["cells"] if c["cell_type"] == "code")
    code["outputs"], code["execution_count"] = [{"output_type": "stream", "name": "stdout", "text": "x"}], 3
    checked = check_upload("basics.ipynb", json.dumps(doc).encode(), "sato", DATASETS)
    assert checked.ok, sentences(checked)
    assert checked.path == "published/sato/basics.ipynb"
    stored = json.loads(checked.notebook)
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in stored["cells"] if c["cell_type"] == "code")
    assert stored["metadata"]["netkit"] == doc["metadata"]["netkit"] and checked.digest == digest(checked.notebook)


@pytest.mark.parametrize(("source", "words"), [
    ("import os\nos.system('id')", "from kit.lesson import Lesson だけ"),
    ("from kit.store import open_store", "from kit.lesson import Lesson だけ"),
    ("lesson.quiz(open('/etc/passwd').read())", "計算や関数の呼び出しは書けません"),
    ("lesson.quiz(*['quizzes/defamation_basics.csv'])", "計算や関数の呼び出しは書けません"),
    ("lesson.sitting.store('x')", "lesson.部品"),
    ("lesson.record('x')", "キットの部品ではない"),
    ("x = __import__('os')", "lesson = Lesson"),
    ("other = Lesson(__import__('os').getcwd())", "lesson = Lesson"),
    ("!cat /etc/passwd", "% や ! で始まる行"),
    ("print(1)", "lesson.部品"),
    ("lesson.quiz('/etc/passwd')", "datasets の外"),
    ("lesson.quiz('../../etc/passwd')", "datasets の外"),
])
def test_a_cell_that_runs_anything_but_the_kit_s_components_is_refused_in_one_sentence(source, words):
    checked = check_upload("basics.ipynb", notebook(("code", source)), "sato", DATASETS)
    assert not checked.ok and not checked.notebook
    found = [s for s in sentences(checked) if words in s]
    assert found, sentences(checked)
    assert found[0].startswith("lessons/basics.ipynb: ") and "番目のセル" in found[0]


def test_html_in_markdown_and_raw_cells_are_refused():
    checked = check_upload("basics.ipynb", notebook(("markdown", "見て <script>alert(1)</script>"), ("raw", "<b>x</b>")),
                           "sato", DATASETS)
    assert any("HTML" in s for s in sentences(checked)) and any("raw のセル" in s for s in sentences(checked))


def test_the_checks_of_netkit_validate_apply():
    missing = check_upload("basics.ipynb", notebook(("code", 'lesson.quiz("quizzes/nothing_here.csv")')), "sato", DATASETS)
    assert any("「quizzes/nothing_here.csv」が datasets にありません" in s for s in sentences(missing))
    untitled = check_upload("basics.ipynb", notebook(meta={"id": "x", "topic": "defamation", "audience": "中学生"}), "sato", DATASETS)
    assert any("netkit.title_ja" in p.field for p in untitled.problems)
    teachers = check_upload("basics.ipynb", notebook(meta={"id": "x", "title_ja": "t", "topic": "teacher", "audience": "中学生"}),
                            "sato", DATASETS)
    assert any("topic: teacher" in s for s in sentences(teachers))


@pytest.mark.parametrize("name", ["../basics.ipynb", "a/b.ipynb", "..\\x.ipynb", ".hidden.ipynb", "basics.py",
                                  "basics.ipynb\x00.png", "", "x" * 90 + ".ipynb", "a<b>.ipynb"])
def test_a_path_or_a_file_that_is_not_a_notebook_is_refused(name):
    assert lesson_name(name) is None
    checked = check_upload(name, BASICS.read_bytes(), "sato", DATASETS)
    assert not checked.ok and "ファイル名" in sentences(checked)[0]


def test_an_oversized_upload_or_a_file_that_is_not_a_notebook_is_refused():
    big = check_upload("basics.ipynb", b" " * (MAX_BYTES + 1), "sato", DATASETS)
    assert not big.ok and "大きすぎます" in sentences(big)[0]
    for data in (b"\xff\xfe", b"[1, 2]", b'{"cells": []}'):
        assert "ノートブックとして読めません" in sentences(check_upload("basics.ipynb", data, "sato", DATASETS))[0]


def test_a_hub_user_name_becomes_a_plain_folder():
    assert teacher_folder("sato") == "sato" and lesson_name("授業 2.ipynb") == "授業 2.ipynb"
    odd = teacher_folder("sato@school.example.jp")
    assert odd.startswith("sato_school_example_jp-") and odd != teacher_folder("sato_school_example_jp")
    assert "/" not in teacher_folder("../..") and teacher_folder("../..") not in ("", "..")


def test_sync_writes_changed_lessons_removes_withdrawn_ones_and_stays_in_its_folder(tmp_path):
    root = tmp_path / "lessons"
    root.mkdir()
    texts = {"published/sato/a.ipynb": "A1", "published/sato/../../escape.ipynb": "E", "lessons-x/b.ipynb": "B"}
    read = []
    rows = [(p, "sato", ["2-1"], digest(t), "") for p, t in texts.items()]
    sync(root, rows, lambda p: read.append(p) or texts[p])
    assert (root / "published/sato/a.ipynb").read_text() == "A1"
    assert not (tmp_path / "escape.ipynb").exists() and not (root / "lessons-x").exists()
    sync(root, rows, lambda p: read.append(p) or texts[p])
    assert read == ["published/sato/a.ipynb"]  # unchanged: not read again
    sync(root, [], lambda p: None)
    assert not (root / "published/sato/a.ipynb").exists()


def test_a_published_lesson_is_visible_only_to_its_classes():
    rows = [("published/sato/a.ipynb", "sato", ["2-1", "2-3"], "d", "")]
    assert visible("published/sato/a.ipynb", "2-1", rows) and visible("published/sato/a.ipynb", "2-3", rows)
    assert not visible("published/sato/a.ipynb", "2-2", rows) and not visible("published/sato/a.ipynb", "", rows)
    assert not visible("published/sato/b.ipynb", "2-1", rows)
    assert visible("defamation/basics.ipynb", "", rows)  # the kit's lessons, as before


def test_a_folder_that_cannot_be_written_leaves_the_published_lessons_out_and_the_rest_served(tmp_path, monkeypatch):
    from kit.serve.publish import Shelf
    from kit.store import open_store

    monkeypatch.delenv("NETKIT_STORE", raising=False)
    store = open_store(tmp_path / "results.sqlite3")
    store.publish("published/sato/a.ipynb", "sato", ["2-1"], "{}", digest("{}"))
    store.close()
    root = tmp_path / "lessons"
    root.mkdir()
    (root / "published").write_text("a file where the folder would be")  # nothing can be written under it
    assert Shelf(root, tmp_path).refresh() == []
    (root / "published").unlink()
    assert [r[0] for r in Shelf(root, tmp_path).refresh()] == ["published/sato/a.ipynb"]
    assert (root / "published/sato/a.ipynb").read_text() == "{}"


QUIZ = DATASETS / "quizzes/defamation_basics.csv"


def changed_quiz(old: str = "人の評判を下げる話でも", new: str = "先生が書きかえた問題：人の評判を下げる話でも") -> bytes:
    text = QUIZ.read_text("utf-8-sig")
    assert old in text
    return text.replace(old, new, 1).encode("utf-8")


def test_a_changed_quiz_csv_the_notebook_names_is_checked_and_published_with_it():
    checked = check_upload("basics.ipynb", BASICS.read_bytes(), "sato", DATASETS,
                           files=[("defamation_basics.csv", changed_quiz())])
    assert checked.ok, sentences(checked)
    assert list(checked.files) == ["quizzes/defamation_basics.csv"]
    assert "先生が書きかえた問題" in checked.files["quizzes/defamation_basics.csv"].decode("utf-8")
    assert check_upload("basics.ipynb", BASICS.read_bytes(), "sato", DATASETS).files == {}  # none sent: the kit's files


def test_a_broken_content_file_gives_one_sentence_naming_file_row_field_and_fix_and_nothing_is_published():
    broken = changed_quiz(",truefalse,中学生,人の評判を下げる話でも", ",maybe,中学生,人の評判を下げる話でも")
    checked = check_upload("basics.ipynb", BASICS.read_bytes(), "sato", DATASETS, files=[("defamation_basics.csv", broken)])
    assert not checked.ok and not checked.notebook and checked.files == {}
    [problem] = checked.problems
    assert problem.file == "datasets/quizzes/defamation_basics.csv" and problem.place == "3行目" and problem.field == "type"
    assert problem.sentence().startswith("datasets/quizzes/defamation_basics.csv: 3行目、列・項目「type」: 「maybe」は使えません。")
    assert "'maybe' is not allowed" in problem.sentence_en() and "type" in problem.sentence_en()


def test_the_notebook_s_references_are_checked_against_the_teacher_s_file():
    moved = changed_quiz("def-pre-1,A,", "def-pre-1,B,")  # forms A and B of a pre/post test must stay as long
    checked = check_upload("basics.ipynb", BASICS.read_bytes(), "sato", DATASETS, files=[("defamation_basics.csv", moved)])
    assert not checked.ok and {p.field for p in checked.problems} == {"form"}, sentences(checked)
    facts = changed_quiz(",source\n", ",source\n").replace(b"\r\n", b"\n")
    lines = facts.decode("utf-8").split("\n")
    lines[2] = lines[2].rsplit(",", 1)[0] + ",no-such-fact"  # the fact ids a file names must be in datasets/facts
    checked = check_upload("basics.ipynb", BASICS.read_bytes(), "sato", DATASETS,
                           files=[("defamation_basics.csv", "\n".join(lines).encode("utf-8"))])
    assert not checked.ok and any("no-such-fact" in s for s in sentences(checked)), sentences(checked)


def test_a_content_file_the_notebook_does_not_name_is_refused_in_one_sentence():
    checked = check_upload("basics.ipynb", BASICS.read_bytes(), "sato", DATASETS,
                           files=[("misinformation_basics.yaml", (DATASETS / "quizzes/misinformation_basics.yaml").read_bytes())])
    assert not checked.ok and not checked.notebook
    [sentence] = sentences(checked)
    assert sentence.startswith("datasets/misinformation_basics.yaml: 列・項目「ファイル名」: このノートブックは「misinformation_basics.yaml」を使っていません")
    assert "quizzes/defamation_basics.csv" in sentence


@pytest.mark.parametrize("name", ["../defamation_basics.csv", "quizzes/defamation_basics.csv", "..\\defamation_basics.csv",
                                  ".defamation_basics.csv", "defamation_basics.py", "defamation_basics.csv\x00.txt",
                                  "C:defamation_basics.csv", "~$defamation_basics.csv", ""])
def test_a_content_file_name_with_a_path_or_of_another_kind_is_refused(name):
    checked = check_upload("basics.ipynb", BASICS.read_bytes(), "sato", DATASETS, files=[(name, changed_quiz())])
    assert not checked.ok and not checked.files
    assert "ファイル名" in sentences(checked)[0] and ".csv .xlsx .yaml" in sentences(checked)[0]


def test_a_notebook_naming_a_file_outside_datasets_cannot_have_it_sent():
    outside = notebook(("code", 'lesson.quiz("../../etc/defamation_basics.csv")'))
    checked = check_upload("basics.ipynb", outside, "sato", DATASETS, files=[("defamation_basics.csv", changed_quiz())])
    assert not checked.ok and any("ファイル名" in s or "datasets の外" in s for s in sentences(checked)), sentences(checked)


def test_an_oversized_or_twice_sent_content_file_is_refused():
    big = check_upload("basics.ipynb", BASICS.read_bytes(), "sato", DATASETS,
                       files=[("defamation_basics.csv", b"x" * (MAX_BYTES + 1))])
    assert "大きすぎます" in sentences(big)[0]
    twice = check_upload("basics.ipynb", BASICS.read_bytes(), "sato", DATASETS,
                         files=[("defamation_basics.csv", changed_quiz())] * 2)
    assert "2 回選ばれています" in sentences(twice)[0]


def test_a_file_another_lesson_of_the_same_teacher_published_with_other_content_clashes():
    from hashlib import sha256

    from kit.serve.publish import clashes

    checked = check_upload("basics.ipynb", BASICS.read_bytes(), "sato", DATASETS, files=[("defamation_basics.csv", changed_quiz())])
    same = {"published/sato/other.ipynb": {"quizzes/defamation_basics.csv": sha256(checked.files["quizzes/defamation_basics.csv"]).hexdigest()}}
    other = {"published/sato/other.ipynb": {"quizzes/defamation_basics.csv": "0" * 64}}
    assert clashes(checked, "sato", same) == [] and clashes(checked, "tanaka", other) == []
    assert clashes(checked, "sato", {checked.path: other["published/sato/other.ipynb"]}) == []  # its own last version
    [clash] = clashes(checked, "sato", other)
    assert "published/sato/other.ipynb" in clash.sentence() and clash.file == "datasets/quizzes/defamation_basics.csv"


def test_sync_writes_a_lesson_s_files_beside_it_and_removes_them_when_it_is_withdrawn(tmp_path):
    root = tmp_path / "lessons"
    root.mkdir()
    body = changed_quiz()
    rows = [("published/sato/a.ipynb", "sato", ["2-1"], digest("A"), "")]
    files = {"published/sato/a.ipynb": {"quizzes/defamation_basics.csv": __import__("hashlib").sha256(body).hexdigest(),
                                        "../../escape.csv": "0", "quizzes/.hidden.csv": "0"},
             "published/tanaka/gone.ipynb": {"quizzes/x.csv": "0"}}
    fetched = []
    sync(root, rows, lambda p: "A", files, lambda p, n: fetched.append(n) or body)
    own = root / "published/sato/own/datasets/quizzes/defamation_basics.csv"
    assert own.read_bytes() == body and fetched == ["quizzes/defamation_basics.csv"]
    assert not (tmp_path / "escape.csv").exists() and not (root / "published/escape.csv").exists()
    assert not (root / "published/tanaka").exists()
    sync(root, rows, lambda p: "A", files, lambda p, n: fetched.append(n) or body)
    assert fetched == ["quizzes/defamation_basics.csv"]  # unchanged: not read again
    sync(root, rows, lambda p: "A", {}, lambda p, n: body)  # published again without files
    assert not own.exists() and (root / "published/sato/a.ipynb").exists()
    sync(root, rows, lambda p: "A", files, lambda p, n: body)
    sync(root, [], lambda p: None, {}, lambda p, n: None)  # withdrawn
    assert not own.exists() and not (root / "published/sato/a.ipynb").exists()


def test_sync_does_not_write_through_a_symlink(tmp_path):
    root, outside = tmp_path / "lessons", tmp_path / "outside"
    (root / "published/sato/own").mkdir(parents=True)
    outside.mkdir()
    (root / "published/sato/own/datasets").symlink_to(outside)
    rows = [("published/sato/a.ipynb", "sato", ["2-1"], digest("A"), "")]
    sync(root, rows, lambda p: "A", {"published/sato/a.ipynb": {"quizzes/x.csv": "0"}}, lambda p, n: b"x")
    assert list(outside.rglob("*")) == []


def test_a_published_lesson_reads_its_teacher_s_file_and_no_other_teacher_s(tmp_path):
    from kit.content.paths import own_file, resolve

    sato, tanaka = tmp_path / "published/sato", tmp_path / "published/tanaka"
    (sato / "own/datasets/quizzes").mkdir(parents=True)
    (sato / "own/datasets/quizzes/defamation_basics.csv").write_bytes(changed_quiz())
    tanaka.mkdir(parents=True)
    assert resolve("quizzes/defamation_basics.csv", sato) == sato / "own/datasets/quizzes/defamation_basics.csv"
    assert resolve("quizzes/defamation_basics.csv", tanaka) != sato / "own/datasets/quizzes/defamation_basics.csv"
    assert resolve("quizzes/misinformation_basics.yaml", sato) == DATASETS / "quizzes/misinformation_basics.yaml"  # every other file: the kit's
    assert own_file("quizzes/../quizzes/defamation_basics.csv", sato) is None and own_file("", sato) is None
    (sato / "own/datasets/quizzes/link.csv").symlink_to(QUIZ)
    assert own_file("quizzes/link.csv", sato) is None
