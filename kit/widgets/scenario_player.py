"""ScenarioPlayer: a branching role-play shown as a group chat or an SNS timeline.

The student picks a viewpoint (poster, target or bystander) unless the lesson fixed one, reads the
messages, and answers with big choice buttons. Each choice is stored through the sitting (item
``scenario:<id>:<node id>``, response ``(choice index,)``, correct = the choice hurts no one)
before the next messages are shown. At the end a kind summary explains the outcome tags of the
path. ``pick_role()``, ``choose()`` and ``restart()`` do what the buttons do, so tests need no
browser; the rules of the path live in ``kit.models.scenario_walk``. After a reload (or in a new
kernel), the sitting hands back the choices its browser stored, and the path is taken again (``resume()``).
"""

from __future__ import annotations

import traitlets

from kit.content.scenario import NARRATOR, ROLES, TAGS, YOU, Node, Scenario, ScenarioChoice
from kit.content.text import Text
from kit.models.scenario_walk import ChoiceError, Step, Walk, replay
from kit.sitting import Sitting
from kit.store.records import Answer
from kit.text.ui import RUBY, key_hint, label, labels, ruby_map
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._render import text_html

# Avatar colours with white text at a contrast of at least 4.5:1.
PALETTE = ("#1f5f99", "#8a3ffc", "#b3261e", "#1b7a3a", "#8c4a00", "#005f73", "#6b4c9a", "#a3195b")


