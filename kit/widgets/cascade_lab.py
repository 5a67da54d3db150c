"""CascadeLab: the 高校生 class experiment — Vosoughi et al.'s trend, then Juul and Ugander's question.

Students set how likely a false and a true story are to be shared; the kernel runs many seeded
cascades of each (``kit.models.cascades``) and draws three things: the raw comparison (mean size,
mean depth, share of large cascades), the comparison within size bands, and a scatter of size
against depth. A lab on the shell of ``kit.widgets.lab``: the two rates are the model's
``CascadeParams``; ``run()`` does what the button does.
"""

from __future__ import annotations

import math

import traitlets

from kit.content.text import Text
from kit.models.cascades import CascadeParams
from kit.text.ui import label
from kit.widgets._pacing import PACER
from kit.widgets.lab import Lab, lab_asset


def warm() -> None:
    """Run two tiny cascades on a small generated network (``kit.warmup`` calls this in a preheated
    kernel): the spread model's first-call costs are paid before the student presses the button."""
    from kit.models.cascades import experiment
    from kit.models.networks import load_network

    experiment(load_network("small-world:200"), 0.15, 0.1, runs=2)


def scatter_view(series: list[tuple[str, str, list[tuple[int, int]]]], x_label: str, y_label: str) -> dict:
    """The scatter of (size, depth) per cascade as data: size on a log scale (ticks 1, 10, 100, …),
    depth from 0 to its top; one series per story, by key ("false", "true")."""
    sizes = [s for _, _, pts in series for s, _ in pts] or [1]
    depths = [d for _, _, pts in series for _, d in pts] or [1]
    top_x = math.log10(max(max(sizes), 10))
    top_y = max(max(depths), 1)
    ticks, tick = [], 1
    while tick <= 10 ** top_x:
        ticks.append(tick)
        tick *= 10
    return {"x_label": x_label, "y_label": y_label, "top_x": top_x, "top_y": top_y, "x_ticks": ticks,
            "y_ticks": [0, top_y // 2, top_y],
            "series": [{"key": key, "name": name, "points": [[s, d] for s, d in pts if s >= 1]} for key, name, pts in series]}


class CascadeLab(Lab):
    """Two share rates, a run button, and the experiment's tables and scatter (sent as data, drawn by
    ``widgets/cascade_lab.js``)."""

    params_class = CascadeParams
    BUTTONS = (("run", "ce_run", "nk-ce-run nk-lab-primary"),)

    _esm = traitlets.Unicode(lab_asset("cascade_lab.js")).tag(sync=True)
    _css = traitlets.Unicode(lab_asset("cascade_lab.css")).tag(sync=True)

    result = traitlets.Dict(help="The experiment's outcome: two tables, a scatter and their words (result_view).").tag(sync=True)
    pending = traitlets.Bool(False, help="True while the cascades run.").tag(sync=True)

    def __init__(self, network, params: CascadeParams | None = None, *, lang: str = "ja", runs: int | None = None, **kwargs):
        self.network = network
        self._runs = runs
        self.experiment = None
        super().__init__(params, lang=lang, title=Text(label("ce_title", "ja"), label("ce_title", "en")),
                         lead=Text(label("ce_lead", "ja"), label("ce_lead", "en")), **kwargs)

    def run(self, false_rate: float | None = None, true_rate: float | None = None):
        """Run the experiment at the rates set (or these, checked like the sliders), as the button does.

        A rate the model does not allow leaves everything as it was, with ``error`` saying why.
        """
        from kit.models.cascades import RUNS, experiment

        given = {k: v for k, v in (("false_rate", false_rate), ("true_rate", true_rate)) if v is not None}
        if given and not self.set(**given):
            return None
        self.pending = True
        try:
            p = self.params
            self.experiment = experiment(self.network, p.false_rate, p.true_rate, runs=self._runs or RUNS)
            self.result = result_view(self.experiment, self._lang)
        finally:
            self.pending = False
        return self.experiment

    def _on_browser_message(self, widget, content, buffers) -> None:
        if isinstance(content, dict) and content.get("action") == "run" and ("false_rate" in content or "true_rate" in content):
            rates = content.get("false_rate"), content.get("true_rate")  # rates sent with the press: the latest run
            PACER.request((id(self), "run"), lambda: self.run(*rates))
            return
        super()._on_browser_message(widget, content, buffers)


def result_view(e, lang: str) -> dict:
    """What the browser draws after a run: the raw comparison, the comparison within size bands (a
    band with too few cascades marked ``few``), the scatter, and the words around them."""
    L = lambda key, **v: label(key, lang, **v)  # noqa: E731
    f, t = e.false_stats, e.true_stats
    false_name, true_name = L("ce_false", rate=round(e.false_rate * 100)), L("ce_true", rate=round(e.true_rate * 100))
    raw = {"title": L("ce_raw_title"), "caption": L("ce_raw_caption", runs=f.runs),
           "columns": [L(k) for k in ("ce_col_story", "ce_col_size", "ce_col_depth", "ce_col_large", "ce_col_largest")],
           "rows": [{"cells": [name, f"{s.mean_size:.1f}", f"{s.mean_depth:.1f}", f"{s.large * 100:.0f}%", str(s.largest)]}
                    for name, s in ((false_name, f), (true_name, t))]}

    def cell(depth, n):
        return f"{depth:.1f}（{n}）" if depth is not None else f"—（{n}）"

    matched = {"title": L("ce_matched_title"), "caption": L("ce_matched_caption"), "few": L("ce_few"),
               "columns": [L("ce_col_band"), L("ce_false_short"), L("ce_true_short")],
               "rows": [{"cells": [L("ce_band", low=b.low, high=b.high - 1), cell(b.false_depth, b.false_count),
                                   cell(b.true_depth, b.true_count)], "few": not b.comparable}
                        for b in e.bands if b.false_count or b.true_count]}
    scatter = scatter_view([("false", L("ce_false_short"), [(c.size, c.depth) for c in e.false_runs]),
                            ("true", L("ce_true_short"), [(c.size, c.depth) for c in e.true_runs])], L("ce_x"), L("ce_y"))
    return {"tables": [raw, matched], "scatter": scatter, "note": L("ce_note")}
