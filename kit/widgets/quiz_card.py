"""QuizCard shows one question; Quiz shows a sequence of them with progress and a summary.

Grading happens in the kernel (``kit.models.grading``): the browser receives the question
without its answer, sends back the student's response, and gets the feedback only after the
answer has been stored through the student's sitting (``kit.sitting``). ``submit()`` and ``next()``
do in code what the buttons do, so tests need no browser.

A quiz on matched forms shows no question until the student is known: a card with no question
says 「準備中…」 (and sends the page's ``hello``), and the questions of the student's own form come
once their order is read (``Sitting.assigned``). A card only stores an answer to a question of its
quiz's form, so no message, late or forged, can store an answer to the other form's question.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable

import ipywidgets as ipw
import traitlets

from kit.content.forms import FORMS_DESIGN, form_for, forms, orders
from kit.content.quiz import Question, QuestionType, QuizBank
from kit.models.grading import Grade, ResponseError, grade
from kit.sitting import Sitting
from kit.store.records import Answer
from kit.text.ui import RUBY, label, labels, ruby_map
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._render import text_html

log = logging.getLogger(__name__)


class QuizCard(KitWidget):
    """One question with its choices; after an answer, the feedback and the explanation."""

    _esm = traitlets.Unicode(asset("quiz_card.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("quiz_card.css")).tag(sync=True)
    # with readings when the lesson has furigana: the buttons, the hint under a question, the verdict and its words
    RUBY_LABELS = ('submit', 'next', 'finish', 'choose_one', 'choose_many', 'choose_truefalse', 'put_in_order', 'correct',
                   'incorrect', 'correct_answer', 'explanation', 'pick_first', 'preparing', 'not_saved', 'move_up', 'move_down')

    question = traitlets.Dict(help="The question as the browser shows it: text, choices, no answer.").tag(sync=True)
    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    progress = traitlets.Unicode("", help="Progress line, e.g. '2 / 6 問目'.").tag(sync=True)
    who = traitlets.Unicode("", help="Class and nickname the answers are stored under, shown as plain text.").tag(sync=True)
    result = traitlets.Dict(help="Empty until answered; then the verdict, feedback and explanation.").tag(sync=True)
    pending = traitlets.Bool(False, help="True while the kernel grades and stores a response.").tag(sync=True)
    show_next = traitlets.Bool(False, help="Whether to offer a next button after answering.").tag(sync=True)
    is_last = traitlets.Bool(False, help="Whether this is the last question of its quiz.").tag(sync=True)

    def __init__(self, question: Question | None, *, lang: str = "ja", furigana: bool = False, phase: str = "practice",
                 seed: int = 0, progress: str = "", sitting: Sitting | None = None, bank: str = "",
                 accepts: Callable[[Question], bool] | None = None, **kwargs):
        super().__init__(**kwargs)
        self._q = question
        self._lang, self._furigana = lang, furigana
        self._phase, self._bank = phase, bank
        self._accepts = accepts  # whether its quiz still shows this question (None: always)
        self.sitting = sitting or Sitting()
        self._next_handlers: list[Callable[[QuizCard], None]] = []
        self.grade: Grade | None = None
        self.labels = labels(lang, ruby=self.RUBY_LABELS if furigana else ())
        if furigana and lang == "ja" and progress:  # 「2 / 6 問目」 over the question, with its readings too
            self.labels = {**self.labels, RUBY: {**self.labels.get(RUBY, {}), **ruby_map([progress])}}
        self.progress = progress
        self.sitting.join(self._show_who)
        self.question = self._view(seed)
        self.on_msg(self._on_browser_message)

    @property
    def question_id(self) -> str:
        """The id of the question shown ("" on a card that waits for the student's form)."""
        return self._q.id if self._q is not None else ""

    def _html(self, text) -> str:
        return text_html(text, self._lang, self._furigana)

    def _view(self, seed: int) -> dict:
        if self._q is None:
            return {}
        indices = list(range(len(self._q.choices)))
        if self._q.type is QuestionType.ORDER:
            rng = random.Random(f"{self._q.id}:{seed}")
            while tuple(indices) == self._q.answer:
                rng.shuffle(indices)
        return {
            "id": self._q.id,
            "type": self._q.type.value,
            "text_html": self._html(self._q.text),
            "choices": [
                {"index": i, "html": self._html(self._q.choices[i].text), "plain": self._q.choices[i].text.get(self._lang)}
                for i in indices
            ],
        }

    def submit(self, response) -> Grade | None:
        """Answer with choice indices (for order questions: the sequence), as the button does.

        The answer is graded, recorded, and only then shown. A second answer is ignored; a response
        that is not a possible answer is refused with a message and changes nothing.
        """
        if self.grade is not None:
            return self.grade
        if self._q is None or (self._accepts is not None and not self._accepts(self._q)):
            log.warning("an answer to %s came for a question its quiz does not show: not stored", self.question_id or "no question")
            self.pending = False
            return None
        try:
            verdict = grade(self._q, response)
        except ResponseError:
            self.pending = False
            return None
        saved = self.sitting.record(self._q.id, verdict.response, verdict.correct, phase=self._phase, bank=self._bank)
        self._show(verdict, saved=saved)  # stored first, then shown
        return verdict

    def _show(self, verdict: Grade, saved: bool) -> None:
        self.grade = verdict
        self.result = {
            "correct": verdict.correct,
            "response": list(verdict.response),
            "feedback": [{"index": i, "html": self._html(fb)} for i, fb in verdict.feedback],
            "correct_choices": list(verdict.correct_choices),
            "explanation_html": self._html(verdict.explanation),
            "saved": saved,
        }
        self.pending = False

    def restore(self, answer: Answer) -> None:
        """Show an answer stored earlier (after a reload or a new kernel) without storing it again."""
        if self.grade is not None or self._q is None:
            return
        try:
            self._show(grade(self._q, answer.response), saved=True)
        except ResponseError:  # the question changed since: let the student answer it again
            log.warning("stored answer to %s no longer fits the question", self._q.id)

    def _show_who(self, who: str) -> None:
        self.who = who

    def on_next(self, handler: Callable[[QuizCard], None]) -> None:
        """Call ``handler(card)`` when the student asks for the next question."""
        self._next_handlers.append(handler)

    def next(self) -> None:
        """Go on to the next question, as the next button does (only once answered)."""
        if self.grade is None:
            return
        for handler in self._next_handlers:
            handler(self)

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        if content.get("action") == "submit":
            self.submit(content.get("response"))
        elif content.get("action") == "next":
            self.next()
        elif content.get("action") == "hello":  # only the sitting's first identity is taken (kit.sitting)
            self.sitting.hello(content)


class QuizSummary(KitWidget):
    """The end of a quiz: the score, and the questions missed, to look at again."""

    _esm = traitlets.Unicode(asset("quiz_summary.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("quiz_summary.css")).tag(sync=True)

    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    score = traitlets.Unicode("", help="The score line, e.g. '4問中 3問 正解'.").tag(sync=True)
    review = traitlets.List(traitlets.Unicode(), help="The text of each question answered wrongly.").tag(sync=True)

    def __init__(self, *, lang: str = "ja", **kwargs):
        super().__init__(**kwargs)
        self._lang = lang
        self.labels = labels(lang)

    def show(self, *, correct: int, total: int, review: list[str]) -> None:
        """Fill in the score and the questions to look at again."""
        self.review = review
        self.score = label("summary_score", self._lang, total=total, correct=correct)


class Quiz(ipw.VBox):
    """A sequence of QuizCards: one at a time, with progress, then a summary of the sitting.

    A card is built when it is first shown, so a page starts with one widget's worth of state to
    send to the browser rather than the whole quiz's.
    """

    number = traitlets.Int(0, help="Index of the question being shown (0-based).")
    finished = traitlets.Bool(False, help="True once the summary is shown.")

    form = traitlets.Unicode("", help="The matched form being shown (A, B, …; kit.content.forms), '' for a bank without forms or until the student is known.")

    def __init__(self, bank: QuizBank, *, lang: str = "ja", furigana: bool = False, phase: str = "practice",
                 seed: int = 0, sitting: Sitting | None = None, file: str = "", **kwargs):
        super().__init__(**kwargs)
        self.add_class("nk-quiz")
        self._forms = forms(bank.questions)
        self.whole = bank
        if self._forms:  # no question until the student is known; then their own form (``resume``)
            bank = QuizBank(bank.file, ())
        self.bank = bank
        self._lang, self._furigana, self._seed = lang, furigana, seed
        self._phase, self._file = phase, file
        self.sitting = sitting or Sitting()
        self._built: dict[int, QuizCard] = {}
        self.resumed = False
        self.summary = QuizSummary(lang=lang)
        if self._forms:
            self.waiting = QuizCard(None, lang=lang, furigana=furigana, sitting=self.sitting)  # 「準備中…」, says hello
            self.children = [self.waiting]
        else:
            self.children = [self.card(0)] if bank.questions else []
        self.sitting.join(lambda _who: None, restore=self.resume)

    def card(self, index: int) -> QuizCard:
        """The card of question ``index``, built the first time it is asked for."""
        if index not in self._built:
            total = len(self.bank.questions)
            card = QuizCard(self.bank.questions[index], lang=self._lang, furigana=self._furigana, phase=self._phase,
                            seed=self._seed, progress=label("progress", self._lang, number=index + 1, total=total),
                            sitting=self.sitting, bank=self._file, accepts=self._shows)
            card.show_next = True
            card.is_last = index == total - 1
            card.on_next(self._advance)
            self._built[index] = card
        return self._built[index]

    def _shows(self, question: Question) -> bool:
        """Whether ``question`` is one this quiz shows now (of the student's form, once it is known)."""
        return any(question is q for q in self.bank.questions)

    @property
    def cards(self) -> list[QuizCard]:
        """The cards built so far, in question order."""
        return [self._built[i] for i in sorted(self._built)]

    @property
    def current(self) -> QuizCard:
        """The card being shown (the waiting card until the student's form is known)."""
        if self._forms and not self.form:
            return self.waiting
        return self.card(self.number)

    def submit(self, response) -> Grade | None:
        """Answer the current question, as its button does."""
        return self.current.submit(response)

    def next(self) -> None:
        """Go on from the current (answered) question, as its next button does."""
        self.current.next()

    def resume(self, earlier: list[Answer]) -> None:
        """Show what the sitting's browser answered before (after a reload or in a new kernel), and go on.

        The sitting calls this once, when the browser first says who is answering (``kit.sitting``).
        """
        self.resumed = True
        self._take_form()
        first = {}
        for answer in earlier:
            if answer.phase == self._phase and answer.bank in ("", self._file):  # "": stored before banks were kept
                first.setdefault(answer.item, answer)
        for index, question in enumerate(self.bank.questions):
            if question.id in first:
                self.card(index).restore(first[question.id])
        while not self.finished and self.current.grade is not None:
            self._advance(self.current)

    def _take_form(self) -> None:
        """Show the form this student takes in this phase: their order of forms is kept per lesson (``Sitting.assigned``)."""
        if not self._forms:
            return
        order = self.sitting.assigned(FORMS_DESIGN, orders(self._forms))
        form = form_for(order, self._phase)
        if form not in self._forms:
            form = next(iter(self._forms))
        if form == self.form:
            return
        self.form, self.bank = form, QuizBank(self.whole.file, self._forms[form])
        self._built, self.number = {}, 0
        self.children = [self.card(0)]

    def _advance(self, card: QuizCard) -> None:
        if card is not self.current:
            return
        if self.number + 1 < len(self.bank.questions):
            self.number += 1
            self.children = [self.current]
        else:
            self._finish()

    def _finish(self) -> None:
        graded = [c for c in self.cards if c.grade is not None]
        self.summary.show(correct=sum(c.grade.correct for c in graded), total=len(self.bank.questions),
                          review=[c._q.text.get(self._lang) for c in graded if not c.grade.correct])
        self.finished = True
        self.children = [self.summary]

    @property
    def score(self) -> tuple[int, int]:
        """(correct answers, questions) so far."""
        return sum(bool(c.grade and c.grade.correct) for c in self.cards), len(self.bank.questions)
