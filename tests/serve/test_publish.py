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
