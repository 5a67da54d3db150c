"""``netkit results list | export | purge``: the results store from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.cli.common import find_folders
from kit.text.cli_text import say, word


def _store(args):
    from kit.store import data_dir, is_url, location, open_store

    path = location(Path(args.data_dir) if args.data_dir else data_dir())  # NETKIT_STORE's PostgreSQL, else SQLite
    if not is_url(path) and not path.exists():
        print(f"結果はまだありません / no results yet: {path}", file=sys.stderr)
        return None
    return open_store(path)


def cmd_list(args) -> int:
    """Print every class and lesson with how many students and answers."""
    store = _store(args)
    if store is None:
        return 0
    from kit.serve.catalogue import scan, titles
    from kit.text.times import shown

    rows, merged = store.summary(), store.merged_classes()
    store.close()
    lessons, _datasets = find_folders(args.dir)
    names = titles(scan(lessons, include_teacher=True), "ja") if lessons.is_dir() else {}
    print(word("results_header", "ja"))
    for c, lesson, students, answers, _first, last in rows:
        title = f"{names[lesson]}（{lesson}）" if lesson in names else lesson
        print(f"{c or '-'}\t{title}\t{students}\t{answers}\t{shown(last)}")
    for klass, spellings in merged.items():
        print(say("results_merged", spellings="」「".join(spellings), klass=klass))
    return 0


def cmd_export(args) -> int:
    """Write the answers (and item and student tables, and a class experiment's) of a class and lesson to CSV or XLSX."""
    from kit.analysis.export import to_csv_bytes, to_xlsx_bytes
    from kit.serve.matched import experiment_sheets
    from kit.serve.report import export_tables, percent_headings, sheet_titles, table_counts

    store = _store(args)
    if store is None:
        return 1
    answers = store.answers(lesson=args.lesson, class_code=args.class_code)
    assignments = store.assignments(lesson=args.lesson, class_code=args.class_code)
    store.close()
    if not answers:
        what = ", ".join(f"{k} {v}" for k, v in (("--class", args.class_code), ("--lesson", args.lesson)) if v) or "-"
        print(say("results_none_for", what=what), file=sys.stderr)
        return 1
    lessons, datasets = find_folders(args.dir)
    tables = export_tables(answers, datasets, args.lang)
    tables.update(experiment_sheets(answers, assignments, lessons, args.lang))  # a class experiment's two tables
    if args.table not in tables:
        print(say("results_no_experiment", table=args.table), file=sys.stderr)
        return 1
    fmt = args.format or (Path(args.output).suffix.lstrip(".") if args.output else "csv")
    titles = sheet_titles(args.lang)
    percent = percent_headings(args.lang)
    body = (to_xlsx_bytes({titles[k]: v for k, v in tables.items()}, percent) if fmt == "xlsx"
            else to_csv_bytes(tables[args.table], percent))
    if args.output:
        from kit.workspace.targets import TargetError, writable

        try:
            target = writable(args.output)
        except TargetError as exc:
            print(exc, file=sys.stderr)
            return 2
        target.write_bytes(body)
        counts = table_counts(tables, args.lang)
        if fmt == "xlsx":
            print(say("results_exported_workbook", sheets=len(tables), answers=counts["answers"], items=counts["items"],
                      students=counts["students"], out=target))
        else:  # the one table written, counted in what it lists
            key = "results_exported" if args.table == "answers" else f"results_exported_{args.table}"
            print(say(key, count=counts[args.table], out=target))
    else:
        sys.stdout.buffer.write(body)
    return 0


def cmd_purge(args) -> int:
    """Delete answers of a class and/or before a date, after asking (unless --yes)."""
    if not (args.class_code or args.before or args.all):
        print("--class、--before か --all を指定してください / give --class, --before or --all", file=sys.stderr)
        return 2
    store = _store(args)
    if store is None:
        return 0
    count = store.count(class_code=args.class_code, before=args.before)
    if count == 0:
        print("削除する答えはありません / nothing to delete")
        return 0
    if not args.yes:
        what = ", ".join(f"{k}={v}" for k, v in (("class", args.class_code), ("before", args.before)) if v) or "all"
        reply = input(f"{count} 件の答えを削除します（{what}）。よろしいですか / delete {count} answers? [y/N] ")
        if reply.strip().lower() not in ("y", "yes", "はい"):
            print("やめました / cancelled")
            return 1
    deleted = store.purge(class_code=args.class_code, before=args.before)
    store.close()
    print(f"{deleted} 件を削除しました / deleted {deleted} answers")
    return 0


def add_parser(sub) -> None:
    """Add ``results`` and its subcommands to the ``netkit`` parser."""
    results = sub.add_parser("results", help="結果を見る・書き出す・消す / list, export or delete results")
    rsub = results.add_subparsers(dest="results_command", required=True)

    def common(p):
        p.add_argument("--data-dir", help="結果の保存先 / results folder (default: as netkit serve)")

    lst = rsub.add_parser("list", help="クラスと授業の一覧 / classes and lessons")
    common(lst)
    lst.add_argument("--dir", help="授業のフォルダ（授業の題名のため）/ lesson folder, for lesson titles")
    lst.set_defaults(func=cmd_list)

    exp = rsub.add_parser("export", help="CSV か Excel に書き出す / export to CSV or Excel")
    common(exp)
    exp.add_argument("--class", dest="class_code", help="クラス / class code")
    exp.add_argument("--lesson", help="授業の id / lesson id")
    exp.add_argument("--format", choices=("csv", "xlsx"), help="形式 / format (default from -o, else csv)")
    exp.add_argument("--table", choices=("answers", "items", "students", "experiment", "experiment_summary"),
                     default="answers", help="CSV の表（experiment・experiment_summary: クラスの実験）/ table for CSV")
    exp.add_argument("-o", "--output", help="書き出すファイル / output file (default: standard output)")
    exp.add_argument("--dir", help="授業のフォルダ（問題文のため）/ lesson folder, for question texts")
    exp.add_argument("--lang", choices=("ja", "en"), default="ja")
    exp.set_defaults(func=cmd_export)

    pur = rsub.add_parser("purge", help="答えを消す / delete answers")
    common(pur)
    pur.add_argument("--class", dest="class_code", help="このクラスの答え / answers of this class")
    pur.add_argument("--before", help="この日より前の答え（例: 2026-04-01）/ answers before this date")
    pur.add_argument("--all", action="store_true", help="すべての答え / every answer")
    pur.add_argument("--yes", action="store_true", help="確認しない（スクリプト用）/ do not ask (for scripts)")
    pur.set_defaults(func=cmd_purge)
