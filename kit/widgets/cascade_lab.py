"""CascadeLab: the 高校生 class experiment — Vosoughi et al.'s trend, then Juul and Ugander's question.

Students set how likely a false and a true story are to be shared; the kernel runs many seeded
cascades of each (``kit.models.cascades``) and draws three things: the raw comparison (mean size,
mean depth, share of large cascades), the comparison within size bands, and a scatter of size
against depth. A lab on the shell of ``kit.widgets.lab``: the two rates are the model's
``CascadeParams``; ``run()`` does what the button does.
"""

from __future__ import annotations

import html
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


def scatter_svg(points: list[tuple[str, str, list[tuple[int, int]]]], x_label: str, y_label: str) -> str:
    """An SVG scatter of (size, depth) per cascade; size on a log scale, one colour per story."""
    width, height, left, bottom, pad = 560, 280, 52, 42, 12
    sizes = [s for _, _, pts in points for s, _ in pts] or [1]
    depths = [d for _, _, pts in points for _, d in pts] or [1]
    top_x = math.log10(max(max(sizes), 10))
    top_y = max(max(depths), 1)

    def x(size):
        return left + (width - left - pad) * math.log10(max(size, 1)) / top_x

    def y(depth):
        return pad + (height - bottom - pad) * (1 - depth / top_y)

    parts = [f'<svg class="nk-ce-chart" viewBox="0 0 {width} {height}" role="img" aria-label="{html.escape(y_label)} / {html.escape(x_label)}">',
             f'<line x1="{left}" y1="{y(0):.1f}" x2="{width - pad}" y2="{y(0):.1f}" stroke="#5f6b75"/>',
             f'<line x1="{left}" y1="{pad}" x2="{left}" y2="{y(0):.1f}" stroke="#5f6b75"/>']
    tick = 1
    while tick <= 10 ** top_x:
        parts.append(f'<text x="{x(tick):.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="12" fill="#3d4f5c">{tick}</text>')
        tick *= 10
    for d in (0, top_y // 2, top_y):
        parts.append(f'<text x="{left - 6}" y="{y(d) + 4:.1f}" text-anchor="end" font-size="12" fill="#3d4f5c">{d}</text>')
    parts.append(f'<text x="{(left + width) / 2:.1f}" y="{height - 6}" text-anchor="middle" font-size="13" fill="#1a1a1a">{html.escape(x_label)}</text>')
    parts.append(f'<text x="14" y="{(height - bottom) / 2:.1f}" text-anchor="middle" font-size="13" fill="#1a1a1a" '
                 f'transform="rotate(-90 14 {(height - bottom) / 2:.1f})">{html.escape(y_label)}</text>')
    for name, colour, pts in points:
        parts.append(f'<g fill="{colour}" fill-opacity="0.55"><title>{html.escape(name)}</title>')
        parts += [f'<circle cx="{x(s):.1f}" cy="{y(d):.1f}" r="3.5"/>' for s, d in pts if s >= 1]
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


class CascadeLab(Lab):
    """Two share rates, a run button, and the experiment's tables and scatter drawn in the kernel."""

    params_class = CascadeParams
    BUTTONS = (("run", "ce_run", "nk-ce-run nk-lab-primary"),)

    _esm = traitlets.Unicode(lab_asset("cascade_lab.js")).tag(sync=True)
    _css = traitlets.Unicode(lab_asset("cascade_lab.css")).tag(sync=True)

    result_html = traitlets.Unicode("", help="The experiment's outcome as HTML drawn in the kernel.").tag(sync=True)
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
            self.result_html = self._render(self.experiment)
        finally:
            self.pending = False
        return self.experiment

    def _render(self, e) -> str:
        lang, esc = self._lang, html.escape
        L = lambda key, **v: esc(label(key, lang, **v))  # noqa: E731
        f, t = e.false_stats, e.true_stats
        rows = "".join(
            f"<tr><th scope=\"row\">{name}</th><td>{s.mean_size:.1f}</td><td>{s.mean_depth:.1f}</td>"
            f"<td>{s.large * 100:.0f}%</td><td>{s.largest}</td></tr>"
            for name, s in ((L("ce_false", rate=round(e.false_rate * 100)), f), (L("ce_true", rate=round(e.true_rate * 100)), t)))
        raw = (f'<h3>{L("ce_raw_title")}</h3><table class="nk-ce-table"><thead><tr><th scope="col">{L("ce_col_story")}</th>'
               f'<th scope="col">{L("ce_col_size")}</th><th scope="col">{L("ce_col_depth")}</th>'
               f'<th scope="col">{L("ce_col_large")}</th><th scope="col">{L("ce_col_largest")}</th></tr></thead><tbody>{rows}</tbody></table>'
               f'<p class="nk-ce-caption">{L("ce_raw_caption", runs=f.runs)}</p>')
        band_rows = []
        for b in e.bands:
            if not (b.false_count or b.true_count):
                continue
            cell = lambda d, n: f"{d:.1f}（{n}）" if d is not None else f"—（{n}）"  # noqa: E731
            mark = "" if b.comparable else f' class="nk-ce-few" title="{L("ce_few")}"'
            band_rows.append(f"<tr{mark}><th scope=\"row\">{L('ce_band', low=b.low, high=b.high - 1)}</th>"
                             f"<td>{cell(b.false_depth, b.false_count)}</td><td>{cell(b.true_depth, b.true_count)}</td></tr>")
        matched = (f'<h3>{L("ce_matched_title")}</h3><table class="nk-ce-table"><thead><tr><th scope="col">{L("ce_col_band")}</th>'
                   f'<th scope="col">{L("ce_false_short")}</th><th scope="col">{L("ce_true_short")}</th></tr></thead>'
                   f'<tbody>{"".join(band_rows)}</tbody></table><p class="nk-ce-caption">{L("ce_matched_caption")}</p>')
        chart = scatter_svg([(label("ce_false_short", lang), "#b3261e", [(c.size, c.depth) for c in e.false_runs]),
                             (label("ce_true_short", lang), "#1f5f99", [(c.size, c.depth) for c in e.true_runs])],
                            label("ce_x", lang), label("ce_y", lang))
        legend = (f'<ul class="nk-ce-legend"><li><span class="nk-ce-dot nk-ce-dot-false"></span>{L("ce_false_short")}</li>'
                  f'<li><span class="nk-ce-dot nk-ce-dot-true"></span>{L("ce_true_short")}</li></ul>')
        return raw + matched + chart + legend + f'<p class="nk-ce-note">{L("ce_note")}</p>'

    def _on_browser_message(self, widget, content, buffers) -> None:
        if isinstance(content, dict) and content.get("action") == "run" and ("false_rate" in content or "true_rate" in content):
            rates = content.get("false_rate"), content.get("true_rate")  # rates sent with the press: the latest run
            PACER.request((id(self), "run"), lambda: self.run(*rates))
            return
        super()._on_browser_message(widget, content, buffers)
