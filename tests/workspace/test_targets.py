"""Commands that write never write into the installed kit nor leave stray folders where the teacher stands."""

from __future__ import annotations

import sysconfig
from pathlib import Path

import pytest

from kit.cli import main
from kit.workspace import targets


def test_the_installed_kit_and_site_packages_are_refused():
    assert targets.inside_installed_kit(targets.kit_package() / "_bundled" / "datasets")
    assert targets.inside_installed_kit(Path(sysconfig.get_paths()["purelib"]) / "x.xlsx")
    with pytest.raises(targets.TargetError, match="キットをインストールした場所"):
        targets.writable(targets.kit_package() / "_bundled" / "datasets" / "quizzes" / "a.csv")


def test_new_lesson_without_a_lesson_folder_writes_nothing_here(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    questions = tmp_path / "q.xlsx"
    assert main(["new", "lesson", "--template", str(questions)]) == 0
    assert main(["new", "lesson", "--from", str(questions), "--topic", "defamation", "--audience", "中学生"]) == 2
    assert "授業フォルダではありません" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.xlsx"]  # no stray lessons/ or datasets/


def test_import_and_export_refuse_the_installed_kit_and_name_the_folder(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "じゅぎょう"
    assert main(["init", str(folder)]) == 0
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["content", "export", "じゅぎょう", "--out", "もんだい.xlsx"]) == 0
    out = capsys.readouterr().out
    assert str((tmp_path / "もんだい.xlsx").resolve()) in out
    assert "netkit content import もんだい.xlsx じゅぎょう" in out  # the suggested command names the folder
    kit_quizzes = targets.kit_package() / "_bundled" / "datasets"
    assert main(["content", "export", "じゅぎょう", "--out", str(kit_quizzes / "x.xlsx")]) == 2
    assert main(["print", "worksheet", "defamation-basics", "--dir", "じゅぎょう", "--to", "html",
                 "--out", str(targets.kit_package() / "w.html")]) == 2
    assert not (targets.kit_package() / "w.html").exists()
    monkeypatch.chdir(tmp_path / "じゅぎょう" / "..")
    assert main(["content", "import", "もんだい.xlsx"]) == 2  # here is no lesson folder: refused, not the kit's own
    assert "授業フォルダではありません" in capsys.readouterr().err
