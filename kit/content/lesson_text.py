"""A lesson's explanation, in sections with both languages (``datasets/texts/*.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.content.errors import ContentError, ContentProblem
from kit.content.tables import read_table
from kit.content.text import Text
from kit.content.validate import checked_rows


@dataclass(frozen=True)
class Section:
    """One section: a heading, a Markdown body, and the ids of facts shown under it.

    A ``placeholder`` section is one the teacher has still to write (``netkit new lesson`` makes
    one): students see a neutral "your teacher will explain" card, never its body, which holds
    notes for the teacher.
    """

    id: str
    heading: Text
    body: Text
    facts: tuple[str, ...] = ()
    placeholder: bool = False


@dataclass(frozen=True)
class LessonText:
    """The title and sections of one lesson's explanation."""

    file: str
    title: Text
    sections: tuple[Section, ...]

    def section(self, section_id: str) -> Section:
        """The section with ``section_id``; ``ContentError`` naming the file if there is none."""
        for s in self.sections:
            if s.id == section_id:
                return s
        raise ContentError.single(
            self.file, f"id「{section_id}」の節がありません。sections に加えるか、ノートブックの id を直してください。",
            f"no section with id '{section_id}'; add it or fix the id in the notebook.", field="sections")


def load_lesson_text(path: str | Path) -> LessonText:
    """Read a lesson text file; raise ``ContentError`` listing every problem."""
    table = read_table(path, items_key="sections")
    rows, problems = checked_rows("section", table)
    title = Text(str(table.meta.get("title_ja") or ""), str(table.meta.get("title_en") or ""))
    if not title.ja:
        problems.append(ContentProblem(table.file, "", "title_ja", "title_ja（授業の題名）を書いてください。",
                                       "write title_ja (the lesson's title)."))
    if problems:
        raise ContentError(problems)
    sections = tuple(
        Section(v["id"], Text.from_row(v, "heading"), Text.from_row(v, "body"), tuple(v.get("facts") or ()),
                placeholder=v.get("placeholder") is True)
        for v in (row.values for row in rows)
    )
    return LessonText(table.file, title, sections)


def fact_problems(text: LessonText, facts: dict) -> list[ContentProblem]:
    """A problem for every fact id a section shows that ``facts`` does not have."""
    return [ContentProblem(text.file, s.id, "facts", f"事実「{fid}」が datasets/facts にありません。",
                           f"fact '{fid}' is not in datasets/facts.")
            for s in text.sections for fid in s.facts if fid not in facts]
