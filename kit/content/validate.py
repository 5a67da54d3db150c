"""Turn a read table into checked rows: schema version, header names and every row's fields."""

from __future__ import annotations

import re

from kit.content import schema
from kit.content.errors import ContentProblem
from kit.content.tables import Row, Table


def checked_rows(name: str, table: Table) -> tuple[list[Row], list[ContentProblem]]:
    """Rows of ``table`` with unknown columns left out, and every problem found in them.

    Spreadsheet header problems (a misspelt or missing column) are reported once for the file
    rather than once per row.
    """
    problems = schema.check_version(name, table.file, table.schema_version)
    is_spreadsheet = bool(table.rows) and table.rows[0].place.endswith("行目")
    missing_columns: set[str] = set()
    unknown: set[str] = set()
    if is_spreadsheet:
        header = schema.header_problems(name, table.file, table.columns)
        unknown = {p.field for p in header}
        problems += header
        required = schema.load_schema(name).get("required", [])
        for col in required:
            if col not in table.columns:
                missing_columns.add(col)
                problems.append(ContentProblem(
                    table.file, "2行目", col, f"列「{col}」がありません。2行目に列名「{col}」を加えてください。",
                    f"the column '{col}' is missing; add it to the header row."))
        for col, later in _numbering_gaps(name, table.columns):
            missing_columns.add(col)
            problems.append(ContentProblem(
                table.file, "2行目", col, f"列「{col}」がないので、2行目の「{later}」より前に列名「{col}」の列を加えてください。",
                f"the column '{col}' is missing, so add a column named '{col}' before '{later}' in the header row."))
    rows = []
    for row in table.rows:
        values = {k: schema.coerce(name, k, v) for k, v in row.values.items() if k not in unknown}
        if is_spreadsheet:
            values = {k: v for k, v in values.items() if k in table.columns or k.startswith("__")}
        clean = Row(values, row.place, row.number, row.lines)
        row_problems = [p for p in schema.check_row(name, table.file, clean)
                        if p.field not in missing_columns]
        problems += row_problems
        rows.append(clean)
    return rows, problems


def _numbering_gaps(name: str, columns: list[str]) -> list[tuple[str, str]]:
    """Numbered columns missing below a later one (``choice2_ja`` when ``choice3_ja`` is there), each with that later one."""
    present = set(columns)
    gaps = []
    for stem in schema.load_schema(name).get("x-numbered", {}):
        for lang in ("ja", "en"):
            numbers = [int(m.group(1)) for c in columns if (m := re.fullmatch(rf"{stem}(\d+)_{lang}", c))]
            top = max(numbers, default=0)
            gaps += [(f"{stem}{i}_{lang}", f"{stem}{top}_{lang}") for i in range(1, top) if f"{stem}{i}_{lang}" not in present]
    return gaps
