"""No test imports benchmarks/ or another test module: what tests share lives in a conftest.py or a helper module."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def wrong_imports(source: str) -> list[tuple[int, str]]:
    """(line, module) of each import of ``benchmarks`` or of a ``test_*`` module in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        found += [(node.lineno, name) for name in names
                  if name.split(".")[0] == "benchmarks" or name.split(".")[-1].startswith("test_")]
    return found


def test_no_test_imports_benchmarks_or_another_test_module():
    wrong = [f"{path.relative_to(TESTS.parent)}:{line} imports {name}"
             for path in sorted(TESTS.rglob("*.py")) if "fixtures" not in path.relative_to(TESTS).parts
             for line, name in wrong_imports(path.read_text("utf-8"))]
    assert wrong == [], "move what is shared to a conftest.py or a helper module (not named test_*)"


def test_such_imports_are_found():
    source = ("import benchmarks.postchecker\nfrom tests.browser.test_lessons import WIDGET_TIMEOUT\n"
              "from tests.browser.lesson_page import WIDGET_TIMEOUT\nfrom tests.served import Server\n")
    assert wrong_imports(source) == [(1, "benchmarks.postchecker"), (2, "tests.browser.test_lessons")]
