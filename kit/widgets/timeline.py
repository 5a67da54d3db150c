"""TimelineFeed: the 「本当かな？」 timeline, one SNS post at a time: share, check or scroll past.

"Check" opens the post's lateral-reading steps (who posted it, what others say, where the picture
comes from); the student then decides whether to share. Each choice is stored through the sitting
(phase "practice", item ``timeline:<timeline id>:<post id>``, response ``(0 share | 1 check |
2 ignore,)``, correct = a careful choice; the decision after checking is item ``…:<post id>:decide``)
before the truth and its explanation are shown. The browser never holds a post's truth, steps or
explanation before the student has chosen. ``choose()`` and ``next()`` do what the buttons do.
"""

from __future__ import annotations

import base64
import logging

import traitlets

from kit.content.facts import Fact
from kit.content.text import Text
from kit.content.timeline import ACTIONS, Post, Timeline, Truth
from kit.models.sharing import CHECK, IGNORE, SHARE, Outcome, Tally, tally
from kit.sitting import Sitting
from kit.store.records import Answer
from kit.text.ui import label, labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._render import text_html

log = logging.getLogger(__name__)

_MIME = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


def action_index(action: str | int) -> int:
    """``action`` ("share", "check", "ignore" or 0–2) as the recorded response; ValueError otherwise."""
    if isinstance(action, str) and action in ACTIONS:
        return ACTIONS.index(action)
    if isinstance(action, int) and not isinstance(action, bool) and 0 <= action < len(ACTIONS):
        return action
    raise ValueError(f"action must be one of {ACTIONS} or 0-2, not {action!r}")


