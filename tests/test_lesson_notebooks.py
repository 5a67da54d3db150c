"""Every lesson notebook builds every component from its content: no ProblemCard anywhere.

nbval only fails on exceptions, and a broken content file shows a friendly card instead of
raising; this runs each notebook's cells in process and looks at what they display.
"""

from __future__ import annotations

import ast

import nbformat
import pytest

from tests.conftest import REPO

NOTEBOOKS = sorted(p for p in (REPO / "lessons").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def shown(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from shown(child)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(REPO / "lessons").as_posix())
def test_lesson_shows_no_problem_card(path, monkeypatch, tmp_path):
    from kit.widgets.problem_card import ProblemCard

    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(REPO)
    namespace: dict = {}
    displayed = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, str(path), "exec"), namespace)
        if last is not None:
            displayed.append(eval(compile(ast.Expression(last.value), str(path), "eval"), namespace))
    problems = [w for top in displayed for w in shown(top) if isinstance(w, ProblemCard)]
    assert not problems, [q.sentence() for p in problems for q in p.problems]
