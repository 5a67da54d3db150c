"""Problems found in a teacher's content file, each told as one sentence a teacher can act on.

A ``ContentProblem`` names the file, the place (spreadsheet row or item id), the field, what is
wrong and how to fix it. ``ContentError`` carries one or more of them, so a loader reports every
problem in a file at once instead of stopping at the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ContentProblem:
    """One problem in one place of one content file."""

    file: str
    place: str  # "3行目" / "row 3", an item id, or "" for the whole file
    field: str
    why: str  # what is wrong and what to do, in Japanese (the teacher's language)
    why_en: str = ""
    line: int | None = None  # YAML: the line the field is written on

    @property
    def where(self) -> str:
        """The place with the line, as a teacher looks for it: 「3番目の項目（id: a）、14行目」."""
        if not self.line or self.place.endswith("行目"):
            return self.place
        return f"{self.place}、{self.line}行目" if self.place else f"{self.line}行目"

    def sentence(self) -> str:
        """The problem as one Japanese sentence: file, place, field, what to do."""
        # 「itemx」は知らない項目です names the field already: it is not named twice.
        field = "" if self.why.startswith(f"「{self.field}」") else _field_label(self.field)
        where = "、".join(part for part in (self.where, field) if part)
        return f"{self.file}: {where}: {self.why}" if where else f"{self.file}: {self.why}"

    def sentence_en(self) -> str:
        """The same problem in English, for logs and English-speaking staff."""
        field = "" if self.why_en.startswith(f"'{self.field}'") else self.field and f"field '{self.field}'"
        place = self.place if not self.line or self.place.endswith("行目") else ", ".join(
            p for p in (self.place, f"line {self.line}") if p)
        where = ", ".join(part for part in (place, field) if part)
        why = self.why_en or self.why
        return f"{self.file}: {where}: {why}" if where else f"{self.file}: {why}"


def _field_label(field: str) -> str:
    return f"列・項目「{field}」" if field else ""


class ContentError(ValueError):
    """A content file cannot be used; ``problems`` lists every reason found."""

    def __init__(self, problems: list[ContentProblem] | ContentProblem):
        if isinstance(problems, ContentProblem):
            problems = [problems]
        self.problems: list[ContentProblem] = list(problems)
        super().__init__("\n".join(p.sentence() for p in self.problems))

    @classmethod
    def single(cls, file: str | Path, why: str, why_en: str = "", place: str = "",
               field: str = "", line: int | None = None) -> ContentError:
        """An error with one problem (a shortcut for loaders)."""
        return cls(ContentProblem(display_name(file), place, field, why, why_en, line))


def display_name(path: str | Path) -> str:
    """How a file is named in messages: relative to a ``datasets`` folder when inside one."""
    p = Path(path)
    parts = p.parts
    if "datasets" in parts:
        i = len(parts) - 1 - parts[::-1].index("datasets")
        return "/".join(parts[i:])
    return p.name if p.is_absolute() else str(p)