class TimelineFeed(KitWidget):
    """A timeline of posts played one at a time, with feedback after each and a summary at the end."""

    _esm = traitlets.Unicode(asset("timeline.js", "_post.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("timeline.css")).tag(sync=True)
    RUBY_LABELS = ('tl_share', 'tl_check', 'tl_ignore', 'tl_decide_share', 'tl_decide_keep', 'tl_next', 'tl_finish')  # shown on buttons: with readings when the lesson has furigana

    heading = traitlets.Dict(help="Title, situation and the note on which posts are made up, as HTML.").tag(sync=True)
    post = traitlets.Dict(help="The post being shown as the browser draws it: clues only, no truth.").tag(sync=True)
    stage = traitlets.Unicode("choose", help="choose | checking | feedback | done").tag(sync=True)
    steps = traitlets.List(help="The lateral-reading steps, sent once the student checks or has chosen.").tag(sync=True)
    result = traitlets.Dict(help="Empty until the student has chosen; then the truth, verdict and explanation.").tag(sync=True)
    summary = traitlets.Dict(help="Counts of the sitting's choices, once every post is done.").tag(sync=True)
    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    progress = traitlets.Unicode("", help="Progress line, e.g. '2 / 8 件目'.").tag(sync=True)
    who = traitlets.Unicode("", help="Class and nickname the choices are stored under, shown as plain text.").tag(sync=True)
    pending = traitlets.Bool(False, help="True while the kernel stores a choice.").tag(sync=True)
    number = traitlets.Int(0, help="Index of the post being shown (0-based).")

    def __init__(self, timeline: Timeline, *, facts: dict[str, Fact] | None = None, lang: str = "ja",
                 furigana: bool = False, sitting: Sitting | None = None, bank: str = "", **kwargs):
        super().__init__(**kwargs)
        self.timeline = timeline
        self._facts = facts or {}
        self._lang, self._furigana = lang, furigana
        self._bank = bank
        self.sitting = sitting or Sitting()
        self.outcomes: dict[str, Outcome] = {}
        self._saved = True  # whether the first choice on the post being checked was stored
        self.resumed = False
        self.labels = labels(lang, ruby=self.RUBY_LABELS if furigana else ())
        self.heading = {
            "title_html": self._html(timeline.title), "intro_html": self._html(timeline.intro),
            "note_html": self._html(timeline.note),
        }
        self._show_post()
        self.on_msg(self._on_browser_message)
        self.sitting.join(self._show_who, restore=self.resume)
        if self.sitting.identified:
            self._treat(self.sitting)
        else:
            self.sitting.on_identified(self._treat)

    # --- what the buttons do --------------------------------------------------------------

    @property
    def current(self) -> Post:
        """The post being shown."""
        return self.timeline.posts[min(self.number, len(self.timeline.posts) - 1)]

    def choose(self, post_id: str, action: str | int) -> Outcome | None:
        """Choose ``action`` for the post ``post_id``, as its button does.

        First "share", "check" or "ignore"; after "check", "share" or "ignore" (do not share). The
        choice is stored before anything about the post's truth is shown. A choice for another post
        than the one shown, or one that does not fit the stage, is ignored and returns None.
        """
        try:
            index = action_index(action)
        except ValueError:
            return None
        if self.stage not in ("choose", "checking") or post_id != self.current.id:
            return None
        post = self.current
        if self.stage == "choose":
            saved = self._record(post.id, index, post.is_careful(ACTIONS[index]))
            self.outcomes[post.id] = Outcome(index)
            if index == CHECK:
                self.steps = self._steps(post)
                self._saved = saved
                self.stage = "checking"
                self.pending = False
                return self.outcomes[post.id]
        else:
            if index == CHECK:
                return None
            share = index == SHARE
            saved = self._record(f"{post.id}:decide", index, share == post.share_ok) and self._saved
            self.outcomes[post.id] = Outcome(CHECK, share)
        self._feedback(post, self.outcomes[post.id], saved)
        return self.outcomes[post.id]

    def next(self) -> None:
        """Go on to the next post (or to the summary after the last), as the next button does."""
        if self.stage != "feedback":
            return
        if self.number + 1 < len(self.timeline.posts):
            self.number += 1
            self._show_post()
        else:
            self._finish()

    @property
    def class_code(self) -> str:
        """The class the choices are stored under (from the link, else from the browser)."""
        return self.sitting.class_code

    def tally(self) -> Tally:
        """This sitting's choices so far, counted (see ``kit.models.sharing``)."""
        return tally(self.outcomes, self.timeline)

    # --- drawing ---------------------------------------------------------------------------

    def _html(self, text: Text) -> str:
        return text_html(text, self._lang, self._furigana)

    def _show_post(self) -> None:
        post = self.current
        a = post.author
        total = len(self.timeline.posts)
        self.progress = label("tl_progress", self._lang, number=self.number + 1, total=total)
        self.result, self.steps = {}, []
        self.post = {
            "id": post.id,
            "basis": post.basis,
            "author": {
                "name_html": self._html(a.name), "handle": a.handle, "joined_html": self._html(a.joined),
                "followers": f"{a.followers:,}", "official": a.official, "bio_html": self._html(a.bio),
                "initial": a.name.get(self._lang)[:1],
            },
            "time": post.time.get(self._lang),
            "text_html": self._html(post.text),
            "picture": self._picture(post),
            "picture_alt": post.picture_alt.get(self._lang),
            "reposts": "" if post.reposts is None else f"{post.reposts:,}",
            "likes": "" if post.likes is None else f"{post.likes:,}",
        }
        self.stage = "choose"
        self.pending = False

    def _picture(self, post: Post) -> str:
        if post.picture is None:
            return ""
        try:
            data = post.picture.read_bytes()
        except OSError:
            log.warning("picture %s of post %s cannot be read", post.picture, post.id)
            return ""
        mime = _MIME.get(post.picture.suffix.lower(), "application/octet-stream")
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"

    def _steps(self, post: Post) -> list[dict]:
        return [{"kind": s.kind, "label": label(f"tl_step_{s.kind}", self._lang), "found_html": self._html(s.found)}
                for s in post.steps]

    def _feedback(self, post: Post, outcome: Outcome, saved: bool) -> None:
        is_true = post.truth is Truth.TRUE
        if outcome.first == CHECK:
            key = f"tl_verdict_checked_{'share' if outcome.decided_share else 'keep'}"
            good = bool(outcome.decided_share) == is_true
        else:
            key = f"tl_verdict_{ACTIONS[outcome.first]}"
            good = post.is_careful(ACTIONS[outcome.first])
        key += "_true" if is_true else "_untrue"
        self.steps = self._steps(post)
        self.result = {
            "truth": post.truth.value,
            "truth_label": label(f"tl_truth_{post.truth.value}", self._lang),
            "good": good,
            "verdict": label(key, self._lang),
            "first": outcome.first,
            "shared": outcome.shared,
            "explanation_html": self._html(post.explanation),
            "sources": [self._source(fid) for fid in post.sources if fid in self._facts],
            "saved": saved,
            "is_last": self.number == len(self.timeline.posts) - 1,
        }
        self.stage = "feedback"
        self.pending = False

    def _source(self, fact_id: str) -> dict:
        fact = self._facts[fact_id]
        return {"source": fact.source, "as_of": label("as_of", self._lang, date=fact.as_of)}

    def _finish(self) -> None:
        t = self.tally()
        self.summary = {
            "counts": label("tl_summary_counts", self._lang, share=t.first_choices[SHARE],
                            check=t.first_choices[CHECK], ignore=t.first_choices[IGNORE]),
            "untrue": label("tl_summary_untrue", self._lang, shared=t.untrue.shared, total=t.untrue.total),
            "true": label("tl_summary_true", self._lang, shared=t.true.shared, total=t.true.total),
            "share_rate": t.untrue.rate,
        }
        self.stage = "done"

    # --- storing and resuming ---------------------------------------------------------------

    def _record(self, item: str, choice: int, careful: bool) -> bool:
        self.pending = True
        return self.sitting.record(f"timeline:{self.timeline.id}:{item}", (choice,), careful, bank=self._bank)

    def _treat(self, _sitting) -> None:
        """A class experiment's accuracy prompt, for the students in its arm (asked before each sharing choice)."""
        if self.sitting.treatment("accuracy_prompt"):
            self.heading = {**self.heading, "prompt_html": self._html(Text(label("tl_accuracy_prompt", "ja"),
                                                                          label("tl_accuracy_prompt", "en")))}

    def _show_who(self, who: str) -> None:
        self.who = who

    def resume(self, earlier: list[Answer]) -> None:
        """Skip the posts the sitting's browser already finished (after a reload or in a new kernel).

        The sitting calls this once, when the browser first says who is playing (``kit.sitting``).
        """
        self.resumed = True
        from kit.models.sharing import outcomes_from_answers

        done = outcomes_from_answers(earlier, self.timeline).get(self.sitting.session, {})
        if not done:
            return
        self.outcomes.update(done)
        while self.current.id in self.outcomes and self.outcomes[self.current.id].finished:
            if self.number + 1 == len(self.timeline.posts):
                self._finish()
                return
            self.number += 1
        self._show_post()
        outcome = self.outcomes.get(self.current.id)
        if outcome is not None and outcome.first == CHECK:  # checked before the reload, not yet decided
            self.steps, self._saved, self.stage = self._steps(self.current), True, "checking"

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        action = content.get("action")
        if action == "choose":
            self.choose(str(content.get("post", "")), content.get("choice"))
        elif action == "next":
            self.next()
        elif action == "hello":  # only the sitting's first identity is taken (kit.sitting)
            self.sitting.hello(content)
