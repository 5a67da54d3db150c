"""ClassSpread: after the timeline, how a rumour would spread if people chose as the student (or class) did.

The share rate of untrue posts on the timeline — this sitting's, or every sitting of the class
read from the results store — is run through the spread model (``kit.models.class_spread``) next
to the same network where everyone reached shares. The kernel draws the outcome (a sentence and
an SVG line chart of believers per round); the browser half only shows it and sends the button
presses. ``show_mine()`` and ``show_class()`` do what the buttons do.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

import anywidget
import traitlets

from kit.content.timeline import Timeline
from kit.models.sharing import Tally, class_tally
from kit.text.ui import label, labels
from kit.widgets._assets import asset
from kit.widgets._pacing import PACER

log = logging.getLogger(__name__)

ClassAnswers = Callable[[], list]  # every stored answer of this lesson and class


def warm() -> None:
    """Import the spread model (numpy, scipy) before the student presses a button."""
    import kit.models.class_spread  # noqa: F401


def line_chart_svg(series: list[tuple[str, str, tuple[float, ...]]], top: int, x_label: str, y_label: str) -> str:
    """An SVG line chart: ``series`` of (name, colour, values per round), y from 0 to ``top``."""
    width, height, left, bottom, pad = 560, 260, 56, 40, 12
    rounds = max((len(v) for _, _, v in series), default=1) - 1 or 1
    top = max(top, 1)

    def x(i):
        return left + (width - left - pad) * i / rounds

    def y(v):
        return pad + (height - bottom - pad) * (1 - v / top)

    parts = [f'<svg class="nk-cs-chart" viewBox="0 0 {width} {height}" role="img" aria-label="{html.escape(y_label)}">',
             f'<line x1="{left}" y1="{y(0)}" x2="{width - pad}" y2="{y(0)}" stroke="#5f6b75"/>',
             f'<line x1="{left}" y1="{pad}" x2="{left}" y2="{y(0)}" stroke="#5f6b75"/>']
    for v in (0, top // 2, top):
        parts.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" font-size="12" fill="#3d4f5c">{v}</text>')
    step = max(1, rounds // 6)
    for i in range(0, rounds + 1, step):
        parts.append(f'<text x="{x(i):.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="12" fill="#3d4f5c">{i}</text>')
    parts.append(f'<text x="{(left + width) / 2:.1f}" y="{height - 6}" text-anchor="middle" font-size="13" fill="#1a1a1a">{html.escape(x_label)}</text>')
    parts.append(f'<text x="14" y="{(height - bottom) / 2:.1f}" text-anchor="middle" font-size="13" fill="#1a1a1a" '
                 f'transform="rotate(-90 14 {(height - bottom) / 2:.1f})">{html.escape(y_label)}</text>')
    for index, (name, colour, values) in enumerate(series):
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        dash = ' stroke-dasharray="8 5"' if index == 0 else ""
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="3"{dash}>'
                     f"<title>{html.escape(name)}</title></polyline>")
    parts.append("</svg>")
    return "".join(parts)


class ClassSpread(anywidget.AnyWidget):
    """Two buttons (my choices / the class's choices) and the model's outcome for that share rate."""

    _esm = traitlets.Unicode(asset("class_spread.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("class_spread.css")).tag(sync=True)
    RUBY_LABELS = ("cs_mine", "cs_class")  # shown on buttons: with readings when the lesson has furigana

    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    result_html = traitlets.Unicode("", help="The outcome as HTML drawn in the kernel (escaped text and an SVG chart).").tag(sync=True)
    pending = traitlets.Bool(False, help="True while the model runs.").tag(sync=True)
    class_known = traitlets.Bool(False, help="Whether the link named a class, so the class button is offered.").tag(sync=True)

    def __init__(self, timeline: Timeline, network, *, mine: Callable[[], Tally] | None = None,
                 class_answers: ClassAnswers | None = None, class_code: str = "", lang: str = "ja",
                 furigana: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.timeline, self.network = timeline, network
        self._mine, self._class_answers = mine, class_answers
        self._lang, self._furigana = lang, furigana
        self.shown: tuple | None = None  # (whose, share rate, everyone scenario, ours scenario)
        self.set_class(class_code)
        self.on_msg(self._on_browser_message)

    def set_class(self, class_code: str) -> None:
        """Offer the class button for ``class_code`` (known from the link, or once the browser says it)."""
        self.class_known = bool(class_code) and self._class_answers is not None
        self.labels = {**labels(self._lang, ruby=self.RUBY_LABELS if self._furigana else ()),
                       "cs_class_named": label("cs_class_named", self._lang, klass=class_code) if class_code else ""}

    def show_mine(self) -> float | None:
        """Run the model with this sitting's share rate, as the first button does; the rate or None."""
        tally = self._mine() if self._mine is not None else None
        return self._show("mine", tally)

    def show_class(self) -> float | None:
        """Run the model with the class's share rate from the store, as the second button does."""
        if self._class_answers is None:
            return None
        try:
            tally = class_tally(self._class_answers(), self.timeline)
        except Exception:  # a store that cannot be read must not stop the lesson
            log.exception("could not read the class's timeline choices")
            tally = None
        return self._show("class", tally)

    def _show(self, whose: str, tally: Tally | None) -> float | None:
        from kit.models.class_spread import compare

        rate = tally.untrue.rate if tally is not None else None
        if rate is None:
            self.result_html = f'<p class="nk-cs-empty">{html.escape(label("cs_no_choices", self._lang))}</p>'
            self.pending = False
            return None
        self.pending = True
        everyone, ours = compare(self.network, rate)
        self.shown = (whose, rate, everyone, ours)
        self.result_html = self._render(whose, tally, everyone, ours)
        self.pending = False
        return rate

    def _render(self, whose, tally: Tally, everyone, ours) -> str:
        lang = self._lang
        esc = html.escape
        rate = tally.untrue.rate
        who = label("cs_whose_mine" if whose == "mine" else "cs_whose_class", lang, students=tally.students)
        ours_name = label("cs_series_ours", lang, rate=round(rate * 100))
        everyone_name = label("cs_series_everyone", lang)
        chart = line_chart_svg([(everyone_name, "#b3261e", everyone.believers), (ours_name, "#1f5f99", ours.believers)],
                               ours.people, label("cs_x", lang), label("cs_y", lang))
        lines = [
            f'<p class="nk-cs-rate">{esc(who)} {esc(label("cs_rate", lang, shared=tally.untrue.shared, total=tally.untrue.total, rate=round(rate * 100)))}</p>',
            f'<p class="nk-cs-outcome">{esc(label("cs_outcome", lang, people=ours.people, everyone=round(everyone.reached), ours=round(ours.reached)))}</p>',
            chart,
            '<ul class="nk-cs-legend">'
            f'<li><span class="nk-cs-key nk-cs-key-everyone"></span>{esc(everyone_name)}</li>'
            f'<li><span class="nk-cs-key nk-cs-key-ours"></span>{esc(ours_name)}</li></ul>',
            f'<p class="nk-cs-note">{esc(label("cs_note", lang))}</p>',
        ]
        return "".join(lines)

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        if content.get("action") == "mine":  # the latest request runs (kit.widgets._pacing)
            PACER.request((id(self), "show"), self.show_mine)
        elif content.get("action") == "class":
            PACER.request((id(self), "show"), self.show_class)
