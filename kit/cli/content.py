"""``netkit content export | import``: quiz banks to Excel (or CSV) and back."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.cli.common import find_folders
from kit.content.errors import ContentError
from kit.text.cli_text import say


def _datasets(directory: str | None) -> Path | None:

    _lessons, datasets = find_folders(directory)
    if not datasets.is_dir():
        print(say("no_datasets", folder=datasets), file=sys.stderr)
        return None
    return datasets


def cmd_export(args) -> int:
    """Write every quiz bank (or those named with --bank) to one XLSX or to CSV files."""
    from kit.authoring.spreadsheet import bank_files, export_sheets, write_csv, write_xlsx

    datasets = _datasets(args.dir)
    if datasets is None:
        return 2
    banks = None
    if args.bank:
        banks = [datasets / (b if b.startswith("quizzes/") else f"quizzes/{b}") for b in args.bank]
        missing = [str(b) for b in banks if not b.is_file()]
        if missing:
            print(say("no_banks", what=", ".join(missing)), file=sys.stderr)
            return 2
    elif not bank_files(datasets):
        print(say("no_banks", what=datasets / "quizzes"), file=sys.stderr)
        return 2
    from kit.workspace.targets import TargetError, shown, writable

    try:
        out = writable(args.out)
    except TargetError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        sheets = export_sheets(datasets, banks)
        if args.to == "xlsx":
            write_xlsx(sheets, out if out.suffix.lower() == ".xlsx" else out / "quizzes.xlsx")
        else:
            write_csv(sheets, out)
    except ContentError as exc:
        print("\n".join(p.sentence() for p in exc.problems), file=sys.stderr)
        return 1
    print(say("export_done", count=len(sheets), out=out, file=shown(out), folder=shown(datasets.parent)))
    return 0


def cmd_import(args) -> int:
    """Check every sheet of FILE; if all are sound, write each back to its bank file."""
    from kit.authoring.spreadsheet import check_import, import_tables, sheet_from_table, sheet_of, write_bank
    from kit.workspace.targets import TargetError, teacher_folder

    try:
        lessons, datasets = teacher_folder(args.dir, need_lessons=False, example=(
            f"netkit content import {args.file} じゅぎょう", f"netkit content import {args.file} myclass"))
    except TargetError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        tables = import_tables(Path(args.file), args.as_file)
    except ContentError as exc:
        print("\n".join(p.sentence() for p in exc.problems))
        print(say("import_problems", count=len(exc.problems)))
        return 1
    problems = check_import(tables)
    if problems:
        for p in problems:
            print(p.sentence())
        print(say("import_problems", count=len(problems)))
        return 1
    changed = []
    for file, table in tables:
        sheet = sheet_from_table(file, table)
        path = datasets / file
        try:
            same = path.is_file() and sheet_of(path, datasets) == sheet
        except ContentError:
            same = False
        changed.append((sheet, path, same))
    problems = _folder_problems([(sheet, path) for sheet, path, same in changed if not same], datasets, lessons)
    if problems:
        for p in problems:
            print(p.sentence())
        print(say("import_problems", count=len(problems)))
        return 1
    written = unchanged = 0
    for sheet, path, same in changed:
        if same:
            unchanged += 1
            print(say("import_unchanged", file=path.resolve()))
            continue
        if args.dry_run:
            print(say("import_would_write", file=path.resolve()))
            continue
        write_bank(sheet, path)
        written += 1
        print(say("import_written", file=path.resolve()))
    print(say("import_done", written=written, unchanged=unchanged))
    return 0


def _folder_problems(banks, datasets: Path, lessons: Path) -> list:
    """What ``netkit validate`` would say about each bank once written: each is written to a temporary copy first."""
    import tempfile

    from kit.authoring.spreadsheet import write_bank
    from kit.content.check import file_problems, folder_facts

    if not banks:
        return []
    facts = folder_facts(datasets)
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "datasets"
        for sheet, path in banks:
            target = copy / path.relative_to(datasets)
            write_bank(sheet, target)
            # The lessons' calls name files under datasets: read them against the copy, where this bank is the new one.
            problems += file_problems("quiz", target, copy, lessons, facts)
    return problems


def add_parser(sub) -> None:
    """Register ``netkit content``."""
    content = sub.add_parser("content", help="問題集を Excel・CSV に書き出す／取り込む / quiz banks to and from Excel or CSV")
    csub = content.add_subparsers(dest="content_command", required=True)
    export = csub.add_parser("export", help="問題集を書き出す / export the quiz banks")
    export.add_argument("dir", nargs="?", help="授業のフォルダ / folder with datasets/")
    export.add_argument("--to", choices=("xlsx", "csv"), default="xlsx", help="形式 / format (default xlsx)")
    export.add_argument("--out", required=True, help="書き出し先（.xlsx、.csv、またはフォルダ）/ output file or folder")
    export.add_argument("--bank", action="append", default=[], metavar="FILE",
                        help="この問題集だけ（くり返し可、例: defamation_basics.csv）/ only this bank (repeatable)")
    export.set_defaults(func=cmd_export)
    imp = csub.add_parser("import", help="書き出して編集したファイルを取り込む / bring an edited export back in")
    imp.add_argument("file", help="取り込む .xlsx または .csv / the .xlsx or .csv to bring in")
    imp.add_argument("dir", nargs="?", help="授業のフォルダ / folder with datasets/")
    imp.add_argument("--as", dest="as_file", metavar="quizzes/NAME.csv",
                     help="CSV 1つを取り込むときの置き場所 / where a single CSV goes (default quizzes/<its name>.csv)")
    imp.add_argument("--dry-run", action="store_true", help="確かめるだけで書きこまない / check only, write nothing")
    imp.set_defaults(func=cmd_import)
