"""ModelLab: sliders built from a Params dataclass's metadata, and what the model says, redrawn.

A lab on the shell of ``kit.widgets.lab`` (controls from the model's spec, each with the source
of its default or marked as an assumption). A subclass names its Params class and turns a Params
object into what the page shows (``present``): a headline, bar charts and notes, all as data the
browser half draws. ``set()`` and ``reset()`` do what the sliders and the reset button do; a value
out of range leaves the model as it was and shows a message naming the range.
"""

from __future__ import annotations

import traitlets

from kit.content.text import Text
from kit.models.parameters import checked
from kit.text.numbers import amount
from kit.text.ui import label
from kit.widgets.lab import Lab, lab_asset

_EMPTY = Text("")


class ModelLab(Lab):
    """Sliders for a model's assumptions beside its results."""

    _esm = traitlets.Unicode(lab_asset("model_lab.js")).tag(sync=True)
    _css = traitlets.Unicode(lab_asset("model_lab.css")).tag(sync=True)
    BUTTONS = (("reset", "lab_reset", "nk-lab-reset"),)
    RUBY_LABELS = ("lab_reset",)  # shown on buttons: with readings when the lesson has furigana
    SOURCES = True

    output = traitlets.Dict(help="What the model says: headline, charts (rows of bars), table, notes.").tag(sync=True)
    prompts = traitlets.List(help="Questions for discussion, as HTML.").tag(sync=True)

    def __init__(self, *, lang: str = "ja", furigana: bool = False, start: dict | None = None,
                 title: Text = _EMPTY, lead: Text = _EMPTY, prompts: tuple[Text, ...] = (), **kwargs):
        super().__init__(checked(self.params_class, start or {}), lang=lang, furigana=furigana, title=title,
                         lead=lead if lead.ja else None, **kwargs)
        self.prompts = [self._html(p) for p in prompts]
        self.changed()

    def group_list(self):
        return [("assumptions", label("lab_assumptions", self._lang), "fieldset")]

    def group_of(self, s):
        return "assumptions"

    def changed(self) -> None:
        self.output = self.present(self.params)

    def present(self, params) -> dict:
        """What the page shows for ``params``: {headline_html, charts, table, notes_html}."""
        raise NotImplementedError

    # --- helpers for subclasses ----------------------------------------------------------

    def _yen(self, value: float) -> str:
        return amount(value, self._lang, "円", "yen")

    def _count(self, value: float, unit_ja: str, unit_en: str) -> str:
        return amount(value, self._lang, unit_ja, unit_en)
