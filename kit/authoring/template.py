"""The question template a teacher fills in to make a lesson (``netkit new lesson --template FILE.xlsx``).

Japanese columns only, one question of each type, and a second sheet explaining each column; the
questions come from ``template.yaml`` and pass the same checks as any quiz bank.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from kit.content.schema import SCHEMA_VERSION

QUESTIONS_SHEET = "問題"


@cache
def template() -> dict:
    """The template's columns, questions and column help, from ``template.yaml``."""
    import yaml

    return yaml.safe_load(resources.files("kit.authoring").joinpath("template.yaml").read_text("utf-8"))


def template_grid() -> list[list[str]]:
    """The questions sheet as cells: ``schema_version, 1``, the column names, one question per row."""
    t = template()
    return [["schema_version", str(SCHEMA_VERSION)], list(t["columns"]),
            *[[str(q.get(c, "")) for c in t["columns"]] for q in t["questions"]]]


def write_template(path: Path) -> None:
    """Write the template workbook to ``path`` (an .xlsx Excel opens)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    t = template()
    book = Workbook()
    sheet = book.active
    sheet.title = QUESTIONS_SHEET
    for row in template_grid():
        sheet.append(row)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B3"
    for column in sheet.columns:
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = min(40, max(8, *(len(str(c.value or "")) * 1.6 for c in column[1:])))
    help_sheet = book.create_sheet(t["help_title"])
    for row in t["help"]:
        help_sheet.append(row)
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in (("A", 16), ("B", 80), ("C", 24)):
        help_sheet.column_dimensions[letter].width = width
    for row in help_sheet.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)
