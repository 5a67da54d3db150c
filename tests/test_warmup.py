"""A preheated kernel prepares the components its own notebook uses, and never fails for it."""

from __future__ import annotations

import json
import sys
import types

from kit import warmup
from kit.components import COMPONENTS, Component
from tests.served import REPO


def notebook(path, lesson_id, *sources):
    cells = [{"cell_type": "code", "metadata": {}, "source": s, "outputs": [], "execution_count": None} for s in sources]
    cells.append({"cell_type": "markdown", "metadata": {}, "source": "lesson.ignored_in_markdown()"})
    path.write_text(json.dumps({"cells": cells, "metadata": {"netkit": {"id": lesson_id}}, "nbformat": 4,
                                "nbformat_minor": 5}), encoding="utf-8")
    return path


def test_finds_its_own_notebook_and_the_components_it_calls(tmp_path):
    notebook(tmp_path / "a.ipynb", "topic-a", "lesson.quiz('x.csv')")
    b = notebook(tmp_path / "b.ipynb", "topic-b", ["lesson = Lesson('topic-b')\n", "lesson.title('t.yaml')\n"],
                 "lesson.quiz('q.csv', group='pre')\nlesson.help()", "lesson.quiz('q.csv', group='post')")
    (tmp_path / "broken.ipynb").write_text("{not json", encoding="utf-8")
    assert warmup.notebook_for("topic-b", tmp_path) == b
    assert warmup.notebook_for("nobody", tmp_path) is None
    assert warmup.used_methods(b) == ["title", "quiz", "help"]


def test_imports_the_components_and_calls_their_warm(tmp_path, monkeypatch):
    calls = []
    fine = types.ModuleType("kit_test_fine")
    fine.warm = lambda: calls.append("fine")
    failing = types.ModuleType("kit_test_failing")
    failing.warm = lambda: 1 / 0
    monkeypatch.setitem(sys.modules, "kit_test_fine", fine)
    monkeypatch.setitem(sys.modules, "kit_test_failing", failing)
    monkeypatch.setitem(COMPONENTS, "fine_lab", Component("fine_lab", "kit_test_fine:Lab", warm="kit_test_fine:warm"))
    monkeypatch.setitem(COMPONENTS, "failing_lab",
                        Component("failing_lab", "kit_test_failing:Lab", warm="kit_test_failing:warm"))
    notebook(tmp_path / "l.ipynb", "t-l", "lesson.failing_lab()\nlesson.fine_lab()\nlesson.fine_lab()\nlesson.unknown()")
    assert warmup.warm_components("t-l", tmp_path) == ["kit_test_fine"]
    assert calls == ["fine"]


def test_the_starter_lessons_warm_their_quiz_cards():
    warmed = warmup.warm_components("defamation-basics", REPO / "lessons" / "defamation")
    assert "kit.widgets.quiz_card" in warmed and "kit.widgets.help_router" in warmed  # it ends with the help router


def test_every_component_of_the_piracy_lessons_is_found():
    from kit.warmup import module_for, used_methods
    from tests.conftest import REPO

    for name in ("es56", "jh", "hs", "adult"):
        for method in used_methods(REPO / "lessons" / "piracy" / f"{name}.ipynb"):
            assert module_for(method) is not None, (name, method)


def test_issue5_components_are_found():
    from kit.warmup import module_for

    assert [module_for(m) for m in ("scenario", "help_router", "law_walk", "law_card", "law_cards")] == [
        "kit.widgets.scenario_player", "kit.widgets.help_router", "kit.widgets.law_walk", "kit.widgets.law_walk",
        "kit.widgets.law_walk"]


def test_reads_the_files_the_calls_name_and_the_defaults_of_the_rest(tmp_path):
    b = notebook(tmp_path / "b.ipynb", "topic-b", "%matplotlib inline\nlesson.title('texts/t.yaml')",
                 "lesson.quiz('quizzes/q.csv', group='pre')\nlesson.help_router(audience='adults')",
                 "lesson.quiz(file='quizzes/q.csv', group='post')\nlesson.section(name, 'x')\n"
                 "lesson.law_card('defamation', 'insult')\nlesson.flaming_lab()", "this is not python (")
    assert warmup.content_used(b) == [("text", "texts/t.yaml"), ("quiz", "quizzes/q.csv"),
                                      ("router", "help/router.yaml"), ("law_cards", "law/cards.yaml")]


def test_a_preheated_kernel_reads_only_its_own_lessons_content(monkeypatch):
    from kit import lesson
    from tests.conftest import REPO

    monkeypatch.chdir(REPO / "lessons" / "piracy")
    read = []
    monkeypatch.setattr(lesson, "load", lambda kind, path: read.append((kind, path.relative_to(REPO / "datasets"))))
    lesson.warm_content("piracy-hs")
    assert {kind for kind, _ in read} == {"text", "quiz", "law_rules", "estimates", "scenario", "facts"}
    assert all("defamation" not in str(path) and "misinformation" not in str(path) for _, path in read)
    for _, path in read:
        assert (REPO / "datasets" / path).exists(), path
    read.clear()
    lesson.warm_content("no-such-lesson")  # its notebook is not here: every file, as before
    assert any("defamation" in str(path) for _, path in read)
