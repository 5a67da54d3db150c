"""HelpRouter: a few questions lead a student to the help desks that fit, offline.

It follows 法務省's guide chart (``datasets/help/router.yaml``): what the student wants — to be
heard, to get a post removed, to find the writer, to see them punished — decides the desks shown,
each with its contact and the date it was checked. Nothing chosen here is recorded: which help a
child looks for is private. ``answer()``, ``back()``, ``more()`` and ``restart()`` do what the
buttons do, so tests need no browser.
"""

from __future__ import annotations

import traitlets

from kit.content.help import HelpDesk
from kit.content.router import HelpRouterChart, RouterStep
from kit.content.text import Text
from kit.text.ui import labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._render import text_html
from kit.widgets.help_list import HELP_WORDS, desk_view


class HelpRouter(KitWidget):
    """The guide chart as questions with big answer buttons, ending at help desks."""

    _esm = traitlets.Unicode(asset("help_router.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("help_router.css")).tag(sync=True)
    # with readings when the lesson has furigana: the buttons, and every word of the help card around them
    RUBY_LABELS = ('router_more', 'router_back', 'router_restart', 'router_all', 'router_result', 'router_private',
                   'router_source', *HELP_WORDS)

    chart = traitlets.Dict(help="Title, introduction, source and checked date of the chart.").tag(sync=True)
    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    step = traitlets.Dict(help="The question (with answers) or the result (with desks) being shown.").tag(sync=True)
    trail = traitlets.List(help="Questions answered so far and the answer given, for the way back.").tag(sync=True)
    all_desks = traitlets.List(help="Every desk for this audience, for 'show all help desks'.").tag(sync=True)

    def __init__(self, chart: HelpRouterChart, *, lang: str = "ja", furigana: bool = False,
                 audience: str = "children", **kwargs):
        super().__init__(**kwargs)
        self._chart = chart
        self._lang, self._furigana, self._audience = lang, furigana, audience
        self._path: list[tuple[str, int | None]] = []  # (step id, answer index or None for 'more')
        self.labels = labels(lang, ruby=self.RUBY_LABELS if furigana else ())
        self.chart = {
            "title_html": self._html(chart.title),
            "intro_html": self._html(chart.intro) if chart.intro.ja else "",
            "source": chart.source,
            "source_html": text_html(Text(chart.source), lang, furigana),
            "checked": chart.checked,
        }
        self.all_desks = [self._desk(d) for d in chart.desks.values() if audience in d.audience]
        self.on_msg(self._on_browser_message)
        self.restart()

    # --- what the buttons do ------------------------------------------------------------

    @property
    def current(self) -> RouterStep:
        return self._chart.step(self.step["id"])

    def answer(self, index: int) -> None:
        """Choose answer ``index`` (0-based) of the question shown; anything else is ignored."""
        step = self.current
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(step.answers):
            return
        self._path.append((step.id, index))
        self._show(step.answers[index].next)

    def more(self) -> None:
        """From a result, go on to its 'something else?' question."""
        step = self.current
        if step.is_question or not step.more:
            return
        self._path.append((step.id, None))
        self._show(step.more)

    def back(self) -> None:
        """Go back one question."""
        if not self._path:
            return
        previous, _ = self._path.pop()
        self._show(previous)

    def restart(self) -> None:
        """Back to the first question."""
        self._path = []
        self._show(self._chart.start)

    # --- views --------------------------------------------------------------------------

    def _html(self, text) -> str:
        return text_html(text, self._lang, self._furigana)

    def _show(self, step_id: str) -> None:
        step = self._chart.step(step_id)
        self.trail = [self._trail_item(sid, i) for sid, i in self._path]
        if step.is_question:
            self.step = {"id": step.id, "kind": "question", "ask_html": self._html(step.ask),
                         "answers": [{"index": i, "html": self._html(a.text)} for i, a in enumerate(step.answers)]}
        else:
            desks = [self._chart.desks[d] for d in step.desks]
            fitting = [d for d in desks if self._audience in d.audience] or desks
            self.step = {"id": step.id, "kind": "result", "say_html": self._html(step.say),
                         "desks": [self._desk(d) for d in fitting], "more": bool(step.more)}

    def _trail_item(self, step_id: str, index: int | None) -> dict:
        step = self._chart.step(step_id)
        if index is None:
            return {"ask_html": self._html(step.say), "answer_html": self._html(Text(self.labels["router_more"]))}
        return {"ask_html": self._html(step.ask), "answer_html": self._html(step.answers[index].text)}

    def _desk(self, desk: HelpDesk) -> dict:
        return desk_view(desk, self._lang, self._furigana)

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        action = content.get("action")
        try:
            if action == "answer":
                self.answer(content.get("index"))
            elif action == "more":
                self.more()
            elif action == "back":
                self.back()
            elif action == "restart":
                self.restart()
        finally:
            if action in ("answer", "more", "back", "restart"):
                self.send({"event": "done"})
