"""netkit init / init --update: a teacher's edits are never overwritten; only accepted changes are taken."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kit.cli import main
from kit.cli.init import run_update
from kit.workspace.manifest import Manifest, shipped_files
from kit.workspace.update import Kind, init_folder, plan_update

V1 = {
    "lessons/defamation/basics.ipynb": '{"cells": [{"cell_type": "code", "source": "lesson.help()"}]}',
    "datasets/quizzes/a.csv": "schema_version,1\nid,text_ja\nq1,古い問題\n",
    "datasets/quizzes/b.csv": "schema_version,1\nid,text_ja\nq1,B\n",
    "datasets/texts/keep.yaml": "title_ja: 同じ\n",
    "datasets/texts/gone.yaml": "title_ja: 消える\n",
    "datasets/texts/gone-edited.yaml": "title_ja: 消える\n",
    "datasets/help/deleted.yaml": "desks: []\n",
}


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    return root


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def setup(tmp_path):
    kit = write_tree(tmp_path / "kit", V1)
    folder = tmp_path / "class"
    assert init_folder(folder, kit) == len(V1)
    # the teacher edits a.csv and gone-edited.yaml, deletes deleted.yaml
    (folder / "datasets/quizzes/a.csv").write_text("schema_version,1\nid,text_ja\nq1,先生の問題\n", "utf-8")
    (folder / "datasets/texts/gone-edited.yaml").write_text("title_ja: 先生の題\n", "utf-8")
    (folder / "datasets/help/deleted.yaml").unlink()
    # the kit's next version
    write_tree(kit, {
        "datasets/quizzes/a.csv": "schema_version,1\nid,text_ja\nq1,新しい問題\n",
        "datasets/quizzes/b.csv": "schema_version,1\nid,text_ja\nq1,B2\n",
        "datasets/quizzes/c.csv": "schema_version,1\nid,text_ja\nq1,C\n",
        "datasets/help/deleted.yaml": "desks: [x]\n",
    })
    (kit / "datasets/texts/gone.yaml").unlink()
    (kit / "datasets/texts/gone-edited.yaml").unlink()
    return kit, folder


def kinds(kit, folder):
    plan = plan_update(folder, Manifest.read(folder), kit)
    return {c.path: c.kind for c in plan.changes}


def test_the_plan_tells_each_case_apart(setup):
    kit, folder = setup
    assert kinds(kit, folder) == {
        "datasets/quizzes/a.csv": Kind.EDITED,
        "datasets/quizzes/b.csv": Kind.UPDATED,
        "datasets/quizzes/c.csv": Kind.NEW,
        "datasets/help/deleted.yaml": Kind.RESTORE,
        "datasets/texts/gone.yaml": Kind.REMOVED,
        "datasets/texts/gone-edited.yaml": Kind.DROPPED_EDITED,
    }


def test_yes_takes_the_kits_changes_and_keeps_the_teachers_edits(setup):
    kit, folder = setup
    lines = []
    assert run_update(folder, yes=True, out=lines.append, root=kit) == 0
    assert "先生の問題" in (folder / "datasets/quizzes/a.csv").read_text("utf-8")
    assert "新しい問題" in (folder / "kit-updates/datasets/quizzes/a.csv").read_text("utf-8")
    assert "B2" in (folder / "datasets/quizzes/b.csv").read_text("utf-8")
    assert (folder / "datasets/quizzes/c.csv").is_file()
    assert not (folder / "datasets/help/deleted.yaml").exists()  # a file the teacher deleted stays deleted
    assert not (folder / "datasets/texts/gone.yaml").exists()
    assert (folder / ".netkit/removed/datasets/texts/gone.yaml").is_file()
    assert "先生の題" in (folder / "datasets/texts/gone-edited.yaml").read_text("utf-8")
    assert any("kit-updates/datasets/quizzes/a.csv" in line for line in lines)
    # nothing is offered twice, except what the teacher did not take
    assert kinds(kit, folder) == {"datasets/help/deleted.yaml": Kind.RESTORE}


def test_only_accepted_changes_are_taken_and_the_rest_offered_again(setup):
    kit, folder = setup
    order = [c.path for c in plan_update(folder, Manifest.read(folder), kit).changes]
    assert order == sorted(order)
    lines = []
    asked = []

    def ask(question):
        asked.append(question)
        return next(answers)

    # answer in the order the plan lists: deleted.yaml, a.csv, b.csv, c.csv, gone-edited.yaml, gone.yaml
    answers = iter(["n", "d", "y", "n", "y", "n", "y"])
    assert run_update(folder, ask=ask, out=lines.append, root=kit) == 0
    assert any(line.strip().startswith("+q1,新しい問題") for line in lines)  # the diff was shown
    assert "B" in (folder / "datasets/quizzes/b.csv").read_text("utf-8") and "B2" not in (folder / "datasets/quizzes/b.csv").read_text("utf-8")
    assert (folder / "kit-updates/datasets/quizzes/a.csv").is_file()
    assert (folder / "datasets/quizzes/c.csv").is_file()
    assert (folder / "datasets/texts/gone-edited.yaml").is_file()
    assert "はい" in asked[0] or "[y]" in asked[0]
    left = kinds(kit, folder)
    assert left["datasets/quizzes/b.csv"] is Kind.UPDATED  # skipped: offered again next time
    assert "datasets/quizzes/a.csv" not in left and "datasets/quizzes/c.csv" not in left


def test_quitting_keeps_what_was_taken_so_far(setup):
    kit, folder = setup
    answers = iter(["y", "q"])
    assert run_update(folder, ask=lambda _q: next(answers), out=lambda _s: None, root=kit) == 0
    assert (folder / "datasets/help/deleted.yaml").is_file()  # the first offer was taken
    assert "B2" not in (folder / "datasets/quizzes/b.csv").read_text("utf-8")


def test_dry_run_changes_nothing(setup):
    kit, folder = setup
    before = snapshot(folder)
    lines = []
    assert run_update(folder, dry_run=True, out=lines.append, root=kit) == 0
    assert snapshot(folder) == before
    assert any("+1 −1" in line for line in lines)
    assert any("datasets/quizzes/c.csv" in line and "新しいファイル" in line for line in lines)


def test_an_up_to_date_folder_has_nothing_to_take(tmp_path):
    kit = write_tree(tmp_path / "kit", V1)
    init_folder(tmp_path / "class", kit)
    lines = []
    assert run_update(tmp_path / "class", yes=True, out=lines.append, root=kit) == 0
    assert "最新" in lines[-1]


def test_notebook_differences_are_shown_as_cell_text(setup):
    kit, folder = setup
    (kit / "lessons/defamation/basics.ipynb").write_text(
        '{"cells": [{"cell_type": "code", "source": "lesson.help()\\nlesson.quiz(\\"x\\")"}]}', "utf-8")
    lines = []
    answers = iter(["d", "n"] * 10)  # look at every difference, take nothing
    run_update(folder, ask=lambda _q: next(answers), out=lines.append, root=kit)
    assert '+lesson.quiz("x")' in [line.strip() for line in lines]


def test_init_copies_the_kits_own_lessons_and_refuses_twice(tmp_path, capsys):
    target = tmp_path / "myclass"
    assert main(["init", str(target)]) == 0
    shipped = shipped_files()
    assert {"lessons/defamation/basics.ipynb", "datasets/guides/defamation-basics.yaml"} <= set(shipped)
    assert snapshot(target).keys() - {".netkit/manifest.json"} == set(shipped)
    assert main(["validate", str(target)]) == 0
    assert main(["init", str(target)]) == 2
    assert "--update" in capsys.readouterr().err
    assert main(["init", "--update", "--yes", str(target)]) == 0
    assert "最新" in capsys.readouterr().out


def test_update_of_a_folder_not_made_by_init(tmp_path, capsys):
    (tmp_path / "lessons").mkdir()
    assert main(["init", "--update", "--yes", str(tmp_path)]) == 2
    assert "manifest.json" in capsys.readouterr().out


def test_opening_a_notebook_in_jupyterlab_is_not_an_edit(tmp_path):
    import json

    kit = write_tree(tmp_path / "kit", V1)
    folder = tmp_path / "class"
    init_folder(folder, kit)
    notebook = folder / "lessons/defamation/basics.ipynb"
    # what JupyterLab's autosave writes after opening it: kernel metadata, cell ids, trust, indentation
    doc = json.loads(notebook.read_text("utf-8"))
    doc["metadata"] = {"kernelspec": {"name": "python3", "display_name": "Python 3"}, "language_info": {"name": "python"}}
    doc["cells"][0].update(id="a1b2", metadata={"trusted": True}, execution_count=None, outputs=[])
    doc["nbformat"], doc["nbformat_minor"] = 4, 5
    notebook.write_text(json.dumps(doc, indent=1), "utf-8")
    # the kit's next version changes the notebook: the teacher did not edit it, so it is an update
    (kit / "lessons/defamation/basics.ipynb").write_text(
        '{"cells": [{"cell_type": "code", "source": "lesson.help_router()"}]}', "utf-8")
    assert kinds(kit, folder) == {"lessons/defamation/basics.ipynb": Kind.UPDATED}
    # a real edit of a cell is still the teacher's
    doc["cells"][0]["source"] = "lesson.help()  # 先生が変えた"
    notebook.write_text(json.dumps(doc), "utf-8")
    assert kinds(kit, folder) == {"lessons/defamation/basics.ipynb": Kind.EDITED}


def test_a_folder_whose_manifest_hashed_notebook_bytes_still_sees_no_edit(tmp_path):
    kit = write_tree(tmp_path / "kit", V1)
    folder = tmp_path / "class"
    init_folder(folder, kit)
    manifest = Manifest.read(folder)
    rel = "lessons/defamation/basics.ipynb"
    manifest.files[rel] = hashlib.sha256((folder / rel).read_bytes()).hexdigest()  # as an older kit wrote it
    manifest.write(folder)
    (kit / rel).write_text('{"cells": [{"cell_type": "code", "source": "lesson.help_router()"}]}', "utf-8")
    assert kinds(kit, folder) == {rel: Kind.UPDATED}
