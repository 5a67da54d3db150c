"""ClassSpread: after the timeline, how a rumour would spread if people chose as the student (or class) did.

The share rate of untrue posts on the timeline — this sitting's, or every sitting of the class
read from the results store — is run through the spread model (``kit.models.class_spread``) next
to the same network where everyone reached shares. The kernel sends the outcome as data (its
sentences and the believers per round); the browser half draws them, the line chart as SVG, and
sends the button presses. ``show_mine()`` and ``show_class()`` do what the buttons do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import traitlets

from kit.content.timeline import Timeline
from kit.models.sharing import Tally, class_tally
from kit.text.ui import label, labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._pacing import PACER

log = logging.getLogger(__name__)

ClassAnswers = Callable[[], list]  # every stored answer of this lesson and class


def warm() -> None:
    """Import the spread model (numpy, scipy) before the student presses a button."""
    import kit.models.class_spread  # noqa: F401


def chart_view(series: list[tuple[str, str, tuple[float, ...]]], top: int, x_label: str, y_label: str) -> dict:
    """A line chart as data: ``series`` of (name, kind, values per round), y from 0 to ``top``.

    ``kind`` ("everyone" or "ours") picks the line's look in ``widgets/class_spread.css``; the
    browser half draws the SVG.
    """
    return {"series": [{"name": name, "kind": kind, "values": [float(v) for v in values]} for name, kind, values in series],
            "top": max(int(top), 1), "x_label": x_label, "y_label": y_label}


def finished_posts(tally: Tally | None) -> int:
    """How many posts of the timeline a sitting has finished choosing (each finished post has one first choice)."""
    return sum(tally.first_choices) if tally is not None else 0


class ClassSpread(KitWidget):
    """Two buttons (my choices / the class's choices) and the model's outcome for that share rate."""

    _esm = traitlets.Unicode(asset("class_spread.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("class_spread.css")).tag(sync=True)
    RUBY_LABELS = ("cs_mine", "cs_class")  # shown on buttons: with readings when the lesson has furigana

    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    result = traitlets.Dict(help="The outcome: 'empty' (a sentence) or 'rate', 'outcome', 'chart' (chart_view), 'note'.").tag(sync=True)
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
        """Run the model with this sitting's share rate, as the first button does; the rate or None.

        The outcome is shown once every post of the timeline is chosen (``finished_posts``); before
        that the page says how many posts are left.
        """
        tally = self._mine() if self._mine is not None else None
        done, total = finished_posts(tally), len(self.timeline.posts)
        if done < total:
            self.result = {"empty": label("cs_finish_first", self._lang, done=done, total=total, left=total - done)}
            self.pending = False
            return None
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
            self.result = {"empty": label("cs_no_choices" if whose == "class" else "cs_no_untrue", self._lang)}
            self.pending = False
            return None
        self.pending = True
        everyone, ours = compare(self.network, rate)
        self.shown = (whose, rate, everyone, ours)
        self.result = self._view(whose, tally, everyone, ours)
        self.pending = False
        return rate

    def _view(self, whose, tally: Tally, everyone, ours) -> dict:
        lang = self._lang
        rate = tally.untrue.rate
        who = label("cs_whose_mine" if whose == "mine" else "cs_whose_class", lang, students=tally.students)
        shared = label("cs_rate", lang, shared=tally.untrue.shared, total=tally.untrue.total, rate=round(rate * 100))
        ours_name = label("cs_series_ours", lang, rate=round(rate * 100))
        return {
            "rate": f"{who} {shared}",
            "outcome": label("cs_outcome", lang, people=ours.people, everyone=round(everyone.reached), ours=round(ours.reached)),
            "chart": chart_view([(label("cs_series_everyone", lang), "everyone", everyone.believers),
                                 (ours_name, "ours", ours.believers)], ours.people, label("cs_x", lang), label("cs_y", lang)),
            "note": label("cs_note", lang),
        }

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        if content.get("action") == "mine":  # the latest request runs (kit.widgets._pacing)
            PACER.request((id(self), "show"), self.show_mine)
        elif content.get("action") == "class":
            PACER.request((id(self), "show"), self.show_class)
