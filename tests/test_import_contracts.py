"""The kit's import contracts (``[tool.importlinter]`` in pyproject.toml) hold, checked by ``lint-imports`` as a
developer runs it: layers from the command down to the teacher's files, a server that never runs a lesson, pure
models and content, lean kernels, no import circles. A broken contract fails with lint-imports' own report."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """``lint-imports`` on the ``kit`` package and the contracts of ``root``."""
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if command is None:
        pytest.fail("lint-imports is missing: pip install -e '.[test]' (it installs import-linter)")
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([command, "--no-cache", "--config", str(root / "pyproject.toml")], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


def test_the_import_contracts_hold():
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_upward_import_or_a_circle_breaks_them(tmp_path):
    """The contracts are read and mean something: a content loader importing a widget, and two server modules
    importing each other, are each reported."""
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    shutil.copytree(REPO / "kit", tmp_path / "kit",
                    ignore=lambda folder, names: [n for n in names if not n.endswith(".py") and not (Path(folder) / n).is_dir()])
    with open(tmp_path / "kit" / "content" / "quiz.py", "a", encoding="utf-8") as f:
        f.write("\nimport kit.widgets.quiz_card  # noqa: E402\n")
    with open(tmp_path / "kit" / "serve" / "preload.py", "a", encoding="utf-8") as f:
        f.write("\nimport kit.serve.warm  # noqa: E402\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    report = " ".join(result.stdout.split())
    assert "kit.content.quiz -> kit.widgets.quiz_card" in report
    assert "No import circles" in report.split("Broken contracts")[-1]
    assert "No cycles are allowed in kit.serve" in report and ".warm -> .preload" in report
