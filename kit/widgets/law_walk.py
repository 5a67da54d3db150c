"""LawWalk: a procedure told step by step, with a question at each step; LawCardView: one law on a card.

The walk shows where the student is on a path of numbered steps, the step's plain explanation with
its fact cards (source and as-of date), and a question. The answer is stored (item
``law:<walk id>:<step id>``, phase "practice") before its feedback is shown; then the student goes
on. ``answer()``, ``next()`` and ``restart()`` do what the buttons do.
"""

from __future__ import annotations

import traitlets

from kit.content.facts import Fact
from kit.content.law import LawCard, LawWalk
from kit.sitting import Sitting
from kit.text.ui import label, labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._render import text_html
from kit.widgets.fact_card import fact_view


class LawWalkView(KitWidget):
    """A step-by-step walk through a legal procedure, one question per step."""

    _esm = traitlets.Unicode(asset("law_walk.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("law_walk.css")).tag(sync=True)
    RUBY_LABELS = ('law_again', 'law_next', 'law_finish')  # shown on buttons: with readings when the lesson has furigana

    walk = traitlets.Dict(help="Title, introduction, closing summary and the headings of every step.").tag(sync=True)
    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    number = traitlets.Int(0, help="Index of the step shown (0-based); equals the number of steps once finished.").tag(sync=True)
    step = traitlets.Dict(help="The step shown: explanation, fact cards, question and choices (never the answer).").tag(sync=True)
    result = traitlets.Dict(help="Empty until the question is answered; then whether it was right and the feedback.").tag(sync=True)
    who = traitlets.Unicode("", help="Class and nickname the answers are stored under, shown as plain text.").tag(sync=True)

    def __init__(self, walk: LawWalk, facts: dict[str, Fact], *, lang: str = "ja", furigana: bool = False,
                 sitting: Sitting | None = None, bank: str = "", **kwargs):
        super().__init__(**kwargs)
        self._w, self._facts = walk, facts
        self._lang, self._furigana = lang, furigana
        self._bank = bank
        self.sitting = sitting or Sitting()
        self.answers: dict[str, int] = {}
        self.labels = labels(lang, ruby=self.RUBY_LABELS if furigana else ())
        self.walk = {
            "id": walk.id,
            "title_html": self._html(walk.title),
            "intro_html": self._html(walk.intro) if walk.intro.ja else "",
            "outro_html": self._html(walk.outro) if walk.outro.ja else "",
            "headings": [self._html(s.heading) for s in walk.steps],
        }
        self.sitting.join(self._show_who)
        self.on_msg(self._on_browser_message)
        self.restart()

    @property
    def finished(self) -> bool:
        return self.number >= len(self._w.steps)

    def _html(self, text) -> str:
        return text_html(text, self._lang, self._furigana)

    def _show(self, index: int) -> None:
        self.result = {}
        self.number = index
        if self.finished:
            self.step = {}
            return
        s = self._w.steps[index]
        self.step = {
            "id": s.id,
            "heading_html": self._html(s.heading),
            "body_html": self._html(s.body),
            "facts": [fact_view(self._facts[f], self._lang, self._furigana) for f in s.facts if f in self._facts],
            "ask_html": self._html(s.ask),
            "choices": [{"index": i, "html": self._html(c.text)} for i, c in enumerate(s.choices)],
        }

    def answer(self, index: int) -> bool | None:
        """Answer the current step's question with choice ``index``; stored, then the feedback shown."""
        if self.finished or self.result:
            return None
        s = self._w.steps[self.number]
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(s.choices):
            return None
        correct = index == s.answer
        saved = self._record(s.id, index, correct)  # stored first, then shown
        self.answers[s.id] = index
        self.result = {"chosen": index, "correct": correct, "answer": s.answer,
                       "feedback_html": self._html(s.choices[index].feedback),
                       "answer_feedback_html": "" if correct else self._html(s.choices[s.answer].feedback),
                       "saved": saved}
        return correct

    def next(self) -> None:
        """Go on to the next step (only after answering), or to the closing summary."""
        if not self.finished and self.result:
            self._show(self.number + 1)

    def restart(self) -> None:
        """Back to the first step."""
        self._show(0)

    def item_id(self, step_id: str) -> str:
        return f"law:{self._w.id}:{step_id}"

    def _record(self, step_id: str, index: int, correct: bool) -> bool:
        return self.sitting.record(self.item_id(step_id), (index,), correct, bank=self._bank)

    def _show_who(self, who: str) -> None:
        self.who = who

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        action = content.get("action")
        if action == "hello":  # only the sitting's first identity is taken (kit.sitting)
            self.sitting.hello(content)
            return
        try:
            if action == "answer":
                self.answer(content.get("index"))
            elif action == "next":
                self.next()
            elif action == "restart":
                self.restart()
        finally:
            if action in ("answer", "next", "restart"):
                self.send({"event": "done"})


def law_card_view(card: LawCard, facts: dict[str, Fact], lang: str, furigana: bool = False) -> dict:
    """One law as the browser draws it: name and article, when it applies, a mild example, the penalty fact, dates."""
    def t(text) -> str:
        return text_html(text, lang, furigana)

    penalty = facts.get(card.penalty_fact)
    return {
        "title_html": t(card.title), "law_html": t(card.law), "what_html": t(card.what),
        "example_html": t(card.example) if card.example.ja else "",
        "penalty": fact_view(penalty, lang, furigana) if penalty else None,
        "facts": [fact_view(facts[f], lang, furigana) for f in card.facts if f in facts],
        "small": label("law_not_advice", lang) + label("as_of", lang, date=card.as_of),
    }


class LawCardView(KitWidget):
    """A law card (static): what the law says, the penalty from its fact, with source and dates."""

    _esm = traitlets.Unicode(asset("law_card.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("law_card.css")).tag(sync=True)

    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    shown = traitlets.Dict(help="The card as law_card_view() gives it.").tag(sync=True)

    def __init__(self, card: LawCard, facts: dict[str, Fact], *, lang: str = "ja", furigana: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.card = card
        self.labels = labels(lang)
        self.shown = law_card_view(card, facts, lang, furigana)
