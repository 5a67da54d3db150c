"""The component registry names every lesson method once, and what it names exists."""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kit import components, notebook
from kit.components import COMPONENTS, KINDS, attribute, kind_of

REPO = Path(__file__).resolve().parents[1]

def lesson_methods() -> list[str]:
    from kit.lesson import Lesson

    return sorted(name for name, value in vars(Lesson).items()
                  if inspect.isfunction(value) and not name.startswith("_")
                  and name not in ("facts", "record", "history"))


def test_every_lesson_method_that_builds_something_has_one_registry_line():
    assert sorted(COMPONENTS) == lesson_methods()


@pytest.mark.parametrize("method", sorted(COMPONENTS))
def test_each_line_names_a_widget_a_loader_and_a_file_argument_that_exist(method):
    from kit.lesson import Lesson

    component = COMPONENTS[method]
    assert isinstance(attribute(component.widget), type), component.widget
    if component.warm:
        assert callable(attribute(component.warm)) and component.warm.startswith(component.module + ":")
    if component.check:
        assert callable(attribute(component.check))
    parameters = inspect.signature(getattr(Lesson, method)).parameters
    if component.kind is None:
        assert component.file is None and "file" not in parameters
        return
    assert callable(attribute(component.loader))
    file = parameters["file"]  # the registry says where the file is; the method agrees
    positional = [p for p in parameters.values() if p.kind == p.POSITIONAL_OR_KEYWORD][1:]  # after self
    assert (positional.index(file) if file in positional else None) == component.file_at
    assert (None if file.default is inspect.Parameter.empty else file.default) == component.file
    if component.file is not None:
        assert (REPO / "datasets" / component.file).is_file()
        assert kind_of(component.file.split("/")[0], REPO / "datasets" / component.file) == component.kind


@pytest.mark.parametrize("method", sorted(COMPONENTS))
def test_each_line_names_the_root_element_its_component_draws(method):
    """The release check and the browser tests find a component on the page by its registry root."""
    root = COMPONENTS[method].root
    assert root.startswith(".nk-") and " " not in root, f"{method}: root={root!r} (a class selector .nk-…)"
    name = root[1:]
    drawn = [p for folder in ("widgets", "kit") for p in (REPO / folder).rglob("*")
             if p.suffix in (".js", ".py") and p.is_file() and name in p.read_text(encoding="utf-8")]
    assert drawn, f"{method}: no widget draws an element of class {name}"


def test_every_component_module_with_a_warm_function_is_warmed_through_the_registry():
    for module in {c.module for c in COMPONENTS.values()}:
        if callable(getattr(importlib.import_module(module), "warm", None)):
            assert any(c.warm == f"{module}:warm" for c in COMPONENTS.values()), module


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_reads_its_shipped_files(kind):
    spec = KINDS[kind]
    if spec.whole_folder:
        assert attribute(spec.loader)(REPO / "datasets" / spec.folder)
        return
    files = [path for k, path in components.lesson_files(REPO / "datasets") if k == kind]
    assert files, f"no shipped {kind} file"
    for path in files:
        content = attribute(spec.strict or spec.loader)(path)
        assert content is not None, path
        if spec.params:  # the values the file gives a model are in the model's ranges
            assert attribute(spec.params)(content) == [], path


def test_files_in_a_shared_folder_go_to_the_kind_their_name_says():
    datasets = REPO / "datasets"
    assert kind_of("help", datasets / "help" / "router.yaml") == "router"
    assert kind_of("help", datasets / "help" / "desks.yaml") == "help"
    assert kind_of("law", datasets / "law" / "cards.yaml") == "law_cards"
    assert kind_of("law", datasets / "law" / "identified.yaml") == "law_walk"
    assert kind_of("lexicon", datasets / "lexicon" / "labelled.csv") is None  # for measuring, not for lessons


