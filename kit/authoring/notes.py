"""The 「先生へ」 note at the top of a lesson notebook: visible in JupyterLab, never shown to students.

It is a markdown cell tagged ``teacher-note``; the ``netkit`` Voilà template leaves such cells out
of the lesson page (an HTML comment, as before, showed an empty cell in JupyterLab).
"""

from __future__ import annotations

TEACHER_NOTE_TAG = "teacher-note"
PREFIX = "**先生へ**（生徒には表示されません）: "


def teacher_note_cell(text: str):
    """A markdown cell with ``text`` for the teacher, tagged so that students never see it."""
    import nbformat

    cell = nbformat.v4.new_markdown_cell(PREFIX + text)
    cell.metadata["tags"] = [TEACHER_NOTE_TAG]
    return cell
