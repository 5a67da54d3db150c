"""Quiz banks to a spreadsheet and back without loss (``netkit content export`` / ``import``).

Export writes every bank as a sheet (XLSX) or a CSV file in the layout the loaders read: row 1
``schema_version, 1``, row 2 the column names, then one question per row, cells exactly as the
teacher wrote them (both languages, feedback, explanation, any ruby such as ``｜漢字《かんじ》``).
An XLSX export ends with a ``files`` sheet naming the bank file of each sheet, so import puts every
sheet back where it came from, in that file's own format (CSV, XLSX or YAML). Import checks every
sheet first and writes nothing if one has a problem; problems name the sheet and the row number
Excel shows.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from kit.content.errors import ContentError, ContentProblem, display_name
from kit.content.forms import form_problems
from kit.content.quiz import MAX_CHOICES, quiz_from_table
from kit.content.schema import SCHEMA_VERSION
from kit.content.tables import Table, read_table, table_from_grid

FILES_SHEET = "files"
LEAD = ["id", "group", "type", "audience", "text_ja", "text_en"]
TAIL = ["answer", "explanation_ja", "explanation_en", "source"]
_NUMBERED = re.compile(r"(choice|feedback)(\d)_(ja|en)$")


@dataclass(frozen=True)
class Sheet:
    """One bank as spreadsheet cells: where it lives (``quizzes/x.csv``), its columns and rows."""

    file: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def grid(self) -> list[list[str]]:
        """Every cell, the first two rows included, as the loaders read it."""
        return [["schema_version", str(SCHEMA_VERSION)], list(self.columns), *map(list, self.rows)]


def columns_for(values: list[dict]) -> list[str]:
    """The bank's columns in the usual order, numbered columns up to the highest one used."""
    used = 0
    for v in values:
        for key, value in v.items():
            m = _NUMBERED.match(str(key))
            if m and str(value or "").strip():
                used = max(used, int(m.group(2)))
    used = max(used, 2)
    numbered = [f"{kind}{i}_{lang}" for i in range(1, min(used, MAX_CHOICES) + 1)
                for kind in ("choice", "feedback") for lang in ("ja", "en")]
    known = set(LEAD + numbered + TAIL)
    extra = sorted({k for v in values for k in v if k not in known and not str(k).startswith("__")})
    return LEAD + numbered + TAIL + extra


def sheet_of(path: Path, datasets: Path) -> Sheet:
    """The bank at ``path`` as a sheet; ``ContentError`` when it cannot be read as a table."""
    table = read_table(path, items_key="items")
    values = [row.values for row in table.rows]
    columns = columns_for(values)
    rows = tuple(tuple(_cell(v.get(c)) for c in columns) for v in values)
    return Sheet(path.resolve().relative_to(datasets.resolve()).as_posix(), tuple(columns), rows)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ";".join(map(str, value))
    return str(value).strip()


def bank_files(datasets: Path) -> list[Path]:
    """The quiz bank files under ``datasets/quizzes``."""
    from kit.content.check import content_files

    return content_files(Path(datasets) / "quizzes")


def export_sheets(datasets: Path, banks: list[Path] | None = None) -> list[Sheet]:
    """Every bank (or the ones named) as sheets; ``ContentError`` listing unreadable files."""
    sheets, problems = [], []
    for path in banks if banks is not None else bank_files(datasets):
        try:
            sheets.append(sheet_of(Path(path), datasets))
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    return sheets


def sheet_names(sheets: list[Sheet]) -> list[str]:
    """A distinct Excel sheet name (at most 31 characters) for each sheet."""
    names: list[str] = []
    for sheet in sheets:
        base = re.sub(r"[\[\]:*?/\\]", "_", Path(sheet.file).stem)[:28] or "bank"
        name, n = base, 2
        while name in names or name == FILES_SHEET:
            name, n = f"{base[:26]}~{n}", n + 1
        names.append(name)
    return names


