"""Everything a printed page of one lesson needs, read from its notebook and content files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kit import notebook
from kit.components import COMPONENTS
from kit.content.discernment import Judged, load_discernment
from kit.content.errors import ContentError, ContentProblem
from kit.content.experiment import read_experiment
from kit.content.forms import form_for, forms, orders
from kit.content.guide import Guide, find_guide
from kit.content.help import HelpDesk, load_help
from kit.content.lateral import LateralFile, load_lateral
from kit.content.lesson_text import LessonText, load_lesson_text
from kit.content.manipulator import Game, load_game
from kit.content.quiz import Question, load_quiz


@dataclass(frozen=True)
class QuizPart:
    """The questions one quiz cell of the lesson asks, and in which phase."""

    phase: str  # "pre" | "post" | "practice"
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class FeedPart:
    """The posts one discernment feed of the lesson shows (one form), and in which phase."""

    phase: str  # "pre" | "post" | "delayed"
    posts: tuple[Judged, ...]


@dataclass(frozen=True)
class LessonInfo:
    """A lesson as printed: metadata, guide, the quizzes and texts it shows, and help desks."""

    id: str
    meta: dict
    guide: Guide | None
    quizzes: tuple[QuizPart, ...] = ()
    texts: tuple[LessonText, ...] = ()
    desks: tuple[HelpDesk, ...] = field(default_factory=tuple)
    feeds: tuple[FeedPart, ...] = ()
    games: tuple[Game, ...] = ()  # the 「だます側になってみよう」 games it plays: their techniques go on the worksheet
    laterals: tuple[LateralFile, ...] = ()  # the lateral-reading tasks it shows: a record table, and their key in the guide

    @property
    def needs_help(self) -> bool:
        """Whether the lesson shows help desks (every lesson on online abuse does)."""
        return bool(self.desks)


def find_notebook(lessons: Path, lesson: str) -> Path:
    """The notebook of ``lesson`` (an id such as ``defamation-basics`` or a path such as ``defamation/basics``)."""
    metas = notebook.by_id(lessons)
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
    nb = notebook.read(find_notebook(lessons, lesson))
    meta = nb.meta or {}
    lesson_id = nb.id or nb.path.stem
    quizzes, texts, desks, feeds, games, laterals = [], [], [], [], [], []
    problems: list[ContentProblem] = []
    help_file = None
    experiment = read_experiment(meta)
    for call in nb.calls:
        if experiment is not None and call.keyword("arm") not in (None, experiment.arm_ids[0]):
            continue  # on paper the lesson is as its experiment's first arm sees it (kit.content.experiment)
        component = COMPONENTS.get(call.method)
        file = component.file_of(call.args, call.kwargs) if component is not None else None
        if not isinstance(file, str):
            continue  # computed in the notebook: nothing to print from it
        try:
            if call.method == "quiz":
                bank = load_quiz(datasets / file)
                group = call.keyword("group")
                chosen = bank.select(group=group) if group is not None else bank
                phase = call.keyword("phase") or "practice"
                by_form = forms(chosen.questions)  # on paper, the first order of matched forms: A before, B after
                questions = by_form[form_for(orders(by_form)[0], phase)] if by_form else chosen.questions
                quizzes.append(QuizPart(phase, questions))
            elif call.method == "discernment" and call.keyword("form") is not None:
                feeds.append(FeedPart(call.keyword("phase") or "pre", load_discernment(datasets / file).form(call.keyword("form"))))
            elif call.method in ("sections", "section"):
                text = load_lesson_text(datasets / file)
                if call.method == "section" and call.text(1) is not None:
                    text = LessonText(text.file, text.title, (text.section(call.text(1)),))
                texts.append(text)
            elif call.method == "manipulator_game":
                games.append(load_game(datasets / file))
            elif call.method == "lateral":  # only the tasks the notebook names, in its order
                laterals.append(load_lateral(datasets / file).select(call.texts("tasks") or None))
            elif call.method == "help":
                help_file = file
            elif call.method == "help_router":  # on paper the desks of help/desks.yaml are listed
                help_file = help_file or COMPONENTS["help"].file
        except ContentError as exc:
            problems += exc.problems
    if help_file is None and meta.get("topic") == "defamation":
        help_file = COMPONENTS["help"].file  # children's safety: an abuse lesson's paper always says where to get help
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
    return LessonInfo(lesson_id, meta, guide, tuple(quizzes), tuple(texts), tuple(desks), tuple(feeds), tuple(games),
                      tuple(laterals))
