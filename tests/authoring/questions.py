"""A teacher's own questions as an Excel workbook, the way ``netkit new lesson --from`` reads them.

A helper shared by the authoring tests and the browser test that serves a lesson made from it.
"""

from __future__ import annotations

import openpyxl

from tests.conftest import REPO, read_rows


def questions_xlsx(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def teacher_questions(tmp_path, groups=True):
    rows = read_rows(REPO / "datasets/quizzes/defamation_basics.csv")[:8]
    for row in rows[2:]:
        row[0] = "mine-" + row[0]
        if not groups:
            row[1] = ""
    return questions_xlsx(tmp_path / "questions.xlsx", rows)
