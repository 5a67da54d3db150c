"""DiscernmentFeed: the 見分けるテスト, fictional posts in a feed, each judged 信じる or あやしい.

The pre-test, post-test and delayed test each show one form of a discernment file
(``kit.content.discernment``): matched posts, half true and half false. A judgment is stored through
the sitting (item ``discern:<file id>:<post id>``, response ``(0 信じる | 1 あやしい,)``, correct when
it fits the post's truth, the lesson's phase) before anything about the post's truth is shown, and it
cannot be changed. The browser never holds a post's truth or reason until every post of the form is
judged; then, if the lesson reveals them (after the lesson, not before it), each post's truth and
the clue that shows it, and the student's count. ``judge()`` does what the buttons do. The class's
d′ and c come from these answers on the teacher's page (``kit.analysis.discernment``).

A pre- or post-test names a ``pair`` of forms, declared as the lesson runs it for the first order
(form a before, b after). Like a matched quiz, half the class takes the pair the other way round:
the student's one order of forms in the lesson (``Sitting.assigned``, ``kit.content.forms``)
decides, when they join, which form of the pair they see (``form_in_pair``). Until then the feed
shows no post, only 「準備中…」, and takes no judgment. The stored item names the post, and so the
form shown (``Discernment.form_of``). A test without a pair (the booster's form c) shows its form.
"""

from __future__ import annotations

import traitlets

from kit.content.discernment import Discernment, Judged
from kit.content.forms import FORMS_DESIGN, PAIR_ORDERS, form_in_pair
from kit.sitting import Sitting
from kit.store.records import Answer
from kit.text.ui import label, labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._render import text_html

CHOICES = ("believe", "doubt")  # the recorded response: 0 信じる, 1 あやしい


def choice_index(choice: str | int) -> int:
    """``choice`` ("believe", "doubt" or 0–1) as the recorded response; ValueError otherwise."""
    if isinstance(choice, str) and choice in CHOICES:
        return CHOICES.index(choice)
    if isinstance(choice, int) and not isinstance(choice, bool) and choice in (0, 1):
        return choice
    raise ValueError(f"choice must be one of {CHOICES} or 0-1, not {choice!r}")


def is_right(post: Judged, choice: int) -> bool:
    """Whether judging ``post`` with ``choice`` fits its truth: 信じる a true post, あやしい a false one."""
    return (choice == 0) == post.truth


