"""``netkit print guide|worksheet LESSON|--all --to html|pdf --out PATH`` and ``netkit print report --class 2-3``."""

from __future__ import annotations

import html
import sys
from pathlib import Path

from kit.cli.common import find_folders
from kit.content.errors import ContentError
from kit.text.cli_text import say, word


def render(kind: str, lessons: Path, datasets: Path, lesson: str, lang: str, embed_font: bool = True) -> tuple[str, str]:
    """(lesson id, HTML) of the guide or worksheet of ``lesson``."""
    from kit.printing.lesson_info import lesson_info
    from kit.printing.pages import guide_html, worksheet_html

    info = lesson_info(lessons, datasets, lesson)
    return info.id, (guide_html if kind == "guide" else worksheet_html)(info, lang, embed_font)


def cmd_report(args) -> int:
    """Write the one-page report of a class (its latest lesson, or ``--lesson``) as PDF or HTML."""
    from kit.printing.pdf import PrintUnavailable, html_to_pdf
    from kit.printing.report import ITEMS_ON_PAGE, class_report_html
    from kit.serve.catalogue import scan, titles
    from kit.serve.report import booster_lessons, build_report, lesson_topic
    from kit.store import data_dir, is_url, location, open_store
    from kit.store.classes import normalise_class
    from kit.text.times import shown

    if not args.class_code:
        print(say("report_no_class"), file=sys.stderr)
        return 2
    klass = normalise_class(args.class_code)
    chosen = args.lesson_option or args.lesson
    path = location(Path(args.data_dir) if args.data_dir else data_dir())
    if not is_url(path) and not path.exists():
        print(say("report_none", klass=klass, lesson=chosen or "-"), file=sys.stderr)
        return 1
    lessons, datasets = find_folders(args.dir)
    entries = scan(lessons, include_teacher=True) if lessons.is_dir() else []
    store = open_store(path)
    try:
        taken = sorted(((last, lesson) for c, lesson, _s, _a, _f, last in store.summary() if c == klass), reverse=True)
        lesson = chosen or (taken[0][1] if taken else "")
        answers = store.answers(lesson=lesson, class_code=klass) if lesson else []
        later = [a for other in booster_lessons(entries, lesson) for a in store.answers(lesson=other, class_code=klass)]
    finally:
        store.close()
    if not answers:
        print(say("report_none", klass=klass, lesson=lesson or "-"), file=sys.stderr)
        return 1
    names = titles(entries, args.lang)
    if not chosen and len(taken) > 1:
        print(say("report_picked", lesson=lesson, others=", ".join(name for _last, name in taken[1:])))
    times = sorted(a.answered_at for a in answers if a.answered_at)
    report = build_report(answers, datasets, args.lang, names=False, items_shown=ITEMS_ON_PAGE, later=later,
                          topic=lesson_topic(entries, lesson))
    page = class_report_html(report, klass, names.get(lesson, lesson), word("p_report_when", args.lang,
                             first=shown(times[0]), last=shown(times[-1])), args.lang, not args.no_embed_font)
    from kit.workspace.targets import TargetError, writable

    try:
        out = writable(args.out or f"netkit-report-{_safe(klass)}-{_safe(lesson)}.{args.to}")
    except TargetError as exc:
        print(exc, file=sys.stderr)
        return 2
    if out.is_dir():
        out = out / f"netkit-report-{_safe(klass)}-{_safe(lesson)}.{args.to}"
    if args.to == "html":
        out.write_text(page, "utf-8")
    else:
        try:
            html_to_pdf(page, out)
        except PrintUnavailable as exc:
            print(_no_printer(exc), file=sys.stderr)
            return 2
    print(say("print_done", out=out))
    return 0


def _safe(value: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in value)[:40]


