"""``netkit new lesson``: scaffold a lesson from a teacher's questions, or write the question template."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.content.errors import ContentError
from kit.text.cli_text import say


def cmd_new_lesson(args) -> int:
    """Check the questions, write bank, text, guide and notebook, then check the folder as ``validate`` does."""
    from kit.authoring.new_lesson import LessonSpec, scaffold
    from kit.content.check import check_tree, format_report
    from kit.workspace.targets import TargetError, shown, teacher_folder

    if args.template:
        return write_template(args.template)
    missing = [flag for flag, value in (("--from", args.source), ("--topic", args.topic), ("--audience", args.audience))
               if not value]
    if missing:
        print(say("new_missing", flags=" ".join(missing)), file=sys.stderr)
        return 2
    try:
        lessons, datasets = teacher_folder(args.dir)
    except TargetError as exc:
        print(exc, file=sys.stderr)
        return 2
    spec = LessonSpec(topic=args.topic, audience=args.audience, source=Path(args.source), minutes=args.minutes,
                      lesson_id=args.id or "", title_ja=args.title or "", title_en=args.title_en or "",
                      aims=tuple(args.aim))
    print(say("new_checking", file=Path(args.source).resolve()))
    try:
        written = scaffold(spec, lessons, datasets)
    except ContentError as exc:
        for p in exc.problems:
            print(p.sentence())
        print(say("new_problems", count=len(exc.problems)))
        return 1
    base = lessons.parent
    print(say("new_done", lesson_id=written.lesson_id))
    for path in (written.notebook, written.bank, written.text, written.guide):
        print(f"  {path.resolve()}")
    print(say("new_edit_from_now", bank=written.bank.resolve(), source=Path(args.source).resolve()))
    report = check_tree(datasets, lessons)
    print(say("new_check"))
    print(format_report(report, "ja"))
    folder = shown(base)
    lesson = written.notebook.relative_to(lessons).with_suffix("").as_posix()
    print(say("new_next", text=written.text.resolve(), folder=folder, lesson=lesson))
    return 0 if report.ok else 1


def write_template(out: str) -> int:
    """``--template FILE.xlsx``: write the Japanese question template, never over an existing file."""
    from kit.authoring.template import write_template as write
    from kit.workspace.targets import TargetError, writable

    try:
        path = writable(out if out.lower().endswith(".xlsx") else out + ".xlsx")
    except TargetError as exc:
        print(exc, file=sys.stderr)
        return 2
    if path.exists():
        print(say("template_exists", out=path), file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    write(path)
    print(say("template_done", out=path))
    print("  " + say("template_hint"))
    print("  " + say("template_next", name=path.name))
    return 0


def add_parser(sub) -> None:
    """Register ``netkit new lesson``."""
    new = sub.add_parser("new", help="新しい授業を作る / make something new")
    nsub = new.add_subparsers(dest="new_command", required=True)
    lesson = nsub.add_parser("lesson", help="自分の問題から授業を作る / make a lesson from your own questions")
    lesson.add_argument("--template", metavar="FILE.xlsx",
                        help="問題のひな形（日本語だけの Excel）を書き出す / write the question template (Japanese-only Excel)")
    lesson.add_argument("--topic", help="defamation | misinformation | piracy | teacher")
    lesson.add_argument("--audience", help="小3-4 | 小5-6 | 中学生 | 高校生 | 保護者・教職員")
    lesson.add_argument("--from", dest="source", metavar="FILE",
                        help="問題のファイル（CSV・Excel・YAML、問題集と同じ形）/ your questions (CSV, XLSX or YAML, quiz-bank layout)")
    lesson.add_argument("--title", help="授業の題名 / the lesson's title (Japanese)")
    lesson.add_argument("--title-en", help="英語の題名（任意）/ English title (optional)")
    lesson.add_argument("--minutes", type=int, default=45, help="授業の長さ（分）/ length in minutes (default 45)")
    lesson.add_argument("--id", help="授業の id（省略すると <topic>-<対象>）/ lesson id (default <topic>-<audience>)")
    lesson.add_argument("--aim", action="append", default=[], help="授業のめあて（くり返し可）/ an aim (repeatable)")
    lesson.add_argument("--dir", help="授業のフォルダ（netkit init で作ったもの。省略するといまのフォルダ）/ "
                        "your lesson folder, made by netkit init (default: the current folder)")
    lesson.set_defaults(func=cmd_new_lesson)
