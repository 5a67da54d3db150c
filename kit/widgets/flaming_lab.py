"""FlamingLab: sliders for the 炎上 cascade model and the same pile-on with and without reporting and muting.

The sliders come from ``FlamingParams`` field metadata (range, step, label), so the model is the
single source of its defaults. ``run()`` does what the button does, so tests need no browser. The
numbers shown are the model's own, labelled as such; no real-world figure is stated here.
"""

from __future__ import annotations

import html
import math
from dataclasses import replace

import ipywidgets as ipw
import traitlets

from kit.content.text import Text
from kit.models.flaming import FlamingParams, FlamingResult, compare
from kit.models.parameters import ParamError, checked, specs
from kit.text.ui import RUBY, label, ruby_map
from kit.widgets._pacing import PACER
from kit.widgets._render import text_html
from kit.widgets.flaming_chart import COLOURS, lorenz_chart, posts_chart
from kit.widgets.slider_panel import SliderPanel

MAIN = ("join", "tail", "report_rate", "mute_share", "action_after")  # shown first; the rest under "more"


def warm() -> None:
    """Run a tiny model once (``kit.warmup`` calls this in a preheated kernel): numpy is loaded and
    its first-call costs are paid before the student arrives."""
    compare(FlamingParams(users=500, first_reach=10, rounds=5), 0)


class FlamingLab(ipw.VBox):
    """Sliders, a "try it" button, and two charts side by side: without and with the measures."""

    runs = traitlets.Int(0, help="How many times the model has been run in this lab.")

    def __init__(self, params: FlamingParams | None = None, *, lang: str = "ja", furigana: bool = False,
                 seed: int = 0, **kwargs):
        super().__init__(**kwargs)
        self.add_class("nk-flaming-lab")
        self._lang, self._furigana, self.seed = lang, furigana, seed
        start = params or FlamingParams()
        controls = []
        for s in specs(FlamingParams):
            controls.append({"name": s.name, "label": s.label.get(lang), "label_html": self._html(s.label), "min": s.min,
                             "max": s.max, "step": s.step, "integer": s.kind == "int", "more": s.name not in MAIN})
        controls.sort(key=lambda c: MAIN.index(c["name"]) if c["name"] in MAIN else len(MAIN))  # MAIN first
        texts = {"more": label("fl_more", lang), "run": label("fl_run", lang)}
        if furigana and lang == "ja":
            texts[RUBY] = ruby_map(texts.values())
        self.panel = SliderPanel(controls, start.values(), texts)
        self.panel.on_press(lambda: PACER.request((id(self), "run"), self.run))  # the latest press runs (_pacing)
        self.message = ipw.HTML()
        self.charts = ipw.HTML()
        self.summary = ipw.HTML()
        self.result: tuple[FlamingResult, FlamingResult] | None = None
        self.children = [
            ipw.HTML(f'<h3 style="margin:0.2rem 0">{self._html(label("fl_title", lang))}</h3>'
                     f'<p style="margin:0.2rem 0 0.6rem">{self._html(label("fl_lead", lang))}</p>'),
            self.panel, self.message, self.charts, self.summary,
        ]
        self.run()

    def _html(self, text: Text | str) -> str:
        return text_html(text if isinstance(text, Text) else Text(text, text), self._lang, self._furigana)

    def params(self) -> FlamingParams:
        """The parameters the sliders show now (raises ``ParamError`` for a value out of range)."""
        return checked(FlamingParams, self.panel.values)

    def set(self, **values) -> None:
        """Move sliders in code, as a student would (then ``run()``)."""
        self.panel.set(**values)

    def run(self) -> tuple[FlamingResult, FlamingResult] | None:
        """Run the model without and with the measures and show both, as the button does."""
        try:
            params = self.params()
        except ParamError as exc:
            self.message.value = f'<p role="alert" style="color:#b3261e;font-weight:700">{html.escape(exc.ja if self._lang == "ja" else exc.en)}</p>'
            return None
        self.message.value = ""
        without, with_measures = compare(params, self.seed)
        self.result = (without, with_measures)
        self.runs += 1
        self._show(without, with_measures)
        return self.result

    def _show(self, without: FlamingResult, with_measures: FlamingResult) -> None:
        lang = self._lang
        top = max([r.posts for r in without.rounds + with_measures.rounds] + [1])
        top = int(math.ceil(top / 10) * 10) if top > 10 else top
        panels = []
        for key, result in (("without", without), ("with", with_measures)):
            name = label(f"fl_{key}", lang)
            chart = posts_chart(result, top, name, label("fl_axis_round", lang), label("fl_axis_posts", lang), COLOURS[key])
            panels.append(f'<figure style="margin:0;flex:1 1 20rem">{chart}<figcaption>{self._facts(result, key)}</figcaption></figure>')
        lorenz = lorenz_chart([(label("fl_without", lang), COLOURS["without"], without),
                               (label("fl_with", lang), COLOURS["with"], with_measures)],
                              label("fl_lorenz", lang), label("fl_lorenz_x", lang), label("fl_lorenz_y", lang))
        self.charts.value = (
            '<div class="nk-flaming-charts" style="display:flex;flex-wrap:wrap;gap:1rem;max-width:56rem;color:#1a1a1a">'
            + "".join(panels) + f'<figure style="margin:0;flex:1 1 20rem">{lorenz}</figure></div>')
        cut = _percent_drop(without.total_posts, with_measures.total_posts)
        cut_saw = _percent_drop(without.saw, with_measures.saw)
        self.summary.value = (
            f'<div role="status" style="max-width:56rem;font-size:1.1rem"><p style="font-weight:700">'
            f'{self._html(label("fl_change", lang, pct=cut, saw_pct=cut_saw))}</p>'
            f'<p style="color:#3d4f5c">{self._html(label("fl_model_note", lang))}</p></div>')

    def _facts(self, result: FlamingResult, key: str) -> str:
        lang = self._lang
        top_n = max(1, math.ceil(result.posters * 0.1)) if result.posters else 0
        lines = [label("fl_totals", lang, posts=result.total_posts, saw=result.saw),
                 label("fl_top", lang, posters=result.posters, top=top_n, share=round(result.top_share(0.1) * 100)),
                 label("fl_posters", lang, pct=_pct(result.posters_share_of_viewers))]
        if key == "with":
            lines.append(label("fl_restricted", lang, n=result.rounds[-1].restricted))
        return "".join(f'<p style="margin:0.2rem 0">{self._html(line)}</p>' for line in lines)

    def with_changes(self, **values) -> FlamingParams:
        """The current parameters with some changed (for a teacher's sweep in a notebook)."""
        return replace(self.params(), **values)


def _pct(value: float) -> str:
    return f"{value * 100:.1f}".rstrip("0").rstrip(".")


def _percent_drop(before: int, after: int) -> int:
    return round(100 * (before - after) / before) if before else 0
