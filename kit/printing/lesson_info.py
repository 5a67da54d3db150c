"""Everything a printed page of one lesson needs, read from its notebook and content files."""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass, field
from pathlib import Path

from kit.content.errors import ContentError, ContentProblem
from kit.content.guide import Guide, find_guide
from kit.content.help import HelpDesk, load_help
from kit.content.lesson_text import LessonText, load_lesson_text
from kit.content.quiz import Question, load_quiz


@dataclass(frozen=True)
class QuizPart:
    """The questions one quiz cell of the lesson asks, and in which phase."""

    phase: str  # "pre" | "post" | "practice"
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class LessonInfo:
    """A lesson as printed: metadata, guide, the quizzes and texts it shows, and help desks."""

    id: str
    meta: dict
    guide: Guide | None
    quizzes: tuple[QuizPart, ...] = ()
    texts: tuple[LessonText, ...] = ()
    desks: tuple[HelpDesk, ...] = field(default_factory=tuple)

    @property
    def needs_help(self) -> bool:
        """Whether the lesson shows help desks (every lesson on online abuse does)."""
        return bool(self.desks)


def _calls(nb: Path) -> list[tuple[str, list[str], dict[str, str]]]:
    """(method, string args, string keywords) of every call in the notebook's code cells, in order."""
    doc = json.loads(nb.read_text("utf-8"))
    calls = []
    for cell in doc.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        try:
            tree = ast.parse("".join(cell.get("source", "")))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                kwargs = {k.arg: k.value.value for k in node.keywords
                          if k.arg and isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)}
                calls.append((node.func.attr, args, kwargs))
    return calls


def find_notebook(lessons: Path, lesson: str) -> Path:
    """The notebook of ``lesson`` (an id such as ``defamation-basics`` or a path such as ``defamation/basics``)."""
    from kit.content.check import lesson_metadata

    metas = lesson_metadata(lessons)
    if lesson in metas:
        return metas[lesson]["path"]
    path = lessons / (lesson.removeprefix("lessons/") + ("" if lesson.endswith(".ipynb") else ".ipynb"))
    if path.is_file():
        return path
    known = "、".join(sorted(metas)) or "（なし / none）"
    raise ContentError.single("lessons", f"授業「{lesson}」がありません（ある授業: {known}）。",
                              f"no lesson '{lesson}' (lessons: {known}).", field="lesson")


def lesson_info(lessons: Path, datasets: Path, lesson: str) -> LessonInfo:
    """Read the lesson's notebook and every content file it names; ``ContentError`` if one is broken."""
    nb = find_notebook(lessons, lesson)
    meta = json.loads(nb.read_text("utf-8")).get("metadata", {}).get("netkit") or {}
    lesson_id = meta.get("id") or nb.stem
    quizzes, texts, desks = [], [], []
    problems: list[ContentProblem] = []
    help_file = None
    for method, args, kwargs in _calls(nb):
        try:
            if method == "quiz" and args:
                bank = load_quiz(datasets / args[0])
                group = kwargs.get("group")
                chosen = bank.select(group=group) if group is not None else bank
                quizzes.append(QuizPart(kwargs.get("phase", "practice"), chosen.questions))
            elif method in ("sections", "section") and args:
                text = load_lesson_text(datasets / args[0])
                if method == "section" and len(args) > 1:
                    text = LessonText(text.file, text.title, (text.section(args[1]),))
                texts.append(text)
            elif method == "help":
                help_file = args[0] if args else "help/desks.yaml"
            elif method == "help_router":  # on paper the router's desks are listed
                help_file = help_file or "help/desks.yaml"
        except ContentError as exc:
            problems += exc.problems
    if help_file is None and meta.get("topic") == "defamation":
        help_file = "help/desks.yaml"  # children's safety: an abuse lesson's paper always says where to get help
    if help_file is not None:
        try:
            desks = [d for d in load_help(datasets / help_file) if "children" in d.audience]
        except ContentError as exc:
            problems += exc.problems
    guide = None
    try:
        guide = find_guide(datasets, lesson_id)
    except ContentError as exc:
        problems += exc.problems
    if problems:
        raise ContentError(problems)
    return LessonInfo(lesson_id, meta, guide, tuple(quizzes), tuple(texts), tuple(desks))
