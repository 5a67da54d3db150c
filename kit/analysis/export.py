"""Tables as files a teacher opens in Excel: CSV in UTF-8 with a BOM and CRLF, or an XLSX workbook.

Japanese Excel reads a CSV without a BOM as Shift-JIS, so the BOM is always written. Any text
cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) gets a leading
single quote, so a nickname such as ``=HYPERLINK(...)`` shows as text instead of running as a
formula (CSV injection); numbers are left alone, so a negative gain stays a number. Shares
(0 to 1) are written as people read them: 0.8333 as 83% in a CSV (Excel reads it back as a
percentage), as a number formatted 0% in a workbook.
"""

from __future__ import annotations

import datetime as _dt
import io
import math
import re
from collections.abc import Mapping

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def neutralise(value):
    """``value`` with a leading single quote if it is text Excel would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell and column name neutralised."""
    safe = frame.copy()
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    for i in range(safe.shape[1]):  # by position: two columns may share a heading
        if pd.api.types.is_object_dtype(safe.iloc[:, i]) or pd.api.types.is_string_dtype(safe.iloc[:, i]):
            safe.isetitem(i, safe.iloc[:, i].map(neutralise))
    return safe


def to_csv_bytes(frame: pd.DataFrame, percent: set[str] | frozenset[str] = frozenset()) -> bytes:
    """The table as CSV for Excel: UTF-8 with a BOM, CRLF line ends, formulas neutralised.

    Columns headed by a name in ``percent`` hold shares (0 to 1), written as whole percentages ("83%").
    """
    safe = safe_frame(frame)
    for i, heading in enumerate(safe.columns):
        if heading in percent:  # after neutralising: "-25%" is a number to Excel, not a formula
            safe.isetitem(i, pd.to_numeric(safe.iloc[:, i], errors="coerce").map(percentage))
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def percentage(share) -> str:
    """A share (0 to 1) as a whole percentage for people: 0.8333 → "83%", never "-0%"; empty when unknown."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return ""
    return f"{round(float(share) * 100)}%"  # an int: -0.3 rounds to 0, never "-0"


def to_xlsx_bytes(sheets: Mapping[str, pd.DataFrame], percent: set[str] | frozenset[str] = frozenset()) -> bytes:
    """One worksheet per table, header row frozen, names cut to Excel's 31 characters.

    Columns headed by a name in ``percent`` hold shares (0 to 1) shown as percentages; dates and
    times are real Excel dates.
    """
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        sheet = book.create_sheet(sheet_name(name, book.sheetnames))
        sheet.append([_cell(c, ILLEGAL_CHARACTERS_RE) for c in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            sheet.append([_cell(v, ILLEGAL_CHARACTERS_RE) for v in row])
        sheet.freeze_panes = "A2"
        for index, heading in enumerate(frame.columns, start=1):
            column = sheet.iter_cols(min_col=index, max_col=index, min_row=2)
            fmt = "0%" if heading in percent else "yyyy-mm-dd hh:mm:ss" if pd.api.types.is_datetime64_any_dtype(frame[heading]) else ""
            for cell in (c for col in column for c in col) if fmt else ():
                cell.number_format = fmt
            width = max([len(str(heading)) * 2] + [len(str(v)) for v in frame[heading].head(200)]) if len(frame) else 10
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, max(8, width + 2))
    if not book.sheetnames:
        book.create_sheet("Sheet1")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_name(name: str, taken: list[str]) -> str:
    """A valid, unused worksheet name: no ``[]:*?/\\``, at most 31 characters, numbered if taken."""
    base = _SHEET_FORBIDDEN.sub("_", str(name)).strip("'") or "Sheet"
    candidate, number = base[:SHEET_NAME_MAX], 1
    while candidate.lower() in (t.lower() for t in taken):
        number += 1
        suffix = f" ({number})"
        candidate = base[:SHEET_NAME_MAX - len(suffix)] + suffix
    return candidate


def _cell(value, illegal: re.Pattern):
    """One value as openpyxl takes it: None for missing, plain numbers, anything else as clean text."""
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars to Python numbers and booleans
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp) and value.tzinfo is None:
        return value.to_pydatetime()
    if isinstance(value, (int, float)) or (isinstance(value, _dt.date) and getattr(value, "tzinfo", None) is None):
        return value
    return neutralise(illegal.sub("", str(value)))  # Excel has no time zones; text keeps them
