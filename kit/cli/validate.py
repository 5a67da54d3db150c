"""``netkit validate [DIR] [--lang en]``: check every content file and lesson, listing every problem."""

from __future__ import annotations

import sys

from kit.cli.common import find_folders


def cmd_validate(args) -> int:
    """Check every content file and lesson; exit 1 listing every problem."""
    from kit.content.check import check_tree, format_report

    lessons, datasets = find_folders(args.dir)
    if not datasets.is_dir():
        print(f"datasets フォルダが見つかりません: {datasets} / no datasets folder there", file=sys.stderr)
        return 2
    report = check_tree(datasets, lessons)
    print(format_report(report, args.lang))
    return 0 if report.ok else 1


def add_parser(sub) -> None:
    """Register ``netkit validate``."""
    validate = sub.add_parser("validate", help="内容ファイルと授業を確かめる / check content files and lessons")
    validate.add_argument("dir", nargs="?", help="調べるフォルダ / folder to check")
    validate.add_argument("--lang", choices=("ja", "en"), default="ja", help="メッセージの言語 / message language")
    validate.set_defaults(func=cmd_validate)
