"""Switching a lesson's class experiment on or off in the teacher's own folder (``netkit experiment``).

A lesson declares its experiment in its notebook's metadata (``netkit.experiment``,
``kit.content.experiment``); whether it runs is the declaration's ``on``. A teacher should not have
to edit a notebook's JSON for that: ``switch`` finds the lesson by its id or its path
(``misinformation-jh``, ``misinformation/jh``), checks the declaration as ``netkit validate`` does,
and rewrites only ``on``, in the layout the notebook was written in. The next student to open the
lesson gets an arm (or none); students already in it keep what they had.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from kit import notebook
from kit.content.experiment import Experiment, experiment_problems, read_experiment
from kit.text.cli_text import say


class ExperimentError(Exception):
    """A lesson whose experiment cannot be switched; ``str()`` is the sentence for the teacher (ja / en)."""


@dataclass(frozen=True)
class Declared:
    """A lesson notebook that declares an experiment: its id, its path under ``lessons/`` and the experiment."""

    lesson: str
    path: str
    experiment: Experiment


def declared(lessons: Path) -> list[Declared]:
    """Every lesson under ``lessons`` whose notebook declares a sound experiment, in path order."""
    found = []
    for path in notebook.lesson_notebooks(lessons):
        meta = notebook.metadata(path)
        experiment = read_experiment(meta) if meta is not None else None
        if experiment is not None:
            found.append(Declared(str(meta.get("id", "")), _shown(path, lessons), experiment))
    return found


def find_lesson(lessons: Path, lesson: str) -> Path:
    """The notebook of ``lesson`` (its id, or its path under ``lessons/`` with or without ``.ipynb``)."""
    wanted = lesson.strip().removesuffix(".ipynb").strip("/")
    for path in notebook.lesson_notebooks(lessons):
        meta = notebook.metadata(path) or {}
        if wanted in (meta.get("id"), _shown(path, lessons)):
            return path
    raise ExperimentError(say("experiment_no_lesson", lesson=lesson, folder=lessons))


def switch(lessons: Path, lesson: str, on: bool) -> tuple[Path, Experiment, bool]:
    """Set ``on`` of ``lesson``'s experiment; (notebook, experiment as now, whether the file changed).

    Raises ``ExperimentError`` when the lesson is not found, declares no experiment, or declares one
    ``netkit validate`` would refuse (nothing is written then).
    """
    path = find_lesson(lessons, lesson)
    text = path.read_text("utf-8")
    doc = json.loads(text)
    meta = notebook.netkit_of(doc) or {}
    if "experiment" not in meta:
        others = ", ".join(d.lesson for d in declared(lessons)) or "—"
        raise ExperimentError(say("experiment_not_declared", lesson=lesson, others=others))
    switched = {**meta, "experiment": {**meta["experiment"], "on": on}} if isinstance(meta["experiment"], dict) else meta
    book = notebook.read(path)
    problems = experiment_problems(_shown(path, lessons), switched, book.methods(), book.calls)
    if problems:
        raise ExperimentError(f"{problems[0].sentence()} / {problems[0].sentence_en()}")
    experiment = read_experiment(switched)
    if meta["experiment"].get("on") is on:
        return path, experiment, False
    doc["metadata"]["netkit"] = switched
    _write_like(path, doc, text)
    return path, experiment, True


def _write_like(path: Path, doc: dict, before: str) -> None:
    """Write ``doc`` as Jupyter writes a notebook (indent 1, UTF-8, sorted keys when ``before`` had them), atomically."""
    sort_keys = before == json.dumps(json.loads(before), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    tmp = path.with_name(f".{path.name}.netkit-tmp")
    tmp.write_text(json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=sort_keys) + "\n", "utf-8")
    os.replace(tmp, path)


def _shown(path: Path, lessons: Path) -> str:
    return path.relative_to(lessons).with_suffix("").as_posix()
