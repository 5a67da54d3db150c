"""The one-component lessons of the browser tests' lab school (``lab_school`` in tests/browser/conftest.py):
each test opens its own lesson, and the school is served once for all of them."""

from __future__ import annotations

from pathlib import Path

import nbformat


def notebook(path: Path, meta: dict, calls: list[str]) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["netkit"] = {"minutes": 15, "summary_ja": "テスト", "summary_en": "test", **meta}
    nb.cells = [nbformat.v4.new_code_cell(f'from kit.lesson import Lesson\nlesson = Lesson("{meta["id"]}")'),
                *(nbformat.v4.new_code_cell(call) for call in calls)]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def spread_lab_notebook(path: Path, network: str, **params) -> None:
    args = "".join(f", {k}={v!r}" for k, v in params.items())
    notebook(path, {"id": "misinformation-labtest", "topic": "misinformation", "audience": "中学生",
                    "title_ja": "広がり方の実験", "title_en": "Spread lab"}, [f'lesson.spread_lab("{network}"{args})'])


def write_lab_lessons(lessons: Path) -> None:
    """The flaming lab (defamation/lab), the post checker above a flaming lab (defamation/checker) and the
    spread lab on the school network (misinformation/lab)."""
    notebook(lessons / "defamation" / "lab.ipynb", {"id": "defamation-labtest", "topic": "defamation", "audience": "高校生",
             "title_ja": "炎上の実験", "title_en": "Flaming lab"}, ["lesson.flaming_lab()"])
    notebook(lessons / "defamation" / "checker.ipynb", {"id": "defamation-checker-demo", "topic": "defamation",
             "audience": "中学生", "minutes": 50, "title_ja": "送る前に", "title_en": "Before you send",
             "summary_ja": "投稿チェック", "summary_en": "Post checker"}, ["lesson.post_checker()", "lesson.flaming_lab()"])
    spread_lab_notebook(lessons / "misinformation" / "lab.ipynb", "networks/school.json")
