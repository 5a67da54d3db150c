"""Check a whole lesson folder: every content file, and every reference a lesson notebook makes.

``netkit validate`` prints what this returns. Content files are read by the same loaders the
lessons use; notebooks are read as data (their code is parsed, never run) to find the content
files, groups and sections they name.
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass, field
from pathlib import Path

from kit.content.errors import ContentError, ContentProblem
from kit.content.estimates import load_estimates
from kit.content.facts import Fact, load_all_facts
from kit.content.guide import guide_files, guide_problems, load_guide
from kit.content.help import load_help
from kit.content.labelled import is_blind, load_blind, load_labelled
from kit.content.law import law_kind, load_law_cards, load_law_walk, missing_facts
from kit.content.law_rules import load_law_rules
from kit.content.lesson_text import LessonText, load_lesson_text
from kit.content.lexicon import load_lexicon
from kit.content.networks import load_network_file
from kit.content.quiz import QuizBank, load_quiz
from kit.content.readings import load_reading_dictionary, reading_files
from kit.content.router import is_router_file, load_router
from kit.content.scenario import Scenario, load_scenario
from kit.content.timeline import Timeline, load_timeline
from kit.content.vocab import AUDIENCES, TOPICS

CONTENT_SUFFIXES = {".csv", ".tsv", ".xlsx", ".yaml", ".yml"}


@dataclass
class Report:
    """What a check found: every problem, and how many files it read."""

    problems: list[ContentProblem] = field(default_factory=list)
    files: int = 0
    notebooks: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def source_problems(bank: QuizBank, facts: dict[str, Fact]) -> list[ContentProblem]:
    """Questions whose ``source`` names no fact in datasets/facts (a teacher's own question names none)."""
    return [ContentProblem(
        bank.file, q.id, "source", f"事実「{q.source}」が datasets/facts にありません。id を直すか事実を加えてください。"
        "先生が自分で作った問題なら、source は空のまま（または「自作」）にしてください。",
        f"fact '{q.source}' is not in datasets/facts; fix the id or add the fact. For a question of your own, "
        "leave source empty (or write 自作).") for q in bank.questions if facts and q.source and q.source not in facts]


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
    banks: dict[Path, QuizBank] = {}
    texts: dict[Path, LessonText] = {}
    for path in content_files(datasets / "quizzes"):
        report.files += 1
        try:
            banks[path.resolve()] = bank = load_quiz(path)
        except ContentError as exc:
            report.problems += exc.problems
            continue
        report.problems += source_problems(bank, facts)
    for path in content_files(datasets / "texts"):
        report.files += 1
        try:
            texts[path.resolve()] = text = load_lesson_text(path)
        except ContentError as exc:
            report.problems += exc.problems
            continue
        for s in text.sections:
            for fid in s.facts:
                if fid not in facts:
                    report.problems.append(ContentProblem(
                        text.file, s.id, "facts", f"事実「{fid}」が datasets/facts にありません。",
                        f"fact '{fid}' is not in datasets/facts."))
    for path in content_files(datasets / "help"):
        report.files += 1
        try:
            load_router(path) if is_router_file(path) else load_help(path)
        except ContentError as exc:
            report.problems += exc.problems
    report.files += len(reading_files(datasets / "readings"))
    try:
        load_reading_dictionary(datasets / "readings")
    except ContentError as exc:
        report.problems += exc.problems
    scenarios: dict[Path, Scenario] = {}
    for path in content_files(datasets / "scenarios"):
        report.files += 1
        try:
            scenarios[path.resolve()] = load_scenario(path)
        except ContentError as exc:
            report.problems += exc.problems
    for path in content_files(datasets / "lexicon"):
        report.files += 1
        try:
            if path.suffix.lower() in (".yaml", ".yml"):
                load_lexicon(path)
            else:
                (load_blind if is_blind(path) else load_labelled)(path)
        except ContentError as exc:
            report.problems += exc.problems
    laws: dict[Path, object] = {}
    for path in content_files(datasets / "law"):
        report.files += 1
        try:
            laws[path.resolve()] = law = (load_law_cards if law_kind(path) == "law_cards" else load_law_walk)(path)
        except ContentError as exc:
            report.problems += exc.problems
            continue
        if facts:
            report.problems += missing_facts(law, facts)
    report.problems += _network_problems(datasets, report)
    report.problems += _law_and_estimate_problems(datasets, report, facts)
    timelines: dict[Path, Timeline] = {}
    for path in content_files(datasets / "timelines"):
        report.files += 1
        try:
            timelines[path.resolve()] = timeline = load_timeline(path)
        except ContentError as exc:
            report.problems += exc.problems
            continue
        for post in timeline.posts:
            for fid in post.sources:
                if facts and fid not in facts:
                    report.problems.append(ContentProblem(
                        timeline.file, post.id, "sources", f"事実「{fid}」が datasets/facts にありません。id を直すか事実を加えてください。",
                        f"fact '{fid}' is not in datasets/facts; fix the id or add the fact."))
    if lessons is not None and lessons.is_dir():
        for nb in sorted(lessons.rglob("*.ipynb")):
            if ".ipynb_checkpoints" in nb.parts:
                continue
            report.notebooks += 1
            report.problems += check_notebook(nb, lessons, datasets, banks, texts, scenarios, timelines)
    report.problems += _guide_problems(report, datasets, lessons)
    return report


def lesson_metadata(lessons: Path) -> dict[str, dict]:
    """``{id: metadata.netkit}`` of every lesson notebook under ``lessons`` that has an id."""
    found: dict[str, dict] = {}
    for nb in sorted(lessons.rglob("*.ipynb")) if lessons.is_dir() else ():
        if ".ipynb_checkpoints" in nb.parts:
            continue
        try:
            meta = json.loads(nb.read_text("utf-8")).get("metadata", {}).get("netkit")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(meta, dict) and isinstance(meta.get("id"), str):
            found.setdefault(meta["id"], {**meta, "path": nb})
    return found


def _guide_problems(report: Report, datasets: Path, lessons: Path | None) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    metas = lesson_metadata(lessons) if lessons is not None and lessons.is_dir() else None
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


def _law_and_estimate_problems(datasets: Path, report: Report, facts: dict[str, Fact]) -> list[ContentProblem]:
    """Problems in the law files (``datasets/law_rules``) and the estimates (``datasets/estimates``)."""
    problems = []
    for path in content_files(datasets / "law_rules"):
        report.files += 1
        try:
            law = load_law_rules(path)
        except ContentError as exc:
            problems += exc.problems
            continue
        problems += [ContentProblem(law.file, pid, "fact",
                                    f"事実「{fid}」が datasets/facts にありません。id を直すか事実を加えてください。",
                                    f"fact '{fid}' is not in datasets/facts; fix the id or add the fact.")
                     for pid, fid in law.fact_ids if facts and fid not in facts]
    for path in content_files(datasets / "estimates"):
        report.files += 1
        try:
            estimates = load_estimates(path)
            if facts:
                estimates.with_facts(facts)
        except ContentError as exc:
            problems += exc.problems
    return problems


def content_files(folder: Path) -> list[Path]:
    """The content files (CSV, XLSX, YAML) under ``folder``, skipping Excel's lock files."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in CONTENT_SUFFIXES
                  and not p.name.startswith((".", "~$")))


def check_notebook(nb: Path, lessons: Path, datasets: Path, banks: dict, texts: dict,
                   scenarios: dict | None = None, timelines: dict | None = None) -> list[ContentProblem]:
    """Problems in one lesson notebook: its catalogue metadata and the content it names."""
    name = f"lessons/{nb.relative_to(lessons).as_posix()}"
    try:
        doc = json.loads(nb.read_text("utf-8"))
        cells = doc["cells"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [ContentProblem(name, "", "", f"ノートブックとして読めません（{exc}）。JupyterLab で開いて保存し直してください。",
                               f"not a readable notebook ({exc}); open and save it again in JupyterLab.")]
    meta = doc.get("metadata", {}).get("netkit")
    problems = _metadata_problems(name, meta)
    if isinstance(meta, dict) and meta.get("topic") in HELP_TOPICS:
        problems += _help_problems(name, cells)
    for number, cell in enumerate(cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", ""))
        place = f"{number}番目のセル"
        try:
            tree = ast.parse(source)
        except SyntaxError as exc:
            problems.append(ContentProblem(name, place, "", f"Python の書き方に誤りがあります（{exc.msg}, {exc.lineno}行目）。",
                                           f"Python syntax error ({exc.msg}, line {exc.lineno})."))
            continue
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            problems += _reference_problems(name, place, call, datasets, banks, texts, scenarios or {}, timelines or {})
    return problems


HELP_TOPICS = ("defamation",)  # a lesson on online abuse may reach a student who is a target right now
HELP_CALLS = ("help", "help_router")


def _help_problems(name: str, cells: list) -> list[ContentProblem]:
    """A lesson on online abuse must end with the help desks: its last ``lesson.…`` call is help or help_router."""
    calls = []  # (cell number, line, column, method) of every lesson.<method>(…) call
    for number, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        try:
            tree = ast.parse("".join(cell.get("source", "")))
        except SyntaxError:
            continue  # reported with the cell
        calls += [(number, n.lineno, n.col_offset, n.func.attr) for n in ast.walk(tree)
                  if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                  and isinstance(n.func.value, ast.Name) and n.func.value.id == "lesson"]
    last = max(calls)[3] if calls else None
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


def _string_args(call: ast.Call) -> list[str | None]:
    return [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in call.args]


def _keyword(call: ast.Call, key: str) -> str | None:
    for kw in call.keywords:
        if kw.arg == key and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
            return kw.value.value
    return None


def _flaming_problems(name: str, place: str, call: ast.Call) -> list[ContentProblem]:
    """Starting values a notebook gives the 炎上 simulator, checked as the model checks them."""
    from kit.models.flaming import FlamingParams

    return _param_problems(FlamingParams, name, place, call, skip=("seed",))


def _param_problems(params_class, name: str, place: str, call: ast.Call, skip: tuple = ()) -> list[ContentProblem]:
    """A lab's starting values in a notebook call: each name known to the model, each written value allowed."""
    from kit.models.parameters import ParamError, check, spec

    problems = []
    for kw in call.keywords:
        if kw.arg is None or kw.arg in skip:
            continue
        try:
            if isinstance(kw.value, ast.Constant):
                check(params_class, kw.arg, kw.value.value)
            else:
                spec(params_class, kw.arg)
        except ParamError as exc:
            problems.append(ContentProblem(name, place, kw.arg, exc.ja, exc.en))
    return problems


def _reference_problems(name, place, call, datasets, banks, texts, scenarios, timelines) -> list[ContentProblem]:
    func = call.func
    method = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if method == "spread_lab":
        return _spread_lab_problems(name, place, call, datasets)
    if method == "flaming_lab":
        return _flaming_problems(name, place, call)
    if method == "law_card":
        return _law_card_problems(name, place, call, datasets)
    if method not in ("quiz", "section", "sections", "help", "help_router", "title", "scenario", "post_checker", "load_quiz",
                      "load_lesson_text", "load_help", "load_scenario", "load_router", "download_rule_checker",
                      "estimate_explorer", "timeline", "timeline_spread", "load_timeline", "load_lexicon",
                      "law_walk", "law_cards"):
        return []
    args = _string_args(call)
    if not args or args[0] is None:
        return []
    ref = args[0]
    path = (datasets / ref).resolve()
    if not path.is_file():
        return [ContentProblem(name, place, "", f"「{ref}」が datasets にありません。ファイル名を直すか、ファイルを置いてください。",
                               f"'{ref}' is not in datasets; fix the name or add the file.")]
    problems = []
    group = _keyword(call, "group")
    if method in ("quiz", "load_quiz") and group is not None and path in banks:
        if not banks[path].select(group=group).questions:
            problems.append(ContentProblem(name, place, "group", f"「{ref}」に group「{group}」の問題がありません。",
                                           f"'{ref}' has no questions in group '{group}'."))
    if method == "section" and len(args) > 1 and args[1] is not None and path in texts:
        if args[1] not in {s.id for s in texts[path].sections}:
            problems.append(ContentProblem(name, place, "", f"「{ref}」に節「{args[1]}」がありません。",
                                           f"'{ref}' has no section '{args[1]}'."))
    role = _keyword(call, "role")
    if method == "scenario" and role is not None and path in scenarios:
        offered = [r.id for r in scenarios[path].roles]
        if role not in offered:
            problems.append(ContentProblem(name, place, "role", f"「{ref}」に立場「{role}」がありません（あるのは {', '.join(offered)}）。",
                                           f"'{ref}' has no role '{role}' (it offers {', '.join(offered)})."))
    if method == "timeline" and path in timelines:
        wanted = _string_list(call, "posts")
        missing = [p for p in wanted if p not in {post.id for post in timelines[path].posts}]
        if missing:
            problems.append(ContentProblem(name, place, "posts", f"「{ref}」に投稿 {', '.join(missing)} がありません。",
                                           f"'{ref}' has no post {', '.join(missing)}."))
    return problems


def _string_list(call: ast.Call, key: str) -> list[str]:
    for kw in call.keywords:
        if kw.arg == key and isinstance(kw.value, (ast.List, ast.Tuple)):
            return [e.value for e in kw.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return []


def _law_card_problems(name, place, call, datasets) -> list[ContentProblem]:
    ref = _keyword(call, "file") or "law/cards.yaml"
    path = (datasets / ref).resolve()
    if not path.is_file():
        return [ContentProblem(name, place, "", f"「{ref}」が datasets にありません。ファイル名を直すか、ファイルを置いてください。",
                               f"'{ref}' is not in datasets; fix the name or add the file.")]
    try:
        cards = load_law_cards(path)
    except ContentError:
        return []  # the file's own problems are listed with the content files
    problems = []
    for card in (a for a in _string_args(call) if a is not None):
        try:
            cards.card(card)
        except ContentError as exc:
            problems += [ContentProblem(name, place, "", p.why, p.why_en) for p in exc.problems]
    return problems


def _spread_lab_problems(name, place, call, datasets) -> list[ContentProblem]:
    """A spread lab's network file must exist and its starting values be in range."""
    from kit.models.spread import Params

    problems = []
    args = _string_args(call)
    network = args[0] if args else _keyword(call, "network")
    if network and network.lower().endswith(".json") and not (datasets / network).is_file():
        problems.append(ContentProblem(name, place, "network", f"「{network}」が datasets にありません。ファイル名を直すか、ファイルを置いてください。",
                                       f"'{network}' is not in datasets; fix the name or add the file."))
    return problems + _param_problems(Params, name, place, call, skip=("network", "compare", "sliders", "network_seed"))


MAX_PER_FILE = 30  # a pasted-in sheet can have thousands of bad rows; the first ones show the pattern


def format_report(report: Report, lang: str = "ja") -> str:
    """The report as lines a teacher reads: the problems (at most 30 per file), then a one-line total."""
    lines = []
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
                         f"{file}: {hidden} more problems (only the first {MAX_PER_FILE} are listed here).")
    if report.ok:
        lines.append(f"OK: 問題は見つかりませんでした（内容ファイル {report.files}、授業 {report.notebooks}）。"
                     if lang == "ja" else f"OK: no problems found ({report.files} content files, {report.notebooks} lessons).")
    else:
        lines.append(f"{len(report.problems)} 件の問題があります。上の各行を直してから、もう一度 netkit validate を実行してください。"
                     if lang == "ja" else f"{len(report.problems)} problems; fix each line above and run netkit validate again.")
    return "\n".join(lines)


__all__ = ["Report", "check_notebook", "check_tree", "content_files", "format_report", "lesson_metadata"]
