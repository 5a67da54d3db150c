"""A piece of user-visible text in both languages, Japanese first."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("ja", "en")


@dataclass(frozen=True)
class Text:
    """Japanese and English versions of one text; ``get`` falls back to Japanese."""

    ja: str
    en: str = ""

    def get(self, lang: str) -> str:
        """The text in ``lang`` ("ja" or "en"); Japanese when no English is written."""
        return self.en if lang == "en" and self.en else self.ja

    @classmethod
    def from_row(cls, values: dict, stem: str) -> Text:
        """Build from ``{stem}_ja`` and ``{stem}_en`` columns of a row."""
        return cls(str(values.get(f"{stem}_ja") or "").strip(), str(values.get(f"{stem}_en") or "").strip())
