"""ModelLab: sliders built from a Params dataclass's metadata, and what the model says, redrawn.

A subclass names its Params class and turns a Params object into what the page shows
(``present``): a headline, bar charts and notes, all as data the browser half draws. ``set()``
and ``reset()`` do what the sliders and the reset button do; a value out of range leaves the
model as it was and shows a message naming the range.
"""

from __future__ import annotations

from dataclasses import asdict

import anywidget
import traitlets

from kit.content.text import Text
from kit.models.parameters import ParamError, checked, specs
from kit.text.numbers import amount, percent
from kit.text.ui import labels
from kit.widgets._assets import asset
from kit.widgets._render import text_html

_EMPTY = Text("")


class ModelLab(anywidget.AnyWidget):
    """Sliders for a model's assumptions beside its results."""

    _esm = traitlets.Unicode(asset("model_lab.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("model_lab.css")).tag(sync=True)
    RUBY_LABELS = ('lab_reset',)  # shown on buttons: with readings when the lesson has furigana

    heading = traitlets.Dict(help="Title and lead paragraph, as HTML.").tag(sync=True)
    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    sliders = traitlets.List(help="One slider per parameter: name, label, range, step, unit, source.").tag(sync=True)
    values = traitlets.Dict(help="The current value of every parameter.").tag(sync=True)
    output = traitlets.Dict(help="What the model says: headline, charts (rows of bars), table, notes.").tag(sync=True)
    prompts = traitlets.List(help="Questions for discussion, as HTML.").tag(sync=True)
    error = traitlets.Unicode("", help="Why the last change was refused, or empty.").tag(sync=True)

    params_class: type = object

    def __init__(self, *, lang: str = "ja", furigana: bool = False, start: dict | None = None,
                 title: Text = _EMPTY, lead: Text = _EMPTY, prompts: tuple[Text, ...] = (), **kwargs):
        super().__init__(**kwargs)
        self._lang, self._furigana = lang, furigana
        self.labels = labels(lang, ruby=self.RUBY_LABELS if furigana else ())
        self._start = checked(self.params_class, start or {})
        self.params = self._start
        self.heading = {"title_html": self._html(title), "lead_html": self._html(lead) if lead.ja else ""}
        self.sliders = [self._slider(s) for s in specs(self.params_class)]
        self.prompts = [self._html(p) for p in prompts]
        self._show()
        self.on_msg(self._on_browser_message)

    # --- what the controls do ------------------------------------------------------------

    def set(self, name: str, value) -> bool:
        """Change one assumption, as its slider does; False (and a message) if it is refused."""
        try:
            self.params = checked(self.params_class, asdict(self.params), **{name: value})
        except ParamError as exc:
            self.error = exc.ja if self._lang == "ja" else exc.en
            return False
        self.error = ""
        self._show()
        return True

    def reset(self) -> None:
        """Go back to the starting assumptions."""
        self.params, self.error = self._start, ""
        self._show()

    def present(self, params) -> dict:
        """What the page shows for ``params``: {headline_html, charts, table, notes_html}."""
        raise NotImplementedError

    # --- helpers for subclasses ----------------------------------------------------------

    def _html(self, text: Text) -> str:
        return text_html(text, self._lang, self._furigana)

    def _text(self, ja: str, en: str) -> str:
        return self._html(Text(ja, en))

    def _yen(self, value: float) -> str:
        return amount(value, self._lang, "円", "yen")

    def _count(self, value: float, unit_ja: str, unit_en: str) -> str:
        return amount(value, self._lang, unit_ja, unit_en)

    # --- state ---------------------------------------------------------------------------

    def _slider(self, s) -> dict:
        return {
            "name": s.name, "min": s.min, "max": s.max, "step": s.step, "percent": s.percent,
            "label_html": self._html(s.label), "unit": s.unit.get(self._lang),
            "source_html": self._html(s.source) if s.source else "", "assumption": s.assumption,
        }

    def _show(self) -> None:
        values = asdict(self.params)
        shown = {}
        for s in specs(self.params_class):
            v = values[s.name]
            shown[s.name] = percent(v) if s.percent else amount(v, self._lang, s.unit.ja, s.unit.en)
        with self.hold_sync():
            self.values = {"raw": values, "shown": shown}
            self.output = self.present(self.params)

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        if content.get("action") == "set":
            self.set(str(content.get("name", "")), content.get("value"))
        elif content.get("action") == "reset":
            self.reset()