class DiscernmentFeed(KitWidget):
    """One form of a discernment file as a feed: every post judged once, the truths shown at the end."""

    _esm = traitlets.Unicode(asset("discernment.js", "_post.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("discernment.css", "timeline.css")).tag(sync=True)  # the timeline's post cards
    RUBY_LABELS = ("dc_believe", "dc_doubt")  # shown on buttons: with readings when the lesson has furigana

    heading = traitlets.Dict(help="Title, what to do and the note that everything is made up, as HTML.").tag(sync=True)
    posts = traitlets.List(help="The form's posts as the browser draws them: clues only, no truth.").tag(sync=True)
    judged = traitlets.Dict(help="Post id → the stored choice (0 believe, 1 doubt), once stored.").tag(sync=True)
    result = traitlets.Dict(help="Empty until every post is judged; then the count and, if revealed, each truth.").tag(sync=True)
    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    progress = traitlets.Unicode("", help="How many posts are judged, e.g. '3 / 8 件 判断しました'.").tag(sync=True)
    who = traitlets.Unicode("", help="Class and nickname the judgments are stored under, shown as plain text.").tag(sync=True)
    pending = traitlets.Bool(False, help="True while the kernel stores a judgment.").tag(sync=True)
    unsaved = traitlets.Bool(False, help="True when a judgment could not be stored.").tag(sync=True)
    waiting = traitlets.Bool(False, help="True until the student's form of the pair is known (no posts yet).").tag(sync=True)

    def __init__(self, feed: Discernment, form: str, *, phase: str = "pre", reveal: bool = False, lang: str = "ja",
                 furigana: bool = False, sitting: Sitting | None = None, bank: str = "",
                 pair: tuple[str, str] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.feed, self.declared, self.phase, self.reveal = feed, form, phase, reveal
        self.pair = tuple(pair) if pair and form in pair else None
        for name in self.pair or (form,):
            feed.form(name)  # a form the file does not have: the teacher is told now, not when a student joins
        self.waiting = self.pair is not None
        self.form = "" if self.waiting else form  # the form shown: with a pair, once the student is known
        self.shown: tuple[Judged, ...] = () if self.waiting else feed.form(form)
        self._lang, self._furigana, self._bank = lang, furigana, bank
        self.sitting = sitting or Sitting()
        self.choices: dict[str, int] = {}
        self.labels = labels(lang, ruby=self.RUBY_LABELS if furigana else ())
        self.heading = {"title_html": self._html(feed.title), "intro_html": self._html(feed.intro),
                        "note_html": self._html(feed.note)}
        self.posts = [self._post(p) for p in self.shown]
        self._show_progress()
        self.on_msg(self._on_browser_message)
        self.sitting.join(self._show_who, restore=self.resume)

    # --- what the buttons do --------------------------------------------------------------

    def judge(self, post_id: str, choice: str | int) -> bool | None:
        """Judge the post ``post_id`` as its 信じる / あやしい button does; whether it was stored.

        A post of another form, one already judged, or an unknown choice is ignored (None): the
        first judgment is the one the class's figures count.
        """
        try:
            index = choice_index(choice)
        except ValueError:
            return None
        post = next((p for p in self.shown if p.id == post_id), None)
        if post is None or post.id in self.choices:
            return None
        self.pending = True
        saved = self.sitting.record(self.feed.item(post), (index,), is_right(post, index), phase=self.phase,
                                    bank=self._bank)
        self.choices[post.id] = index
        self.unsaved = self.unsaved or not saved
        self._after_judging()
        return saved

    @property
    def finished(self) -> bool:
        """Whether every post of the form is judged."""
        return len(self.choices) == len(self.shown)

    def score(self) -> tuple[int, int]:
        """How many judgments fit the truth, and how many posts there are."""
        return sum(is_right(p, self.choices[p.id]) for p in self.shown if p.id in self.choices), len(self.shown)

    # --- drawing ---------------------------------------------------------------------------

    def _html(self, text) -> str:
        return text_html(text, self._lang, self._furigana)

    def _post(self, post: Judged) -> dict:
        a = post.author
        return {
            "id": post.id,
            "author": {"name_html": self._html(a.name), "handle": a.handle, "joined_html": self._html(a.joined),
                       "followers": f"{a.followers:,}", "official": a.official, "bio_html": self._html(a.bio),
                       "initial": a.name.get(self._lang)[:1]},
            "time": post.time.get(self._lang),
            "text_html": self._html(post.text),
            "photo_html": self._html(post.photo) if post.photo.ja else "",
            "reposts": "" if post.reposts is None else f"{post.reposts:,}",
            "likes": "" if post.likes is None else f"{post.likes:,}",
        }

    def _show_progress(self) -> None:
        self.progress = label("dc_progress", self._lang, done=len(self.choices), total=len(self.shown))

    def _after_judging(self) -> None:
        self.judged = dict(self.choices)
        self._show_progress()
        if self.finished:
            self._finish()
        self.pending = False

    def _finish(self) -> None:
        right, total = self.score()
        result = {"done": label("dc_done", self._lang), "revealed": self.reveal}
        if not self.reveal:
            result["message"] = label("dc_later", self._lang)
        else:
            result["score"] = label("dc_score", self._lang, right=right, total=total)
            result["posts"] = [{
                "id": p.id, "truth": "true" if p.truth else "false",
                "truth_label": label(f"dc_truth_{'true' if p.truth else 'false'}", self._lang),
                "clue_label": label(f"dc_clue_{p.clue}", self._lang),
                "reason_html": self._html(p.reason), "right": is_right(p, self.choices[p.id]),
                "mine": label(f"dc_{CHOICES[self.choices[p.id]]}", self._lang),
            } for p in self.shown]
        self.result = result

    # --- storing and resuming ---------------------------------------------------------------

    def _show_who(self, who: str) -> None:
        self.who = who

    def _take_form(self) -> None:
        """Show the student's form of the pair: their order of forms in the lesson (``Sitting.assigned``) decides."""
        if not self.waiting:
            return
        order = self.sitting.assigned(FORMS_DESIGN, PAIR_ORDERS)
        self.form = form_in_pair(order, self.pair, self.declared)
        self.shown = self.feed.form(self.form)
        self.posts = [self._post(p) for p in self.shown]
        self._show_progress()
        self.waiting = False

    def resume(self, earlier: list[Answer]) -> None:
        """Take back the judgments this browser already stored in this phase (after a reload or in a new kernel).

        Called once, when the browser says who is playing: the form of a pair is taken first.
        """
        self._take_form()
        items = {self.feed.item(p): p.id for p in self.shown}
        for answer in earlier:
            post_id = items.get(answer.item)
            if post_id is None or answer.phase != self.phase or post_id in self.choices or not answer.response:
                continue
            if answer.response[0] in (0, 1):
                self.choices[post_id] = answer.response[0]
        if self.choices:
            self._after_judging()

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        action = content.get("action")
        if action == "judge":
            self.judge(str(content.get("post", "")), content.get("choice"))
        elif action == "hello":  # only the sitting's first identity is taken (kit.sitting)
            self.sitting.hello(content)
