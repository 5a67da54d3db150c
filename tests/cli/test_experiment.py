"""``netkit experiment``: a teacher switches a lesson's class experiment on and off without editing JSON."""

from __future__ import annotations

import json
import shutil

import pytest

from kit import notebook
from kit.cli import main
from kit.content.experiment import read_experiment
from tests.conftest import REPO

JH = REPO / "lessons" / "misinformation" / "jh.ipynb"


@pytest.fixture
def folder(tmp_path):
    """A teacher's folder holding the shipped misinformation/jh (experiment declared, off) and defamation/basics."""
    (tmp_path / "datasets").mkdir()
    for rel in ("misinformation/jh.ipynb", "defamation/basics.ipynb"):
        (tmp_path / "lessons" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "lessons" / rel, tmp_path / "lessons" / rel)
    return tmp_path


def experiment_of(folder):
    return read_experiment(notebook.metadata(folder / "lessons" / "misinformation" / "jh.ipynb"))


def test_on_then_off_changes_only_the_switch(folder, capsys):
    shipped = JH.read_text("utf-8")
    assert not experiment_of(folder).on
    assert main(["experiment", "on", "misinformation-jh", "--dir", str(folder)]) == 0
    assert experiment_of(folder).on
    said = capsys.readouterr().out
    assert "実験を始めます" in said and "the experiment is on" in said
    now = (folder / "lessons" / "misinformation" / "jh.ipynb").read_text("utf-8")
    changed = [(a, b) for a, b in zip(shipped.splitlines(), now.splitlines(), strict=True) if a != b]
    assert changed == [('    "on": false,', '    "on": true,')]  # the rest of the notebook as it was written

    assert main(["experiment", "on", "misinformation/jh", "--dir", str(folder)]) == 0  # by its path, already on
    assert "もう始まっています" in capsys.readouterr().out
    assert main(["experiment", "list", "--dir", str(folder)]) == 0
    listed = capsys.readouterr().out
    assert "misinformation-jh" in listed and "実験する" in listed and "defamation" not in listed
    assert main(["experiment", "off", "misinformation/jh.ipynb", "--dir", str(folder)]) == 0
    assert (folder / "lessons" / "misinformation" / "jh.ipynb").read_text("utf-8") == shipped


@pytest.mark.parametrize(("lesson", "said"), [("misinformation-es", "見つかりません"),
                                              ("defamation/basics", "実験が書かれていません（実験のある授業: misinformation-jh）")])
def test_a_lesson_it_cannot_switch_is_named(folder, capsys, lesson, said):
    assert main(["experiment", "on", lesson, "--dir", str(folder)]) == 1
    assert said in capsys.readouterr().err
    assert not experiment_of(folder).on


def test_a_declaration_the_lesson_cannot_run_is_refused_and_left_alone(folder, capsys):
    path = folder / "lessons" / "misinformation" / "jh.ipynb"
    doc = json.loads(path.read_text("utf-8"))
    doc["cells"] = [c for c in doc["cells"] if "lesson.timeline(" not in "".join(c["source"])]  # no timeline: no prompt
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", "utf-8")
    before = path.read_bytes()
    assert main(["experiment", "on", "misinformation-jh", "--dir", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "lesson.timeline(…)" in err and "netkit.experiment.arms" in err
    assert path.read_bytes() == before


def test_no_lesson_named_or_not_a_lesson_folder(folder, tmp_path_factory, capsys):
    assert main(["experiment", "on", "--dir", str(folder)]) == 2
    assert "netkit experiment list" in capsys.readouterr().err
    assert main(["experiment", "list", "--dir", str(tmp_path_factory.mktemp("empty"))]) == 2
    assert "授業フォルダではありません" in capsys.readouterr().err
