"""ManipulatorGame: 「だます側になってみよう」, an inoculation game on an SNS-like screen.

The student runs a fictional account and, stage by stage, tries one manipulation technique on a
fictional target by publishing one of two to four posts. Each choice is stored through the sitting
(phase "practice", item ``game:<game id>:<stage id>``, response ``(choice index,)``; a game move has
no wrong answer, so it is stored as correct) before the kernel sends what it did — reach, followers,
credibility, whether readers who check found it out, from ``kit.models.manipulator`` — and how to
spot the technique. The browser never holds a choice's hook, risk or explanation before the
student has chosen. ``choose()`` and ``next()`` do what the buttons do, so tests need no browser.
The model is seeded by the lesson's seed and the sitting's token, so after a reload (or in a new
kernel) the stored choices are replayed to the same numbers (``resume()``).
"""

from __future__ import annotations

import traitlets

from kit.content.manipulator import Game, GameChoice, Stage
from kit.content.text import Text
from kit.models.manipulator import ManipulatorModel, ManipulatorParams, Move, Outcome, game_seed, standing
from kit.sitting import Sitting
from kit.store.records import Answer
from kit.text.ui import key_hint, label, labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._render import text_html

CHOOSE, RESULT, DONE = "choose", "result", "done"


class ManipulatorGame(KitWidget):
    """A game of technique stages played once per sitting, with the account's numbers and a debrief."""

    _esm = traitlets.Unicode(asset("manipulator_game.js", "_post.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("manipulator_game.css", "timeline.css")).tag(sync=True)
    RUBY_LABELS = ("mg_publish", "mg_next", "mg_finish")  # shown on buttons: with readings when the lesson has furigana

    game = traitlets.Dict(help="Title, introduction, note, the account and the techniques' names, as the browser shows them.").tag(sync=True)
    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    phase = traitlets.Unicode(CHOOSE, help="choose | result | done").tag(sync=True)
    number = traitlets.Int(0, help="Index of the stage being played (0-based).").tag(sync=True)
    stage = traitlets.Dict(help="The stage being played: technique, target, explanation and the posts' texts (never their hook or risk).").tag(sync=True)
    result = traitlets.Dict(help="Empty until the student has chosen; then the post as published, what it did and how to spot the technique.").tag(sync=True)
    score = traitlets.Dict(help="The account's followers, credibility and standing now.").tag(sync=True)
    feed = traitlets.List(help="The account's published posts so far, newest first, with what each did.").tag(sync=True)
    summary = traitlets.Dict(help="Empty until every stage is played; then the totals, every way to spot a technique and the debrief.").tag(sync=True)
    turn = traitlets.Int(0, help="Counts actions handled, so the browser knows when to move focus.").tag(sync=True)
    who = traitlets.Unicode("", help="Class and nickname the choices are stored under, shown as plain text.").tag(sync=True)

    def __init__(self, game: Game, params: ManipulatorParams | None = None, *, seed: int = 0, lang: str = "ja",
                 furigana: bool = False, sitting: Sitting | None = None, bank: str = "", **kwargs):
        super().__init__(**kwargs)
        self._g = game
        self._params = params or ManipulatorParams()
        self._seed = seed
        self._lang, self._furigana = lang, furigana
        self._bank = bank
        self._restoring = False
        self.sitting = sitting or Sitting()
        self.model: ManipulatorModel | None = None  # made at the first move, seeded with the sitting's token
        self.outcomes: list[tuple[Stage, GameChoice, Outcome]] = []
        self.saved_all = True
        self.labels = labels(lang, ruby=self.RUBY_LABELS if furigana else ())
        self.game = self._game_view()
        self._show(0)
        self.on_msg(self._on_browser_message)
        self.sitting.join(self._show_who, restore=self.resume)

    # --- what the buttons do ------------------------------------------------------------

    def choose(self, index: int) -> Outcome | None:
        """Publish post ``index`` (0-based) of the current stage, as its button does.

        The choice is stored first, then what it did is shown. A choice that does not exist, a
        second choice on the same stage, or any choice after the end is ignored.
        """
        if self.phase != CHOOSE or self.number >= len(self._g.stages):
            return None
        stage = self._g.stages[self.number]
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(stage.choices):
            return None
        choice = stage.choices[index]
        if self.model is None:
            self.model = ManipulatorModel(self._params, game_seed(self._seed, self.sitting.session))
        outcome = self.model.step(Move(choice.hook, choice.risk))
        saved = self._record(stage, index)  # stored first, then shown
        self.saved_all = self.saved_all and saved
        self.outcomes.append((stage, choice, outcome))
        self.result = self._result_view(stage, choice, outcome, saved)
        self.feed = [self._feed_entry(stage, choice, outcome), *self.feed]
        self.score = self._score_view()
        self.phase = RESULT
        self.turn += 1
        return outcome

    def next(self) -> None:
        """Go on to the next technique, or to the debrief after the last, as the button does."""
        if self.phase != RESULT:
            return
        self._show(self.number + 1)
        self.turn += 1

    # --- identity -----------------------------------------------------------------------

    def resume(self, earlier: list[Answer]) -> None:
        """Play again, without storing them again, the choices this sitting's browser had stored.

        The sitting calls this once, when the browser first says who is playing; only if nothing
        has been chosen on this page yet. The game stops at the first stage with no stored choice
        (a teacher may have changed the file since), showing the last stored stage's result.
        """
        if self.outcomes:
            return
        chosen = {a.item: a.response[0] for a in earlier
                  if a.item.startswith(self.item_id("")) and len(a.response) == 1}
        self._restoring = True
        try:
            for stage in self._g.stages:
                if self.item_id(stage.id) not in chosen:
                    break
                if self.choose(chosen[self.item_id(stage.id)]) is None:
                    break
                if stage is not self._g.stages[-1]:
                    self.next()
            if self.phase == CHOOSE and self.outcomes:  # stopped on a stage not yet played: show the last result
                stage, choice, outcome = self.outcomes[-1]
                self.number -= 1
                self.stage = self._stage_view(self._g.stages[self.number])
                self.result = self._result_view(stage, choice, outcome, True)
                self.phase = RESULT
        finally:
            self._restoring = False

    def _show_who(self, who: str) -> None:
        self.who = who

    # --- views --------------------------------------------------------------------------

    def _html(self, text) -> str:
        return text_html(text, self._lang, self._furigana)

    def _say(self, key: str, **values) -> str:
        return label(key, self._lang, **values)

    def _game_view(self) -> dict:
        name = self._g.account_name.get(self._lang)
        return {
            "id": self._g.id,
            "title_html": self._html(self._g.title),
            "intro_html": self._html(self._g.intro),
            "note_html": self._html(self._g.note) if self._g.note.ja else "",
            "account": {"name_html": self._html(self._g.account_name), "handle": self._g.handle, "initial": name[:1]},
            "techniques": [self._html(s.technique) for s in self._g.stages],
        }

    def _show(self, number: int) -> None:
        self.number = number
        self.result = {}
        self.score = self._score_view()
        if number < len(self._g.stages):
            self.stage = self._stage_view(self._g.stages[number])
            self.phase = CHOOSE
            self.summary = {}
        else:
            self.stage = {}
            self.summary = self._summary_view()
            self.phase = DONE

    def _stage_view(self, stage: Stage) -> dict:
        return {
            "id": stage.id,
            "progress": self._say("mg_progress", n=self.number + 1, total=len(self._g.stages)),
            "technique_html": self._html(stage.technique),
            "target_html": self._html(stage.target),
            "explain_html": self._html(stage.explain),
            "choices": [{"index": i, "html": self._html(c.text)} for i, c in enumerate(stage.choices)],
            "key_hint_html": self._html(Text(key_hint(len(stage.choices), self._lang))),  # the keys there are
        }

    def _score_view(self) -> dict:
        model = self.model
        followers = model.followers if model else self._params.followers
        credibility = model.credibility if model else self._params.credibility
        state = standing(credibility)
        return {"followers": followers, "credibility": credibility, "standing": state.value,
                "standing_label": self._say(f"mg_standing_{state.value}")}

    def _result_view(self, stage: Stage, choice: GameChoice, outcome: Outcome, saved: bool) -> dict:
        return {
            "stage": stage.id,
            "post_html": self._html(choice.text),
            "found_out": outcome.found_out,
            "verdict": self._say("mg_found_out" if outcome.found_out else "mg_not_found_out"),
            "numbers": self._say("mg_numbers", reached=outcome.reached, gained=outcome.gained, lost=outcome.lost,
                                 change=_signed(outcome.credibility_change)),
            "why_html": self._html(choice.result),
            "hook": choice.hook, "risk_label": self._say(_risk_key(choice.risk)),
            "technique_html": self._html(stage.technique),
            "spot": [self._html(p) for p in stage.spot],
            "last": stage is self._g.stages[-1],
            "not_saved": not saved,
        }

    def _feed_entry(self, stage: Stage, choice: GameChoice, outcome: Outcome) -> dict:
        return {"technique_html": self._html(stage.technique), "post_html": self._html(choice.text),
                "reposts": outcome.reached // 10, "likes": outcome.reached // 3, "found_out": outcome.found_out}

    def _summary_view(self) -> dict:
        found = sum(1 for _, _, o in self.outcomes if o.found_out)
        start = self._params
        return {
            "totals": self._say("mg_totals", followers=self.score["followers"], start=start.followers,
                                credibility=self.score["credibility"], found=found, moves=len(self.outcomes)),
            "debrief_html": self._html(self._g.debrief),
            "techniques": [{"technique_html": self._html(s.technique), "spot": [self._html(p) for p in s.spot]}
                           for s in self._g.stages],
        }

    # --- storing ------------------------------------------------------------------------

    def item_id(self, stage_id: str) -> str:
        """How a choice at ``stage_id`` is named in the class results."""
        return f"game:{self._g.id}:{stage_id}"

    def _record(self, stage: Stage, index: int) -> bool:
        if self._restoring:  # a restored choice is stored already
            return True
        return self.sitting.record(self.item_id(stage.id), (index,), True, bank=self._bank)

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        action = content.get("action")
        if action in ("choose", "next"):
            try:
                if action == "choose":
                    self.choose(content.get("index"))
                else:
                    self.next()
            finally:
                self.send({"event": "done"})  # after every change above: the page draws once, complete
        elif action == "hello":  # only the sitting's first identity is taken (kit.sitting)
            self.sitting.hello(content)
            self.send({"event": "done"})


def _signed(number: int) -> str:
    return f"+{number}" if number > 0 else str(number)


def _risk_key(risk: float) -> str:
    return "mg_risk_low" if risk < 0.35 else "mg_risk_mid" if risk < 0.65 else "mg_risk_high"