def cmd_print(args) -> int:
    """Write the guide or worksheet of one lesson (or of every lesson with --all), or a class's report."""
    from kit.notebook import by_id
    from kit.printing import fonts
    from kit.printing.pdf import PrintUnavailable, html_to_pdfs

    if args.kind == "report":
        return cmd_report(args)
    if not args.out:
        print(say("print_no_out"), file=sys.stderr)
        return 2
    lessons, datasets = find_folders(args.dir)
    if not args.lesson and not args.all:
        print("授業の id（例: defamation-basics）か --all を指定してください / name a lesson id or use --all", file=sys.stderr)
        return 2
    names = sorted(by_id(lessons)) if args.all else [args.lesson]
    from kit.workspace.targets import TargetError, writable

    try:
        out = writable(args.out)
    except TargetError as exc:
        print(exc, file=sys.stderr)
        return 2
    embed = not args.no_embed_font
    if embed and args.to == "pdf" and len(names) > 1:
        # one cut of the font for every page (the texts, without fonts, are quick to make)
        texts = []
        for name in names:
            try:
                texts.append(render(args.kind, lessons, datasets, name, args.lang, embed_font=False)[1])
            except ContentError:
                continue  # reported below
        fonts.prepare(html.unescape("".join(texts)))
    failed = 0
    pages: list[tuple[str, Path]] = []
    for name in names:
        try:
            lesson_id, page = render(args.kind, lessons, datasets, name, args.lang, embed)
        except ContentError as exc:
            print("\n".join(p.sentence() for p in exc.problems), file=sys.stderr)
            failed += 1
            continue
        target = out / f"{lesson_id}-{args.kind}.{args.to}" if (args.all or out.is_dir() or not out.suffix) else out
        target.parent.mkdir(parents=True, exist_ok=True)
        if args.to == "html":
            target.write_text(page, "utf-8")
            print(say("print_done", out=target))
        else:
            pages.append((page, target))
    if pages:
        try:
            for target in html_to_pdfs(pages):
                print(say("print_done", out=target))
        except PrintUnavailable as exc:
            print(_no_printer(exc), file=sys.stderr)
            return 2
    return 1 if failed else 0


def _no_printer(exc) -> str:
    """Why there is no PDF and what to install; the browser's own error below it when it failed to start."""
    return say("print_no_browser") + (f"\n({exc})" if str(exc) else "")


def add_parser(sub) -> None:
    """Register ``netkit print``."""
    p = sub.add_parser("print", help="指導の手引き・ワークシート・クラスのレポートを印刷用に書き出す / teacher guide, worksheet or class report to print")
    p.add_argument("kind", choices=("guide", "worksheet", "report"),
                   help="guide（指導の手引き）| worksheet（ワークシート）| report（クラスのふりかえり、--class）")
    p.add_argument("lesson", nargs="?", help="授業の id（例: defamation-basics）/ lesson id")
    p.add_argument("--all", action="store_true", help="すべての授業 / every lesson (--out is then a folder)")
    p.add_argument("--to", choices=("html", "pdf"), default="pdf", help="形式 / format (default pdf)")
    p.add_argument("--out", help="書き出し先のファイルかフォルダ（report では省略可）/ output file or folder (optional for report)")
    p.add_argument("--class", dest="class_code", help="report: クラス（例: 2-3）/ the class of the report")
    p.add_argument("--lesson", dest="lesson_option", help="report: 授業の id（省略: クラスがいちばん最近した授業）/ lesson (default: the class's latest)")
    p.add_argument("--data-dir", help="report: 結果の保存先 / results folder (default: as netkit serve)")
    p.add_argument("--lang", choices=("ja", "en"), default="ja", help="言語 / language")
    p.add_argument("--dir", help="授業のフォルダ / folder with lessons/ and datasets/")
    p.add_argument("--no-embed-font", action="store_true",
                   help="フォントを埋めこまない（速いが、見た目は開くPCのフォントしだい）/ do not embed the Japanese font (faster; looks depend on the PC)")
    p.set_defaults(func=cmd_print)