class ScenarioPlayer(KitWidget):
    """One scenario played in one role at a time, with its chat log, choices and summary."""

    _esm = traitlets.Unicode(asset("scenario_player.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("scenario_player.css")).tag(sync=True)
    RUBY_LABELS = ('scenario_other_role', 'scenario_again')  # shown on buttons: with readings when the lesson has furigana
    # The prompts and the summary's words: with readings too, so a 小3-4 child can read the whole story's end.
    RUBY_WORDS = ('scenario_pick_role', 'scenario_choose', 'scenario_summary_title',
                  'scenario_your_path', 'scenario_kinder', 'scenario_tags_title', 'scenario_no_tag')

    scenario = traitlets.Dict(help="Title, look, channel, characters and the roles offered, as the browser shows them.").tag(sync=True)
    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    role = traitlets.Unicode("", help="The role being played; empty while the student is choosing one.").tag(sync=True)
    fixed_role = traitlets.Bool(False, help="True when the lesson chose the role (no role picker).").tag(sync=True)
    log = traitlets.List(help="Messages shown so far: the story's and the student's own, in order.").tag(sync=True)
    choices = traitlets.List(help="Choices at the current node (text only, never their tags).").tag(sync=True)
    key_hint_html = traitlets.Unicode("", help="The hint under the choices: the number keys there are (1〜3 for three choices).").tag(sync=True)
    summary = traitlets.Dict(help="Empty until the story ends; then the path, its outcome tags and the takeaway.").tag(sync=True)
    turn = traitlets.Int(0, help="Counts choices made, so the browser knows when to move focus.").tag(sync=True)
    who = traitlets.Unicode("", help="Class and nickname the choices are stored under, shown as plain text.").tag(sync=True)

    def __init__(self, scenario: Scenario, *, role: str | None = None, lang: str = "ja", furigana: bool = False,
                 sitting: Sitting | None = None, bank: str = "", **kwargs):
        super().__init__(**kwargs)
        self._s = scenario
        self._lang, self._furigana = lang, furigana
        self._bank = bank
        self._restoring = False
        self.resumed = False
        self.sitting = sitting or Sitting()
        self.walk: Walk | None = None
        self.saved_all = True
        if role is not None:
            scenario.role(role)  # ContentError naming the roles offered
        only = scenario.roles[0].id if len(scenario.roles) == 1 else None
        self._fixed = role or only
        self.labels = labels(lang, ruby=self.RUBY_LABELS if furigana else ())
        self.scenario = self._scenario_view()
        if furigana and lang == "ja":  # role buttons, prompts and the summary's words (in the topic's wording), with readings
            roles = self.scenario["roles"]
            shown = [r["label"] for r in roles] + [r["about"] for r in roles]
            shown += [self._label(k) for k in self.RUBY_WORDS + ("scenario_all_kind", "scenario_some_harm")]
            shown += [self._label(f"tag_{t}{part}") for t in TAGS for part in ("", "_about")]
            self.labels = {**self.labels, RUBY: {**self.labels.get(RUBY, {}), **ruby_map(shown)}}
        self.fixed_role = self._fixed is not None
        self.on_msg(self._on_browser_message)
        self.restart()
        self.sitting.join(self._show_who, restore=self.resume)

    # --- what the buttons do ------------------------------------------------------------

    def pick_role(self, role: str) -> None:
        """Start the story as ``role`` (poster, target or bystander), as the role buttons do."""
        if self.walk is not None or role not in {r.id for r in self._s.roles}:
            return
        self.walk = Walk(self._s, role)
        self.role = role
        intro = self._s.role(role).intro
        self.log = [{"kind": "role", "html": self._html(intro)}] + [self._message(n) for n in self.walk.shown_nodes()]
        self._offer()

    def choose(self, index: int) -> Step | None:
        """Take choice ``index`` (0-based) at the current node, as its button does.

        The choice is stored first, then the student's message and what follows are shown. A
        choice that does not exist, or any choice after the end, is ignored.
        """
        if self.walk is None:
            return None
        node = self.walk.current
        try:
            step, entered = self.walk.choose(index)
        except ChoiceError:
            return None
        saved = self._record(node, step)  # stored first, then shown
        self.saved_all = self.saved_all and saved
        mine = self._own(step.choice, saved)
        self.log = [*self.log, mine, *(self._message(n) for n in entered)]
        self.turn += 1
        self._offer()
        return step

    def restart(self) -> None:
        """Begin again: the role picker, or the lesson's role from its start."""
        self.walk = None
        self.role = ""
        self.log = []
        self.choices = []
        self.key_hint_html = ""
        self.summary = {}
        if self._fixed:
            self.pick_role(self._fixed)

    # --- identity -----------------------------------------------------------------------

    def resume(self, earlier: list[Answer]) -> None:
        """Take again the path the sitting's browser had taken (after a reload or in a new kernel).

        The sitting calls this once, when the browser first says who is playing; only if nothing
        has been chosen on this page yet. The latest play-through is rebuilt from the stored
        choices without storing them again.
        """
        self.resumed = True
        if self.walk is not None and self.walk.steps:
            return
        prefix = self.item_id("")
        choices = [(a.item[len(prefix):], a.response[0]) for a in earlier
                   if a.item.startswith(prefix) and len(a.response) == 1]
        walk = replay(self._s, choices, [self._fixed] if self._fixed else None)
        if walk is None or not walk.steps:
            return
        self._restoring = True
        try:
            self.walk = None
            self.pick_role(walk.role.id)
            for step in walk.steps:
                self.choose(step.index)
        finally:
            self._restoring = False

    def _show_who(self, who: str) -> None:
        self.who = who

    # --- views --------------------------------------------------------------------------

    def _html(self, text) -> str:
        return text_html(text, self._lang, self._furigana)

    def _scenario_view(self) -> dict:
        characters = {
            c.id: {"name": c.name.get(self._lang), "name_html": self._html(c.name), "handle": c.handle,
                   "icon": c.icon or c.name.get(self._lang)[:1],
                   "color": PALETTE[i % len(PALETTE)]}
            for i, c in enumerate(self._s.characters)
        }
        return {
            "id": self._s.id,
            "title_html": self._html(self._s.title),
            "intro_html": self._html(self._s.intro) if self._s.intro.ja else "",
            "channel_html": self._html(self._s.channel) if self._s.channel.ja else "",
            "look": self._s.look,
            "characters": characters,
            "roles": [{"id": r.id,
                       "label": r.label.get(self._lang) if r.label.ja else self._label(f"role_{r.id}"),
                       "about": r.about.get(self._lang) if r.about.ja else self._label(f"role_{r.id}_about"),
                       "intro_html": self._html(r.intro)} for r in self._s.roles],
        }

    def _label(self, key: str) -> str:
        """``key`` from ui.yaml, in the scenario topic's own wording when there is one (``role_target_piracy``)."""
        specific = f"{key}_{self._s.topic}"
        return label(specific if specific in labels(self._lang) else key, self._lang)

    def _message(self, node: Node) -> dict:
        kind = "narration" if node.speaker == NARRATOR else "you" if node.speaker == YOU else "message"
        character = self._s.character(node.speaker)
        view = {"kind": kind, "node": node.id, "speaker": node.speaker, "html": self._html(node.text)}
        if character is not None:
            view["name"], view["name_html"] = character.name.get(self._lang), self._html(character.name)
        if node.photo.ja:
            view["photo_html"] = self._html(node.photo)
        return view

    def _own(self, choice: ScenarioChoice, saved: bool) -> dict:
        view = {"kind": "you" if choice.kind == "say" else "action", "speaker": YOU, "html": self._html(choice.text)}
        if not saved:
            view["not_saved"] = True
        return view

    def _offer(self) -> None:
        node = self.walk.current
        self.key_hint_html = self._html(Text(key_hint(len(node.choices), self._lang))) if node.choices else ""
        self.choices = [{"index": i, "html": self._html(c.text), "kind": c.kind} for i, c in enumerate(node.choices)]
        self.summary = self._summary_view() if self.walk.finished else {}

    def _summary_view(self) -> dict:
        result = self.walk.summary()
        steps = []
        for s in result.steps:
            steps.append({
                "choice_html": self._html(s.choice.text),
                "tags": [{"id": t, "label": self._label(f"tag_{t}")} for t in s.choice.tags],
                "note_html": self._html(s.choice.note) if s.choice.note.ja else "",
                "kinder": [self._html(c.text) for c in result.kinder.get(s.node, ())],
                "safe": s.safe,
            })
        ending = result.ending
        return {
            "verdict": self._label("scenario_all_kind" if result.all_safe else "scenario_some_harm"),
            "steps": steps,
            "counts": [{"id": t, "label": self._label(f"tag_{t}"), "about": self._label(f"tag_{t}_about"),
                        "count": result.counts[t]} for t in TAGS],
            "takeaway_html": self._html(ending.takeaway) if ending is not None and ending.takeaway.ja else "",
            "other_roles": [r.id for r in self._s.roles if r.id != self.role] if not self.fixed_role else [],
        }

    # --- storing ------------------------------------------------------------------------

    def item_id(self, node_id: str) -> str:
        """How a choice at ``node_id`` is named in the class results."""
        return f"scenario:{self._s.id}:{node_id}"

    def _record(self, node: Node, step: Step) -> bool:
        if self._restoring:  # a restored choice is stored already
            return True
        return self.sitting.record(self.item_id(node.id), (step.index,), step.safe, bank=self._bank)

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        action = content.get("action")
        if action in ("choose", "pick", "restart"):
            try:
                if action == "choose":
                    self.choose(content.get("index"))
                elif action == "pick" and content.get("role") in ROLES:
                    self.pick_role(content["role"])
                elif action == "restart":
                    self.restart()
            finally:
                self.send({"event": "done"})  # after every change above: the page draws once, complete
        elif action == "hello":  # only the sitting's first identity is taken (kit.sitting)
            self.sitting.hello(content)
            self.send({"event": "done"})