def test_reading_the_registry_and_a_notebook_imports_no_widget_library():
    code = ("import sys, kit.components, kit.notebook, kit.warmup\n"
            "kit.warmup.content_used(__import__('pathlib').Path(sys.argv[1]))\n"
            "print(sorted(m for m in ('ipywidgets', 'anywidget', 'numpy', 'pandas', 'kit.lesson') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(REPO / "lessons" / "piracy" / "hs.ipynb")],
                         capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert out.strip() == "[]"


def write(path, meta, *sources):
    cells = [{"cell_type": "code", "metadata": {}, "source": s, "outputs": [], "execution_count": None} for s in sources]
    cells.insert(1, {"cell_type": "markdown", "metadata": {}, "source": "lesson.quiz('in_markdown.csv')"})
    path.write_text(json.dumps({"cells": cells, "metadata": {"netkit": meta}, "nbformat": 4, "nbformat_minor": 5}), "utf-8")
    return path


def test_the_notebook_reader_finds_metadata_calls_and_broken_cells(tmp_path):
    path = write(tmp_path / "a.ipynb", {"id": "demo-a", "topic": "piracy"},
                 ["from kit.lesson import Lesson\n", "l = Lesson('demo-a')\n"],
                 "%matplotlib inline\nl.quiz('quizzes/q.csv', group='pre')  # lesson.help() in a comment",
                 "lesson.section(name, 'intro')\nother.quiz('no.csv')\nlesson.spread_lab(nudge=-0.1, *more)",
                 "print(",
                 "lesson.law_card('defamation', file='law/cards.yaml', sliders=('a', 'b'))")
    book = notebook.read(path)
    assert book.id == "demo-a" and book.meta == {"id": "demo-a", "topic": "piracy"}
    assert [(c.method, c.cell) for c in book.calls] == [("quiz", 3), ("section", 4), ("spread_lab", 4), ("law_card", 6)]
    quiz, section, spread, card = book.calls
    assert quiz.text(0) == "quizzes/q.csv" and quiz.keyword("group") == "pre" and not quiz.spread
    assert section.args == (notebook.UNKNOWN, "intro") and section.text(0) is None
    assert spread.kwargs == {"nudge": -0.1} and spread.spread
    assert card.texts("sliders") == ["a", "b"] and card.keyword("file") == "law/cards.yaml"
    assert [(e.cell, e.line) for e in book.errors] == [(5, 1)]
    assert book.methods() == ["quiz", "section", "spread_lab", "law_card"]


def test_the_notebook_reader_lists_lessons_by_id_and_leaves_out_what_is_not_one(tmp_path):
    (tmp_path / "topic").mkdir()
    a = write(tmp_path / "topic" / "a.ipynb", {"id": "demo-a"})
    write(tmp_path / "b.ipynb", ["not", "a mapping"])
    (tmp_path / "c.ipynb").write_text("{not json", "utf-8")
    (tmp_path / "d.ipynb").write_text('["a list"]', "utf-8")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    write(tmp_path / ".ipynb_checkpoints" / "a-checkpoint.ipynb", {"id": "demo-a-old"})
    assert {k: v["path"] for k, v in notebook.by_id(tmp_path).items()} == {"demo-a": a}
    assert notebook.metadata(tmp_path / "b.ipynb") is None and notebook.metadata(tmp_path / "c.ipynb") is None
    assert notebook.find(tmp_path / "topic", "demo-a") == a and notebook.find(tmp_path, "demo-a") is None
    with pytest.raises(ValueError):
        notebook.read(tmp_path / "d.ipynb")


def test_every_shipped_lesson_calls_only_registered_methods():
    for path in notebook.lesson_notebooks(REPO / "lessons"):
        book = notebook.read(path)
        assert book.meta is not None and not book.errors, path
        assert set(book.methods()) <= set(COMPONENTS), (path, set(book.methods()) - set(COMPONENTS))


def test_validate_checks_the_file_each_call_reads_from_the_registry(datasets, tmp_path):
    from kit.content.check import check_notebook

    lessons = tmp_path / "lessons"
    lessons.mkdir()
    path = write(lessons / "x.ipynb", {"title_ja": "テスト", "topic": "piracy", "audience": "中学生"},
                 "lesson = Lesson('x'); lesson.quiz(file='quizzes/missing.csv')\nlesson.quiz('quizzes/sample.csv', group='nobody')",
                 "lesson.law_walk()\nlesson.timeline(some_file)\nlesson.scenario('scenarios/sample.yaml', role='judge')")
    found = [(p.place, p.field, p.why) for p in check_notebook(path, lessons, datasets)]
    assert found[0] == ("1番目のセル", "", "「quizzes/missing.csv」が datasets にありません。ファイル名を直すか、ファイルを置いてください。")
    assert found[1][:2] == ("1番目のセル", "group") and "nobody" in found[1][2]
    assert found[2][0] == "3番目のセル" and "law/identified.yaml" in found[2][2]  # the default file, not in this folder
    assert found[3][:2] == ("3番目のセル", "role") and len(found) == 4
