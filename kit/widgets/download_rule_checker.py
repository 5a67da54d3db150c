"""DownloadRuleChecker: describe a case with big buttons, predict the outcome, then see the law.

The student answers one question at a time (only those that matter for the answers so far),
guesses whether the case is not illegal, illegal, or a crime, and only then sees the outcome with
its reason, articles and penalty. The guess is recorded before the outcome is shown. The decision
is ``kit.models.download_rule.decide`` over the law file; this widget only shows it. The penalty is
the dated fact the rules name (``facts``), shown as a fact card with its source and date.
``choose()``, ``back()``, ``predict()`` and ``reset()`` do what the buttons do.
"""

from __future__ import annotations

from collections.abc import Mapping

import traitlets

from kit.content.facts import Fact
from kit.content.law_rules import LawRules, Outcome
from kit.content.text import Text
from kit.models.download_rule import OUTCOMES, Decision, decide, next_question, relevant
from kit.sitting import Sitting
from kit.text.ui import label, labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._render import text_html
from kit.widgets.fact_card import fact_view

COMPONENT = "download_rule_checker"


class DownloadRuleChecker(KitWidget):
    """A case described by buttons, the student's prediction, then the outcome with its articles."""

    _esm = traitlets.Unicode(asset("download_rule_checker.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("download_rule_checker.css")).tag(sync=True)
    RUBY_LABELS = ('drc_back', 'drc_again')  # shown on buttons: with readings when the lesson has furigana

    heading = traitlets.Dict(help="Title and as-of line of the rules, as HTML.").tag(sync=True)
    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    stage = traitlets.Unicode("ask", help="'ask' (describing the case), 'predict' (guessing) or 'reveal'.").tag(sync=True)
    step = traitlets.Dict(help="The question being asked: id, html and options (id, html).").tag(sync=True)
    path = traitlets.List(help="The answers given so far: question and answer as HTML.").tag(sync=True)
    predictions = traitlets.List(help="The three possible outcomes as buttons: id and html.").tag(sync=True)
    result = traitlets.Dict(help="Empty until a prediction is made; then the outcome, reason and articles.").tag(sync=True)
    pending = traitlets.Bool(False, help="True while the kernel stores a prediction.").tag(sync=True)

    def __init__(self, law: LawRules, facts: Mapping[str, Fact] | None = None, *, lang: str = "ja",
                 furigana: bool = False, sitting: Sitting | None = None, bank: str = "", **kwargs):
        super().__init__(**kwargs)
        self.law = law
        self._facts = dict(facts or {})
        self._lang, self._furigana = lang, furigana
        self._bank = bank
        self.sitting = sitting or Sitting()
        self.answers: dict[str, str] = {}
        self.decision: Decision | None = None
        self.labels = labels(lang, ruby=self.RUBY_LABELS if furigana else ())
        self.heading = {"title_html": self._html(law.title),
                        "as_of": label("drc_as_of", lang, date=law.as_of)}
        self.predictions = [{"id": o.value, "html": self._html(_outcome_text(o))} for o in OUTCOMES]
        self._ask()
        self.on_msg(self._on_browser_message)

    def _html(self, text: Text) -> str:
        return text_html(text, self._lang, self._furigana)

    # --- what the buttons do -------------------------------------------------------------

    def choose(self, option_id: str) -> None:
        """Answer the question being asked with the option ``option_id``."""
        if self.stage != "ask" or not self.step:
            return
        condition = self.law.condition(self.step["id"])
        if option_id not in {o.id for o in condition.options}:
            return  # a forged message from the browser changes nothing
        self.answers = relevant(self.law, {**self.answers, condition.id: option_id})
        self._ask()

    def back(self) -> None:
        """Take back the last answer (also from the prediction step)."""
        if self.stage == "reveal" or not self.answers:
            return
        self.answers = dict(list(self.answers.items())[:-1])
        self._ask()

    def describe(self, answers: Mapping[str, str]) -> None:
        """Set a whole case at once (a teacher's example); stops at the first missing answer."""
        self.reset()
        for cid, oid in relevant(self.law, answers).items():
            if self.step.get("id") == cid:
                self.choose(oid)

    def predict(self, outcome: str | Outcome) -> Decision | None:
        """Guess the outcome; the guess is stored, then the law's answer is shown."""
        if self.stage != "predict":
            return None
        try:
            guess = Outcome(outcome)
        except ValueError:
            return None
        decision = decide(self.law, self.answers)
        correct = guess is decision.outcome
        saved = self._record(decision, guess, correct)  # stored first, then shown
        self.decision = decision
        with self.hold_sync():
            self.result = self._result(decision, guess, correct, saved)
            self.stage = "reveal"
            self.pending = False
        return decision

    def reset(self) -> None:
        """Start a new case."""
        self.answers, self.decision, self.result = {}, None, {}
        self._ask()

    # --- state shown ---------------------------------------------------------------------

    def _ask(self) -> None:
        with self.hold_sync():  # one message to the browser, so it never draws a half-changed state
            self._set_step()

    def _set_step(self) -> None:
        condition = next_question(self.law, self.answers)
        self.path = [
            {"id": cid, "question_html": self._html(self.law.condition(cid).question),
             "answer_html": self._html(self.law.condition(cid).option(oid).label)}
            for cid, oid in self.answers.items()
        ]
        if condition is None:
            self.step = {}
            self.stage = "predict"
            return
        self.step = {
            "id": condition.id,
            "html": self._html(condition.question),
            "options": [{"id": o.id, "html": self._html(o.label)} for o in condition.options],
            "number": len(self.answers) + 1,
        }
        self.stage = "ask"

    def _result(self, decision: Decision, guess: Outcome, correct: bool, saved: bool) -> dict:
        unconfirmed = [a for a in decision.articles if not a.confirmed]
        penalty = self._facts.get(decision.penalty.fact) if decision.penalty else None
        star = "＊"
        return {
            "outcome": decision.outcome.value,
            "outcome_html": self._html(_outcome_text(decision.outcome)),
            "prediction": guess.value,
            "prediction_html": self._html(_outcome_text(guess)),
            "correct": correct,
            "reason_html": self._html(decision.reason),
            "caution_html": self._html(decision.caution) if decision.caution.ja else "",
            "articles": [{"label_html": self._html(a.label) + ("" if a.confirmed else star),
                          "about_html": self._html(a.about)} for a in decision.articles],
            "penalty": fact_view(penalty, self._lang, self._furigana) if penalty else None,
            "unconfirmed": bool(unconfirmed),
            "saved": saved,
        }

    # --- results -------------------------------------------------------------------------

    def _record(self, decision: Decision, guess: Outcome, correct: bool) -> bool:
        return self.sitting.record(f"{COMPONENT}:{self.law.id}:{decision.rule.id}", (OUTCOMES.index(guess),), correct,
                                   bank=self._bank)

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        action = content.get("action")
        if action == "choose":
            self.choose(str(content.get("option", "")))
        elif action == "back":
            self.back()
        elif action == "predict":
            self.predict(str(content.get("outcome", "")))
        elif action == "reset":
            self.reset()
        elif action == "hello":  # only the sitting's first identity is taken (kit.sitting)
            self.sitting.hello(content)


def _outcome_text(outcome: Outcome) -> Text:
    return Text(label(f"drc_{outcome.value}", "ja"), label(f"drc_{outcome.value}", "en"))


