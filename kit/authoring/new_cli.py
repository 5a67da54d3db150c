"""``netkit new lesson``: scaffold a lesson from a teacher's questions."""

from __future__ import annotations

from pathlib import Path

from kit.content.errors import ContentError
from kit.text.cli_text import say


def cmd_new_lesson(args) -> int:
    """Check the questions, then write bank, text, guide and notebook; print where they are."""
    from kit.authoring.new_lesson import LessonSpec, scaffold
    from kit.cli import find_folders

    lessons, datasets = find_folders(args.dir) if args.dir else find_folders(".")
    spec = LessonSpec(topic=args.topic, audience=args.audience, source=Path(args.source), minutes=args.minutes,
                      lesson_id=args.id or "", title_ja=args.title or "", title_en=args.title_en or "",
                      aims=tuple(args.aim))
    print(say("new_checking", file=args.source))
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
        print(f"  {path.relative_to(base).as_posix()}")
    folder = args.dir or "."
    print(say("new_next", text=written.text.relative_to(base).as_posix(), folder=folder))
    return 0


def add_parser(sub) -> None:
    """Register ``netkit new lesson``."""
    new = sub.add_parser("new", help="新しい授業を作る / make something new")
    nsub = new.add_subparsers(dest="new_command", required=True)
    lesson = nsub.add_parser("lesson", help="自分の問題から授業を作る / make a lesson from your own questions")
    lesson.add_argument("--topic", required=True, help="defamation | misinformation | piracy | teacher")
    lesson.add_argument("--audience", required=True, help="小3-4 | 小5-6 | 中学生 | 高校生 | 保護者・教職員")
    lesson.add_argument("--from", dest="source", required=True, metavar="FILE",
                        help="問題のファイル（CSV・Excel・YAML、問題集と同じ形）/ your questions (CSV, XLSX or YAML, quiz-bank layout)")
    lesson.add_argument("--title", help="授業の題名 / the lesson's title (Japanese)")
    lesson.add_argument("--title-en", help="英語の題名 / English title")
    lesson.add_argument("--minutes", type=int, default=45, help="授業の長さ（分）/ length in minutes (default 45)")
    lesson.add_argument("--id", help="授業の id（省略すると <topic>-<対象>）/ lesson id (default <topic>-<audience>)")
    lesson.add_argument("--aim", action="append", default=[], help="授業のめあて（くり返し可）/ an aim (repeatable)")
    lesson.add_argument("--dir", help="授業のフォルダ（lessons と datasets を含む）/ folder with lessons/ and datasets/ (default: here)")
    lesson.set_defaults(func=cmd_new_lesson)
