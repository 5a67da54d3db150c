"""``netkit print guide|worksheet LESSON|--all --to html|pdf --out PATH``."""

from __future__ import annotations

import html
import sys
from pathlib import Path

from kit.cli.common import find_folders
from kit.content.errors import ContentError
from kit.text.cli_text import say


def render(kind: str, lessons: Path, datasets: Path, lesson: str, lang: str, embed_font: bool = True) -> tuple[str, str]:
    """(lesson id, HTML) of the guide or worksheet of ``lesson``."""
    from kit.printing.lesson_info import lesson_info
    from kit.printing.pages import guide_html, worksheet_html

    info = lesson_info(lessons, datasets, lesson)
    return info.id, (guide_html if kind == "guide" else worksheet_html)(info, lang, embed_font)


def cmd_print(args) -> int:
    """Write the guide or worksheet of one lesson (or of every lesson with --all)."""
    from kit.notebook import by_id
    from kit.printing import fonts
    from kit.printing.pdf import PrintUnavailable, html_to_pdfs

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
            print(say("print_no_browser") + f"\n({exc})", file=sys.stderr)
            return 2
    return 1 if failed else 0


def add_parser(sub) -> None:
    """Register ``netkit print``."""
    p = sub.add_parser("print", help="指導の手引き・ワークシートを印刷用に書き出す / teacher guide or worksheet to print")
    p.add_argument("kind", choices=("guide", "worksheet"), help="guide（指導の手引き）| worksheet（ワークシート）")
    p.add_argument("lesson", nargs="?", help="授業の id（例: defamation-basics）/ lesson id")
    p.add_argument("--all", action="store_true", help="すべての授業 / every lesson (--out is then a folder)")
    p.add_argument("--to", choices=("html", "pdf"), default="pdf", help="形式 / format (default pdf)")
    p.add_argument("--out", required=True, help="書き出し先のファイルかフォルダ / output file or folder")
    p.add_argument("--lang", choices=("ja", "en"), default="ja", help="言語 / language")
    p.add_argument("--dir", help="授業のフォルダ / folder with lessons/ and datasets/")
    p.add_argument("--no-embed-font", action="store_true",
                   help="フォントを埋めこまない（速いが、見た目は開くPCのフォントしだい）/ do not embed the Japanese font (faster; looks depend on the PC)")
    p.set_defaults(func=cmd_print)
