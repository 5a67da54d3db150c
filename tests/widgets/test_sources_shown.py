"""No source line a student sees names the kit's own files: every lesson's components, as the kernel sends them.

A fact, an estimate, a lab's default and the help chart each show where they come from. That line names
the real source (a ministry, a desk's own page, a paper), never the kit's internal fact sheet
(``FACTS.md``) or a content file: a teacher keeps those in comments, where the students never look.
"""

from __future__ import annotations

import json
import re

import pytest

from kit.lesson import Lesson
from tests.widgets.lesson_widgets import NOTEBOOKS, _components, _lesson_widgets, texts

INTERNAL = re.compile(r"FACTS\.md|\b[\w./-]+\.(?:ya?ml|csv|xlsx|md|ipynb)\b", re.I)


def internal_names(widget) -> list[str]:
    """Where the state the kernel sends names an internal file: a source anywhere, FACTS.md in any text."""
    state = widget.get_state()
    found = []
    for path, text, _parent in texts({k: v for k, v in state.items() if not k.startswith("_")}):
        in_source = any(isinstance(p, str) and "source" in p for p in path)
        hit = INTERNAL.search(text) if in_source else re.search(r"FACTS\.md", text)
        if hit:
            found.append(f"{type(widget).__name__} {'/'.join(map(str, path))}: {hit.group(0)} in {text[:80]}")
    return found


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_source_line_names_an_internal_file(notebook, lang, tmp_path, monkeypatch):
    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(notebook.parent)
    meta = json.loads(notebook.read_text("utf-8"))["metadata"]["netkit"]
    lesson = Lesson(meta["id"], params={"lang": lang})
    found = []
    for top in _lesson_widgets(notebook, lesson):
        for widget in _components(top):
            if hasattr(widget, "get_state"):
                found += internal_names(widget)
    assert found == []


def test_the_help_chart_names_its_real_source():
    from kit.content.router import load_router
    from kit.widgets.help_router import HelpRouter
    from tests.conftest import REPO

    router = HelpRouter(load_router(REPO / "datasets" / "help" / "router.yaml"))
    assert "法務省" in router.chart["source"] and internal_names(router) == []
    assert all(not INTERNAL.search(d.source) for d in router._chart.desks.values())  # nor a desk's source
