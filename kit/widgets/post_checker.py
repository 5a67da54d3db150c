"""PostChecker (送る前に、ちょっと待って): a student writes a post and sees, kindly, what could hurt.

The browser sends the text to the kernel only when the student presses the button; the text is
never a synced trait and is not stored unless the teacher turns ``store_text`` on. What is always
recorded (before the result is shown) is that a check happened and which kinds of problem it
found, as a practice ``Answer`` with item ``postchecker:<n>``. A gentle note about jokes between
friends (mild words in a plainly friendly post) is not a flag: it is recorded as nothing found.
``check(text)`` does in code what the button does, so tests need no browser.
"""

from __future__ import annotations

import logging
import re

import traitlets

from kit.content.lexicon import CATEGORIES, Lexicon
from kit.content.text import Text
from kit.models.post_tone import MAX_LENGTH, Analyser, Check, PostTone
from kit.sitting import Sitting
from kit.text.ui import label, labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._render import text_html

log = logging.getLogger(__name__)


def warm() -> None:
    """Load the Japanese dictionary and the classifier now (``kit.warmup`` calls this in a preheated kernel)."""
    from kit.models.post_classifier import shipped_classifier
    from kit.text.morph import warm as load_dictionary

    load_dictionary()
    shipped_classifier()


# Why a note is only a note: (spoken to a friend, doubted by the learned judge) -> the line before the words it names
_NOTE_WORDS = {(False, False): "pc_teasing_words", (True, False): "pc_banter_words", (False, True): "pc_doubt_words"}
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class PostChecker(KitWidget):
    """A text box, a check button, and per flagged word: a highlight, why, and a kinder wording."""

    _esm = traitlets.Unicode(asset("post_checker.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("post_checker.css")).tag(sync=True)
    # with readings when the lesson has furigana: the button and every sentence drawn as text (not the placeholder)
    RUBY_LABELS = ('pc_button', 'pc_title', 'pc_lead', 'pc_private', 'pc_stored', 'pc_note', 'pc_suggestion', 'pc_why',
                   'pc_masked', 'not_saved')

    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    max_length = traitlets.Int(MAX_LENGTH, help="Longest post the checker reads, in characters.").tag(sync=True)
    store_text = traitlets.Bool(False, help="Whether checked posts are kept in the results store (teacher's choice).").tag(sync=True)
    result = traitlets.Dict(help="Empty until checked; then the verdict, the post cut into highlighted pieces and one card per flag.").tag(sync=True)
    pending = traitlets.Bool(False, help="True while the kernel checks a post.").tag(sync=True)
    checks = traitlets.Int(0, help="How many posts this student has checked.").tag(sync=True)

    def __init__(self, lexicon: Lexicon, *, analyser: Analyser | None = None, lang: str = "ja", furigana: bool = False,
                 store_text: bool = False, sitting: Sitting | None = None, bank: str = "", **kwargs):
        super().__init__(**kwargs)
        self.checker = PostTone(lexicon, analyser)
        self._lang, self._furigana = lang, furigana
        self._bank = bank
        self.sitting = sitting or Sitting()
        self.store_text = bool(store_text and self.sitting.keeps_answers)
        self.labels = labels(lang, ruby=self.RUBY_LABELS if furigana else ())
        self.last: Check | None = None
        self.on_msg(self._on_browser_message)

    def check(self, text: str) -> Check:
        """Check ``text`` as the button does: record that a check happened, then show the result.

        Direction controls (U+202E and the like) are taken out first: the feedback shows the post again, and one
        of them would turn the highlights and the text after it around, as nicknames are cleaned of them.
        """
        text = BIDI_CONTROLS.sub("", "" if text is None else str(text))
        try:
            found = self.checker.check(text)
        except Exception:  # an analyser failure must not show a traceback to a student
            log.exception("post checker failed")
            self.pending = False
            self.result = {"state": "error", "message": label("pc_error", self._lang)}
            return Check(text)
        if found.too_long or found.empty:
            self.last = found
            key = "pc_too_long" if found.too_long else "pc_empty"
            self.result = {"state": "refused", "message": label(key, self._lang, max=MAX_LENGTH, length=len(text))}
            self.pending = False
            return found
        self.checks += 1
        saved = self._record(found)  # stored first, then shown
        self.last = found
        self.result = self._view(found, saved)
        self.pending = False
        return found

    def clear(self) -> None:
        """Forget the last result (the student starts a new post)."""
        self.last = None
        self.result = {}

    def _record(self, found: Check) -> bool:
        item = f"postchecker:{self.checks}"
        response = tuple(CATEGORIES.index(c) for c in found.categories)
        saved = self.sitting.record(item, response, found.ok, bank=self._bank)
        if saved and self.store_text:  # the teacher's choice: the text too, kept apart from the answers
            saved = self.sitting.record_post(item, found.text, found.categories)
        return saved

    def _html(self, value: str | Text) -> str:
        return text_html(value if isinstance(value, Text) else Text(value, value), self._lang, self._furigana)

    def _view(self, found: Check, saved: bool) -> dict:
        cats = self.checker.lexicon.categories
        pieces, at = [], 0
        soft = found.noted  # listed words in a post not judged hurtful (a joke, banter): soft marks, a note, no cards
        flags = sorted(found.softened if soft else found.flags, key=lambda f: (f.start, -f.end))
        marks = []  # non-overlapping highlights, each naming every flag it covers
        for number, f in enumerate(flags):
            if marks and f.start < marks[-1]["end"]:
                marks[-1]["end"] = max(marks[-1]["end"], f.end)
                marks[-1]["flags"].append(number)
            else:
                marks.append({"start": f.start, "end": f.end, "flags": [number]})
        for m in marks:
            if m["start"] > at:
                pieces.append({"text": found.text[at:m["start"]]})
            piece = {"text": found.text[m["start"]:m["end"]]}
            piece.update({"soft": True} if soft else {"flags": m["flags"], "category": flags[m["flags"][0]].category})
            pieces.append(piece)
            at = m["end"]
        if at < len(found.text):
            pieces.append({"text": found.text[at:]})
        verdict = ("pc_doubt" if found.doubted else "pc_teasing") if soft else "pc_ok" if found.ok else "pc_found"
        # a note names the listed words it softened; the classifier's likeness is a sentence, not a word to name
        words = list(dict.fromkeys(f.text for f in flags if f.entry != "learned")) if soft else []
        return {
            "state": "checked",
            "ok": found.ok,
            "noted": soft,
            "saved": saved,
            "number": self.checks,
            "pieces": pieces,
            "flags": [] if soft else [
                {"category": f.category, "label_html": self._html(cats[f.category].label), "word": f.text,
                 "why_html": self._html(f.why), "suggestion_html": self._html(f.suggestion), "severity": f.severity}
                for f in flags
            ],
            "masked": found.masked() if "personal_info" in found.categories else "",
            "verdict_html": self._html(label(verdict, self._lang, count=len(flags))),
            "words": words,  # the student's text: shown as text
            "words_html": self._html(label(_NOTE_WORDS[(found.spoken_to, found.doubted)], self._lang))
            if words else "",
        }

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        if content.get("action") == "check":
            self.check(str(content.get("text", ""))[: MAX_LENGTH * 4])
        elif content.get("action") == "clear":
            self.clear()
        elif content.get("action") == "hello":  # only the sitting's first identity is taken (kit.sitting)
            self.sitting.hello(content)
