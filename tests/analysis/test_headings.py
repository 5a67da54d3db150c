"""Headings: every column the analyses produce has a Japanese and an English heading."""

from __future__ import annotations

from kit.analysis import frame, items, participation, prepost, sdt, students
from kit.analysis.headings import headings, with_headings


def test_every_column_has_a_heading_in_both_languages():
    columns = {*frame.COLUMNS, *items.COLUMNS, *students.COLUMNS, *prepost.COLUMNS, *sdt.COLUMNS, *sdt.CHANGE_COLUMNS,
               *participation.participation_table(frame.answers_frame([])).columns}
    assert columns <= headings("ja").keys() and columns <= headings("en").keys()


def test_rename_for_people():
    renamed = with_headings(prepost.prepost_table(frame.answers_frame([])), "ja")
    assert list(renamed.columns)[:3] == ["クラス", "授業", "事前の平均"]
