"""Which notebooks get the light page (kit/serve/light.py): the kit's own lessons, and nothing else."""

from __future__ import annotations

import json

import nbformat
import pytest

from kit.notebook import lesson_notebooks
from kit.serve import light
from tests.served import REPO


def code(*sources: str) -> list[dict]:
    return [{"cell_type": "markdown", "source": "# 授業"}, *({"cell_type": "code", "source": s} for s in sources)]


KIT_LESSON = ("from kit.lesson import Lesson", 'lesson = Lesson("x")', 'lesson.title("texts/x.yaml")', 'lesson.quiz("quizzes/x.csv", phase="pre")')


@pytest.fixture
def enabled():
    light.enable(True)
    yield
    light.enable(False)


@pytest.mark.parametrize("path", list(lesson_notebooks(REPO / "lessons")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_lesson_is_the_kits_own(path):
    cells = json.loads(path.read_text("utf-8"))["cells"]
    assert light.only_kit_widgets(cells)


def test_a_lesson_of_only_components_is_the_kits_own():
    assert light.only_kit_widgets(code(*KIT_LESSON))


@pytest.mark.parametrize("foreign", [
    "import ipywidgets as w\nw.IntSlider()",  # a widget that is not the kit's
    "from ipywidgets import IntSlider\nIntSlider()",
    "print('hello')",  # a teacher's own code
    "lesson.quiz(open('x').read())",  # an argument that runs code
    "lesson.sitting",  # not a component call
    "lesson.quiz('a.csv').children[0]",
    "%matplotlib inline",
    "x = 1",
])
def test_anything_else_keeps_voilas_page(foreign):
    assert not light.only_kit_widgets(code(*KIT_LESSON, foreign))


def test_a_notebook_without_a_lesson_keeps_voilas_page():
    assert not light.only_kit_widgets(code("from kit.lesson import Lesson"))
    assert not light.only_kit_widgets([{"cell_type": "markdown", "source": "# only text"}])


def test_the_page_decides_only_when_the_server_was_asked(enabled):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in KIT_LESSON],
                                  metadata={"netkit": {"id": "x"}})
    assert light.light_page(nb)
    light.enable(False)
    assert not light.light_page(nb)


def test_a_notebook_without_the_kits_metadata_keeps_voilas_page(enabled):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in KIT_LESSON])
    assert not light.light_page(nb)
