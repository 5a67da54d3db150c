"""FlamingLab: sliders for the 炎上 cascade model and the same pile-on with and without reporting and muting.

A lab on the shell of ``kit.widgets.lab``: its sliders come from ``FlamingParams``' spec (the
main ones first, the rest under a disclosure), so the model is the single source of its ranges
and defaults. ``run()`` does what the button does, so tests need no browser. The kernel sends the
charts as data (posts per round, the share-of-posts curve, the words around them); the browser half,
``widgets/flaming_lab.js``, draws them as SVG. The numbers shown are the model's own, labelled as
such; no real-world figure is stated here.
"""

from __future__ import annotations

import math

import traitlets

from kit.content.text import Text
from kit.models.flaming import FlamingParams, FlamingResult, compare
from kit.text.ui import label
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
    charts = traitlets.Dict(help="Both runs' posts per round and facts, and who wrote the posts (chart_view).").tag(sync=True)
    summary = traitlets.List(help="What the measures changed, and that the numbers are a model's (HTML with readings).").tag(sync=True)

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
        self.charts = chart_view(without, with_measures, self._lang,
                                 {"without": self._facts(without, "without"), "with": self._facts(with_measures, "with")})
        cut = _percent_drop(without.total_posts, with_measures.total_posts)
        cut_saw = _percent_drop(without.saw, with_measures.saw)
        self.summary = [self._html(_both("fl_change", pct=cut, saw_pct=cut_saw)), self._html(_both("fl_model_note"))]

    def _facts(self, result: FlamingResult, key: str) -> list[str]:
        top_n = max(1, math.ceil(result.posters * 0.1)) if result.posters else 0
        lines = [_both("fl_totals", posts=result.total_posts, saw=result.saw),
                 _both("fl_top", posters=result.posters, top=top_n, share=round(result.top_share(0.1) * 100)),
                 _both("fl_posters", pct=_pct(result.posters_share_of_viewers))]
        if key == "with":
            lines.append(_both("fl_restricted", n=result.rounds[-1].restricted))
        return [self._html(line) for line in lines]


def chart_view(without: FlamingResult, with_measures: FlamingResult, lang: str, facts: dict[str, list[str]]) -> dict:
    """What the browser draws: posts per round on one shared scale ``top`` (so two runs compare by
    eye), each run's facts, and the share of posts written by the most active share of posters."""
    runs = (("without", without), ("with", with_measures))
    top = max([r.posts for r in without.rounds + with_measures.rounds] + [1])
    top = int(math.ceil(top / 10) * 10) if top > 10 else top
    return {
        "top": top, "x_label": label("fl_axis_round", lang), "y_label": label("fl_axis_posts", lang),
        "panels": [{"key": key, "name": label(f"fl_{key}", lang), "posts": [r.posts for r in result.rounds],
                    "rounds": [r.number for r in result.rounds], "facts": facts[key]} for key, result in runs],
        "lorenz": {"title": label("fl_lorenz", lang), "x_label": label("fl_lorenz_x", lang),
                   "y_label": label("fl_lorenz_y", lang),
                   "lines": [{"key": key, "name": label(f"fl_{key}", lang),
                              "points": [[round(x, 4), round(y, 4)] for x, y in result.lorenz()],
                              "top_share": round(result.top_share(0.1) * 100)} for key, result in runs]},
    }


def _pct(value: float) -> str:
    return f"{value * 100:.1f}".rstrip("0").rstrip(".")


def _percent_drop(before: int, after: int) -> int:
    return round(100 * (before - after) / before) if before else 0
