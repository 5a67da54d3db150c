"""The Python half of a component sends data and words; its browser half draws them.

No ``kit/widgets/*.py`` writes an inline style or builds HTML (or SVG) in a string: the look lives
in ``widgets/*.css`` on the tokens of ``widgets/_tokens.css``, the elements in ``widgets/*.js``
(drawn with the shared ``h()``, which escapes text and draws readings). Docstrings may name tags.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

WIDGETS = Path(__file__).resolve().parents[2] / "kit" / "widgets"
ELEMENTS = ("a abbr aside b br button circle code dd details div dl dt em figcaption figure footer g h1 h2 h3 h4 h5 h6 "
            "header hr i img input label legend li line main nav ol option p path polygon polyline rect rp rt ruby "
            "section select small span strong sub summary sup svg table tbody td text textarea th thead title tr u ul").split()
TAG = re.compile(r"</?(?:" + "|".join(ELEMENTS) + r")(?=[\s>/])", re.I)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def markup(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string in ``source``, docstrings aside, that holds a tag or an inline style."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    hits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            if TAG.search(node.value) or "style=" in node.value:
                hits.append((node.lineno, node.value[:60]))
    return hits


def test_the_check_finds_a_tag_a_style_and_an_f_string_part():
    assert markup('x = "<p>hi</p>"') and markup("y = f'<div class={c}>'") and markup("z = 'style=\"color:red\"'")
    assert not markup('"""Module with ``<input type="range">``."""\nkey = "law:<walk id>:<step id>"\nn = a < b')


@pytest.mark.parametrize("path", sorted(p for p in WIDGETS.glob("*.py")), ids=lambda p: p.name)
def test_a_widget_module_holds_no_markup(path):
    assert markup(path.read_text("utf-8")) == [], f"{path.name}: send data and let widgets/{path.stem}.js draw it"
