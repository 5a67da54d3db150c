"""FlamingLab: sliders for the 炎上 cascade model and the same pile-on with and without reporting and muting.

A lab on the shell of ``kit.widgets.lab``: its sliders come from ``FlamingParams``' spec (the
main ones first, the rest under a disclosure), so the model is the single source of its ranges
and defaults. ``run()`` does what the button does, so tests need no browser. The charts are SVG
drawn in the kernel (``flaming_chart``); the numbers shown are the model's own, labelled as such;
no real-world figure is stated here. The browser half is ``widgets/flaming_lab.js``.
"""

from __future__ import annotations

import math

import traitlets

from kit.content.text import Text
from kit.models.flaming import FlamingParams, FlamingResult, compare
from kit.text.ui import label
from kit.widgets.flaming_chart import COLOURS, lorenz_chart, posts_chart
from kit.widgets.lab import Lab, lab_asset

MAIN = ("join", "tail", "report_rate", "mute_share", "action_after")  # shown first; the rest under "more"


def warm() -> None:
    """Run a tiny model once (``kit.warmup`` calls this in a preheated kernel): numpy is loaded and
    its first-call costs are paid before the student arrives."""
    compare(FlamingParams(users=500, first_reach=10, rounds=5), 0)


def _both(key: str, **values) -> Text:
    return Text(label(key, "ja", **values), label(key, "en", **values))


class FlamingLab(Lab):
    """Sliders, a "try it" button, and two charts side by side: without and with the measures."""

    params_class = FlamingParams
    BUTTONS = (("run", "fl_run", "nk-fl-run nk-lab-primary"),)
    RUBY_LABELS = ("fl_run", "fl_more")

    _esm = traitlets.Unicode(lab_asset("flaming_lab.js")).tag(sync=True)
    _css = traitlets.Unicode(lab_asset("flaming_lab.css")).tag(sync=True)

    runs = traitlets.Int(0, help="How many times the model has been run in this lab.").tag(sync=True)
    charts_html = traitlets.Unicode("", help="Both runs' charts and facts, and who wrote the posts, as HTML.").tag(sync=True)
    summary_html = traitlets.Unicode("", help="What the measures changed, and that the numbers are a model's.").tag(sync=True)

    def __init__(self, params: FlamingParams | None = None, *, lang: str = "ja", furigana: bool = False,
                 seed: int = 0, **kwargs):
        self.seed = seed
        self.result: tuple[FlamingResult, FlamingResult] | None = None
        names = sorted((s.name for s in FlamingParams.specs()), key=lambda n: MAIN.index(n) if n in MAIN else len(MAIN))
        super().__init__(params, lang=lang, furigana=furigana, names=tuple(names),
                         title=_both("fl_title"), lead=_both("fl_lead"), **kwargs)
        self.run()

    def group_list(self):
        return [("main", "", "plain"), ("more", label("fl_more", self._lang), "details")]

    def group_of(self, s):
        return "main" if s.name in MAIN else "more"

    def run(self) -> tuple[FlamingResult, FlamingResult]:
        """Run the model without and with the measures and show both, as the button does."""
        without, with_measures = compare(self.params, self.seed)
        self.result = (without, with_measures)
        with self.hold_sync():
            self.runs += 1
            self._show(without, with_measures)
        return self.result

    def with_changes(self, **values) -> FlamingParams:
        """The current parameters with some changed (for a teacher's sweep in a notebook)."""
        return self.params.with_changes(**values)

    def _show(self, without: FlamingResult, with_measures: FlamingResult) -> None:
        lang = self._lang
        top = max([r.posts for r in without.rounds + with_measures.rounds] + [1])
        top = int(math.ceil(top / 10) * 10) if top > 10 else top
        panels = []
        for key, result in (("without", without), ("with", with_measures)):
            name = label(f"fl_{key}", lang)
            chart = posts_chart(result, top, name, label("fl_axis_round", lang), label("fl_axis_posts", lang), COLOURS[key])
            panels.append(f'<figure class="nk-fl-figure">{chart}<figcaption>{self._facts(result, key)}</figcaption></figure>')
        lorenz = lorenz_chart([(label("fl_without", lang), COLOURS["without"], without),
                               (label("fl_with", lang), COLOURS["with"], with_measures)],
                              label("fl_lorenz", lang), label("fl_lorenz_x", lang), label("fl_lorenz_y", lang))
        self.charts_html = "".join(panels) + f'<figure class="nk-fl-figure">{lorenz}</figure>'
        cut = _percent_drop(without.total_posts, with_measures.total_posts)
        cut_saw = _percent_drop(without.saw, with_measures.saw)
        self.summary_html = (f'<p class="nk-fl-change">{self._html(_both("fl_change", pct=cut, saw_pct=cut_saw))}</p>'
                             f'<p class="nk-fl-note">{self._html(_both("fl_model_note"))}</p>')

    def _facts(self, result: FlamingResult, key: str) -> str:
        top_n = max(1, math.ceil(result.posters * 0.1)) if result.posters else 0
        lines = [_both("fl_totals", posts=result.total_posts, saw=result.saw),
                 _both("fl_top", posters=result.posters, top=top_n, share=round(result.top_share(0.1) * 100)),
                 _both("fl_posters", pct=_pct(result.posters_share_of_viewers))]
        if key == "with":
            lines.append(_both("fl_restricted", n=result.rounds[-1].restricted))
        return "".join(f'<p class="nk-fl-fact">{self._html(line)}</p>' for line in lines)


def _pct(value: float) -> str:
    return f"{value * 100:.1f}".rstrip("0").rstrip(".")


def _percent_drop(before: int, after: int) -> int:
    return round(100 * (before - after) / before) if before else 0
