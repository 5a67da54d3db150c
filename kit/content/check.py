"""Check a whole lesson folder: every content file, and every reference a lesson notebook makes.

``netkit validate`` prints what this returns. Content files are read by the same loaders the
lessons use; notebooks are read as data (their code is parsed, never run) to find the content
files, groups and sections they name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kit import notebook
from kit.components import COMPONENTS, KINDS, attribute, content_files, lesson_files
from kit.content.errors import ContentError, ContentProblem
from kit.content.experiment import experiment_problems
from kit.content.facts import Fact, load_all_facts
from kit.content.guide import guide_files, guide_problems, load_guide
from kit.content.labelled import is_blind, load_blind, load_labelled
from kit.content.networks import load_network_file
from kit.content.readings import load_reading_dictionary, reading_files
from kit.content.vocab import AUDIENCES, TOPICS
from kit.notebook import Call


@dataclass
class Report:
    """What a check found: every problem, and how many files it read."""

    problems: list[ContentProblem] = field(default_factory=list)
    warnings: list[ContentProblem] = field(default_factory=list)  # worth fixing, but the lessons still work
    files: int = 0
    notebooks: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_tree(datasets: Path, lessons: Path | None = None) -> Report:
    """Check every content file under ``datasets`` and every notebook under ``lessons``."""
    report = Report()
    facts: dict[str, Fact] = {}
    if (datasets / "facts").is_dir():
        report.files += len(content_files(datasets / "facts"))
        try:
            facts = load_all_facts(datasets / "facts")
        except ContentError as exc:
            report.problems += exc.problems
    loaded: dict[Path, object] = {}  # every sound file a lesson can read, for the notebooks' references
    for kind, path in lesson_files(datasets):
        report.files += 1
        content, problems = check_file(kind, path, facts)
        report.problems += problems
        if content is not None:
            loaded[path.resolve()] = content
    report.problems += _measurement_problems(datasets, report)
    report.files += len(reading_files(datasets / "readings"))
    try:
        load_reading_dictionary(datasets / "readings")
    except ContentError as exc:
        report.problems += exc.problems
    report.problems += _network_problems(datasets, report)
    if lessons is not None:
        for nb in notebook.lesson_notebooks(lessons):
            report.notebooks += 1
            problems, warnings = _notebook_checks(nb, lessons, datasets, loaded)
            report.problems += problems
            report.warnings += warnings
    report.problems += _guide_problems(report, datasets, lessons)
    return report


def check_file(kind: str, path: Path, facts: dict[str, Fact]) -> tuple[object | None, list[ContentProblem]]:
    """One content file of ``kind`` read as ``netkit validate`` reads it: its content (None when broken) and its problems.

    The file's own rows and fields (the strict loader), the fact ids it names and the values it gives a model.
    """
    spec = KINDS[kind]
    try:
        content = attribute(spec.strict or spec.loader)(path)
    except ContentError as exc:
        return None, list(exc.problems)
    problems = []
    if spec.facts:
        problems += attribute(spec.facts)(content, facts)
    if spec.params:
        problems += attribute(spec.params)(content)
    return content, problems


def file_problems(kind: str, path: Path, datasets: Path, lessons: Path | None, facts: dict[str, Fact]) -> list[ContentProblem]:
    """What ``netkit validate`` would say about one content file of ``kind`` at ``path`` (under ``datasets``).

    The file itself (``check_file``) and every call of a lesson under ``lessons`` that reads it (a quiz's
    ``group``, a scenario's role …). ``netkit content import`` checks each bank it is about to write with this,
    on a copy written to a temporary ``datasets`` folder, so nothing is written that validate would refuse.
    """
    content, problems = check_file(kind, path, facts)
    if lessons is None or not lessons.is_dir():
        return problems
    target = path.resolve()
    loaded = {target: content}
    for nb in notebook.lesson_notebooks(lessons):
        try:
            book = notebook.read(nb)
        except (OSError, ValueError):
            continue  # a broken notebook is its own problem, not this file's
        name = f"lessons/{nb.relative_to(lessons).as_posix()}"
        for call in book.calls:
            component = COMPONENTS.get(call.method)
            file = component.file_of(call.args, call.kwargs) if component is not None and component.kind == kind else None
            if isinstance(file, str) and file and (datasets / file).resolve() == target:
                problems += _call_problems(name, f"{call.cell}番目のセル", call, datasets, loaded)
    return problems


def folder_facts(datasets: Path) -> dict[str, Fact]:
    """The facts of a lesson folder, as the checks read them ({} when there are none or they are broken)."""
    try:
        return load_all_facts(datasets / "facts") if (datasets / "facts").is_dir() else {}
    except ContentError:
        return {}


def _guide_problems(report: Report, datasets: Path, lessons: Path | None) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    metas = notebook.by_id(lessons) if lessons is not None and lessons.is_dir() else None
    seen: dict[str, str] = {}
    for path in guide_files(datasets):
        report.files += 1
        try:
            guide = load_guide(path)
        except ContentError as exc:
            problems += exc.problems
            continue
        if guide.lesson in seen:
            problems.append(ContentProblem(
                guide.file, "", "lesson", f"授業「{guide.lesson}」の手引きは {seen[guide.lesson]} にもあります。1つにまとめてください。",
                f"{seen[guide.lesson]} is a guide for '{guide.lesson}' too; keep one."))
        seen.setdefault(guide.lesson, guide.file)
        if metas is not None:
            problems += guide_problems(guide, metas)
    return problems


def _network_problems(datasets: Path, report: Report) -> list[ContentProblem]:
    folder = datasets / "networks"
    if not folder.is_dir():
        return []
    problems = []
    for path in sorted(folder.glob("*.json")):
        report.files += 1
        try:
            load_network_file(path)
        except ContentError as exc:
            problems += exc.problems
    return problems


def _measurement_problems(datasets: Path, report: Report) -> list[ContentProblem]:
    """Problems in the hand-labelled posts beside the lexicon (for measuring the checker, not read by lessons)."""
    problems = []
    for path in content_files(datasets / "lexicon"):
        if path.suffix.lower() in KINDS["lexicon"].suffixes:
            continue  # a lexicon: checked with the lesson files
        report.files += 1
        try:
            (load_blind if is_blind(path) else load_labelled)(path)
        except ContentError as exc:
            problems += exc.problems
    return problems


def check_notebook(nb: Path, lessons: Path, datasets: Path, loaded: dict | None = None) -> list[ContentProblem]:
    """Problems in one lesson notebook: its catalogue metadata and the content it names.

    ``loaded`` maps resolved paths to the content files already read (by ``check_tree``); others are read here.
    Warnings (``check_tree`` lists them apart) are left out: they do not stop a lesson from working.
    """
    return _notebook_checks(nb, lessons, datasets, loaded)[0]


def _notebook_checks(nb: Path, lessons: Path, datasets: Path,
                     loaded: dict | None = None) -> tuple[list[ContentProblem], list[ContentProblem]]:
    """The problems and the warnings of one lesson notebook."""
    name = f"lessons/{nb.relative_to(lessons).as_posix()}"
    try:
        book = notebook.read(nb)
    except (OSError, ValueError) as exc:
        return [ContentProblem(name, "", "", f"ノートブックとして読めません（{exc}）。JupyterLab で開いて保存し直してください。",
                               f"not a readable notebook ({exc}); open and save it again in JupyterLab.")], []
    problems = _metadata_problems(name, book.meta) + experiment_problems(name, book.meta, book.methods(), book.calls)
    problems += lesson_cell_problems(name, book)
    if book.meta is not None and book.meta.get("topic") in HELP_TOPICS:
        problems += _help_problems(name, book)
    loaded = {} if loaded is None else loaded
    in_order = sorted([(e.cell, e) for e in book.errors] + [(c.cell, c) for c in book.calls], key=lambda pair: pair[0])
    for number, found in in_order:
        place = f"{number}番目のセル"
        if isinstance(found, Call):
            problems += _call_problems(name, place, found, datasets, loaded)
        else:
            problems.append(ContentProblem(name, place, "", f"Python の書き方に誤りがあります（{found.message}, {found.line}行目）。",
                                           f"Python syntax error ({found.message}, line {found.line})."))
    return problems, pre_post_warnings(name, book)


def lesson_cell_problems(name: str, book: notebook.Notebook) -> list[ContentProblem]:
    """Every ``lesson.…`` call needs ``lesson = Lesson("id")`` run before it, or each part shows only an error card."""
    if not book.calls:
        return []
    first = book.calls[0]
    cell = f'lesson = Lesson("{book.id or "この授業の id"}")'
    cell_en = f'lesson = Lesson("{book.id or "<lesson id>"}")'
    if book.lesson_at is None:
        return [ContentProblem(
            name, f"{first.cell}番目のセル", "",
            f"{cell} と書いたセルがないので、最初の lesson.{first.method}(…)（{first.cell}番目のセル）より前にそのセルを加えてください。",
            f"there is no cell with {cell_en}, so add one before the first lesson.{first.method}(…) call (cell {first.cell}).")]
    if book.lesson_at > (first.cell, first.line):
        at = book.lesson_at[0]
        return [ContentProblem(
            name, f"{at}番目のセル", "",
            f"{cell} のセル（{at}番目）が最初の lesson.{first.method}(…)（{first.cell}番目のセル）より後にあるので、"
            "そのセルを最初の lesson.… より前に移してください。",
            f"the cell with {cell_en} (cell {at}) comes after the first lesson.{first.method}(…) call (cell {first.cell}), "
            "so move it before the first lesson.… call.")]
    return []


PAIRED = {"quiz": "practice", "discernment": "pre"}  # components whose pre and post the teacher's page compares: default phase


def pre_post_warnings(name: str, book: notebook.Notebook) -> list[ContentProblem]:
    """A pre-test without a post-test (or the reverse): the teacher's page can never show pre → post."""
    warnings = []
    for method, default in PAIRED.items():
        calls = [c for c in book.calls if c.method == method]
        phases = {c.kwargs.get("phase", default): c for c in reversed(calls)}  # each phase's first call
        if any(not isinstance(p, str) for p in phases) or ("pre" in phases) == ("post" in phases):
            continue  # computed when the lesson runs, or paired, or neither
        have, lack = ("pre", "post") if "pre" in phases else ("post", "pre")
        call = phases[have]
        file = call.text(0) or "…"
        what = {"pre": ("事前テスト", "pre-test"), "post": ("事後テスト", "post-test")}
        where = {"post": ("授業の終わり近く（相談先より前）", "near the end of the lesson (before the help desks)"),
                 "pre": ("授業の始め近く", "near the start of the lesson")}[lack]
        warnings.append(ContentProblem(
            name, f"{call.cell}番目のセル", "phase",
            f"{what[have][0]}（lesson.{method}(…, phase=\"{have}\")）はあるのに{what[lack][0]}がなく先生の画面で事前→事後の変化を出せないので、"
            f"{where[0]}に lesson.{method}(\"{file}\", phase=\"{lack}\") のセルを加えてください。",
            f"there is a {what[have][1]} (lesson.{method}(…, phase=\"{have}\")) but no {what[lack][1]}, so the teacher's page "
            f"cannot show pre → post; add a cell with lesson.{method}(\"{file}\", phase=\"{lack}\") {where[1]}."))
    return warnings


def _call_problems(name: str, place: str, call: Call, datasets: Path, loaded: dict) -> list[ContentProblem]:
    """The file a ``lesson.<method>(...)`` call reads must be in datasets; then the component's own check."""
    component = COMPONENTS.get(call.method)
    if component is None:
        return []
    file = component.file_of(call.args, call.kwargs) if component.kind else None
    content = None
    if isinstance(file, str) and file:
        path = (datasets / file).resolve()
        if not path.is_file():
            return [ContentProblem(name, place, "", f"「{file}」が datasets にありません。ファイル名を直すか、ファイルを置いてください。",
                                   f"'{file}' is not in datasets; fix the name or add the file.")]
        if path not in loaded:  # a file outside the usual folders: read it as its kind
            spec = KINDS[component.kind]
            try:
                loaded[path] = attribute(spec.strict or spec.loader)(path)
            except ContentError:
                loaded[path] = None  # its problems are the file's, listed with the content files
        content = loaded[path]
    elif component.kind:
        return []  # the file is computed when the lesson runs
    return attribute(component.check)(name, place, call, file, content, datasets) if component.check else []


HELP_TOPICS = ("defamation",)  # a lesson on online abuse may reach a student who is a target right now
HELP_CALLS = ("help", "help_router")


def _help_problems(name: str, book: notebook.Notebook) -> list[ContentProblem]:
    """A lesson on online abuse must end with the help desks: its last ``lesson.…`` call is help or help_router."""
    last = book.calls[-1].method if book.calls else None
    if last in HELP_CALLS:
        return []
    return [ContentProblem(
        name, "最後のセル", "lesson.help_router()",
        "誹謗中傷の授業は、相談先（lesson.help_router() か lesson.help()）で終わる決まりです。いま書かれている生徒がいるかもしれないからです。"
        "消したセルを戻すか、最後のセルに lesson.help_router() と書いてください。",
        "a lesson on online abuse must end with the help desks (lesson.help_router() or lesson.help()), since a student may be a "
        "target right now; put the deleted cell back or write lesson.help_router() in the last cell.")]


def _metadata_problems(name: str, meta) -> list[ContentProblem]:
    fix = "JupyterLab の「ノートブックのメタデータ」の netkit に書いてください。"
    fix_en = "set it under 'netkit' in the notebook metadata (JupyterLab's property inspector)."
    if not isinstance(meta, dict):
        return [ContentProblem(name, "metadata", "netkit", "授業の題名・話題・対象がありません。" + fix,
                               "the lesson has no title, topic or audience; " + fix_en)]
    problems = []
    if not meta.get("title_ja"):
        problems.append(ContentProblem(name, "metadata", "netkit.title_ja", "題名がありません。" + fix, "no title; " + fix_en))
    if meta.get("topic") not in TOPICS:
        problems.append(ContentProblem(name, "metadata", "netkit.topic", f"topic は {', '.join(TOPICS)} のどれかにしてください。",
                                       f"topic must be one of {', '.join(TOPICS)}."))
    if meta.get("audience") not in AUDIENCES:
        problems.append(ContentProblem(name, "metadata", "netkit.audience", f"audience は {', '.join(AUDIENCES)} のどれかにしてください。",
                                       f"audience must be one of {', '.join(AUDIENCES)}."))
    return problems


# The checks the registry names for a component (``kit.components``): each gets the notebook's name, the
# cell, the call, the file it reads and that file's content (None when it has none or is broken).


def group_problems(name: str, place: str, call: Call, file, bank, datasets: Path) -> list[ContentProblem]:
    """A quiz's ``group`` must have questions in its bank."""
    group = call.keyword("group")
    if bank is None or group is None or bank.select(group=group).questions:
        return []
    return [ContentProblem(name, place, "group", f"「{file}」に group「{group}」の問題がありません。",
                           f"'{file}' has no questions in group '{group}'.")]


def section_problems(name: str, place: str, call: Call, file, text, datasets: Path) -> list[ContentProblem]:
    """A section named by id must be in its lesson text."""
    section = call.text(1)
    if text is None or section is None or section in {s.id for s in text.sections}:
        return []
    return [ContentProblem(name, place, "", f"「{file}」に節「{section}」がありません。", f"'{file}' has no section '{section}'.")]


def role_problems(name: str, place: str, call: Call, file, scenario, datasets: Path) -> list[ContentProblem]:
    """A scenario's ``role`` must be one the file offers."""
    role = call.keyword("role")
    if scenario is None or role is None:
        return []
    offered = [r.id for r in scenario.roles]
    if role in offered:
        return []
    return [ContentProblem(name, place, "role", f"「{file}」に立場「{role}」がありません（あるのは {', '.join(offered)}）。",
                           f"'{file}' has no role '{role}' (it offers {', '.join(offered)}).")]


def post_problems(name: str, place: str, call: Call, file, timeline, datasets: Path) -> list[ContentProblem]:
    """The ``posts`` a timeline shows must be in its file."""
    if timeline is None:
        return []
    missing = [p for p in call.texts("posts") if p not in {post.id for post in timeline.posts}]
    if not missing:
        return []
    return [ContentProblem(name, place, "posts", f"「{file}」に投稿 {', '.join(missing)} がありません。",
                           f"'{file}' has no post {', '.join(missing)}.")]


def task_problems(name: str, place: str, call: Call, file, lateral, datasets: Path) -> list[ContentProblem]:
    """The ``tasks`` a lateral-reading call shows must be in its file."""
    if lateral is None:
        return []
    missing = [t for t in call.texts("tasks") if t not in {task.id for task in lateral.tasks}]
    if not missing:
        return []
    return [ContentProblem(name, place, "tasks", f"「{file}」に課題 {', '.join(missing)} がありません。",
                           f"'{file}' has no task {', '.join(missing)}.")]


def card_problems(name: str, place: str, call: Call, file, cards, datasets: Path) -> list[ContentProblem]:
    """The law cards named by id must be in the cards file."""
    problems = []
    for card in (a for a in call.args if isinstance(a, str)) if cards is not None else ():
        try:
            cards.card(card)
        except ContentError as exc:
            problems += [ContentProblem(name, place, "", p.why, p.why_en) for p in exc.problems]
    return problems


MAX_PER_FILE = 30  # a pasted-in sheet can have thousands of bad rows; the first ones show the pattern


def format_report(report: Report, lang: str = "ja") -> str:
    """The report as lines a teacher reads: the problems (at most 30 per file), then a one-line total."""
    lines = [("注意 " + w.sentence()) if lang == "ja" else ("warning: " + w.sentence_en()) for w in report.warnings]
    shown: dict[str, int] = {}
    for p in report.problems:
        shown[p.file] = shown.get(p.file, 0) + 1
        if shown[p.file] <= MAX_PER_FILE:
            lines.append(p.sentence() if lang == "ja" else p.sentence_en())
    for file, count in shown.items():
        if count > MAX_PER_FILE:
            hidden = count - MAX_PER_FILE
            lines.append(f"{file}: ほかに {hidden} 件の問題があります（ここには最初の {MAX_PER_FILE} 件だけを出しています）。"
                         if lang == "ja" else
                         f"{file}: {hidden} more {_plural(hidden, 'problem')} (only the first {MAX_PER_FILE} are listed here).")
    warned = len(report.warnings)
    if report.ok:
        lines.append(f"OK: 問題は見つかりませんでした（内容ファイル {report.files}、授業 {report.notebooks}）。"
                     if lang == "ja" else f"OK: no problems found ({report.files} content files, {report.notebooks} lessons).")
    else:
        count = len(report.problems)
        lines.append(f"{count} 件の問題があります。上の各行を直してから、もう一度 netkit validate を実行してください。"
                     if lang == "ja" else f"{count} {_plural(count, 'problem')}; fix each line above and run netkit validate again.")
    if warned:
        lines.append(f"注意が {warned} 件あります（授業は動きますが、上の「注意」の行も直すことをおすすめします）。"
                     if lang == "ja" else f"{warned} {_plural(warned, 'warning')}: the lessons work, but fixing the lines marked warning is advised.")
    return "\n".join(lines)


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else noun + "s"


__all__ = ["Report", "check_file", "check_notebook", "check_tree", "content_files", "file_problems", "folder_facts", "format_report"]


def form_problems(name: str, place: str, call: Call, file, feed, datasets: Path) -> list[ContentProblem]:
    """A discernment feed's ``form`` must be one its file has."""
    form = call.keyword("form")
    if feed is None or form is None or form in feed.forms:
        return []
    return [ContentProblem(name, place, "form", f"「{file}」に form「{form}」の投稿がありません（あるのは {', '.join(feed.forms)}）。",
                           f"'{file}' has no posts in form '{form}' (it has {', '.join(feed.forms)}).")]