def write_xlsx(sheets: list[Sheet], out: Path) -> None:
    """One workbook: a sheet per bank, then the ``files`` sheet that maps sheets to bank files."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook()
    book.remove(book.active)
    names = sheet_names(sheets)
    for name, sheet in zip(names, sheets, strict=True):
        ws = book.create_sheet(name)
        for r, row in enumerate(sheet.grid(), start=1):
            for c, value in enumerate(row, start=1):
                if value != "":
                    cell = ws.cell(r, c, value)
                    cell.data_type = "s"  # text stays text: "=..." is no formula, "1;3" no date
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for cell in ws[2]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "B3"
        for c, column in enumerate(sheet.columns, start=1):
            ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = 40 if column.endswith(("_ja", "_en")) else 12
    index = book.create_sheet(FILES_SHEET)
    index.append(["sheet", "file"])
    for name, sheet in zip(names, sheets, strict=True):
        index.append([name, sheet.file])
    index.column_dimensions["B"].width = 50
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)


def csv_bytes(sheet: Sheet) -> bytes:
    """A sheet as CSV the way Excel's 「CSV UTF-8」 writes it (BOM, CRLF)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(sheet.grid())
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(sheets: list[Sheet], out: Path) -> list[Path]:
    """Each sheet as ``out/<bank file name>.csv`` (or ``out`` itself for one sheet named ``*.csv``)."""
    if out.suffix.lower() == ".csv":
        if len(sheets) != 1:
            raise ContentError.single(out, "CSV 1つには問題集1つしか入りません。--out にフォルダを指定するか、--bank で1つ選んでください。",
                                      "one CSV holds one bank; give a folder as --out or pick one bank with --bank.")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(csv_bytes(sheets[0]))
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet in sheets:
        target = out / (Path(sheet.file).stem + ".csv")
        target.write_bytes(csv_bytes(sheet))
        written.append(target)
    return written


def read_workbook(path: Path) -> list[tuple[str, Table]]:
    """(bank file, table) for every sheet of an exported workbook, in sheet order."""
    import openpyxl

    name = display_name(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook gets the same advice
        raise ContentError.single(name, "Excel ファイルとして開けません。Excel で開いて .xlsx で保存し直してください。",
                                  f"cannot open as an Excel workbook ({exc}); save it again as .xlsx.") from None
    try:
        grids = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    finally:
        book.close()
    mapping = {}
    for row in grids.pop(FILES_SHEET, [])[1:]:
        if row and row[0] and len(row) > 1 and row[1]:
            mapping[str(row[0]).strip()] = str(row[1]).strip()
    tables = []
    for title, grid in grids.items():
        target = mapping.get(title, f"quizzes/{title}.csv")
        tables.append((target, table_from_grid(f"{name}［{title}］", grid)))
    return tables


def import_tables(source: Path, target: str | None = None) -> list[tuple[str, Table]]:
    """(bank file, table) pairs from an exported XLSX or a single CSV (``target``: its bank file)."""
    source = Path(source)
    if source.suffix.lower() == ".xlsx" and target is None:
        return read_workbook(source)
    table = read_table(source, items_key="items")
    return [(target or f"quizzes/{source.stem}.csv", table)]


def check_import(tables: list[tuple[str, Table]]) -> list[ContentProblem]:
    """Every problem of every sheet, found before anything is written."""
    problems = []
    for file, table in tables:
        if not re.fullmatch(r"quizzes/[^/]+\.(csv|xlsx|ya?ml)", file):
            problems.append(ContentProblem(table.file, "", "file", f"「{file}」は問題集の置き場所になりません（quizzes/名前.csv などにしてください）。",
                                           f"'{file}' is not a place for a quiz bank (use quizzes/name.csv and the like)."))
        bank, found = quiz_from_table(table)
        problems += found or form_problems(bank)  # the bank as a whole, as load_quiz checks it
    return problems


def write_bank(sheet: Sheet, path: Path) -> None:
    """Write a bank in the format its file name says (CSV, XLSX or YAML)."""
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        ws = book.active
        ws.title = path.stem[:31]
        for row in sheet.grid():
            ws.append(row)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    cell.data_type = "s"
        book.save(path)
    elif suffix in (".yaml", ".yml"):
        path.write_text(yaml_text(sheet), "utf-8")
    else:
        path.write_bytes(csv_bytes(sheet))


def yaml_text(sheet: Sheet) -> str:
    """A bank as YAML: ``schema_version: 1`` and one mapping per question, empty cells left out."""
    from kit.content.tables import dump_yaml

    items = [{c: v for c, v in zip(sheet.columns, row, strict=True) if v != ""} for row in sheet.rows]
    body = dump_yaml({"items": items})
    return f"schema_version: {SCHEMA_VERSION}\n" + body


def sheet_from_table(file: str, table: Table) -> Sheet:
    """The imported table as the sheet to write, in the usual column order."""
    values = [{k: v for k, v in row.values.items() if not k.startswith("__")} for row in table.rows]
    columns = columns_for(values)
    return Sheet(file, tuple(columns), tuple(tuple(_cell(v.get(c)) for c in columns) for v in values))
