"""A student's sitting with one lesson: who answers (decided once), what is stored, what was answered before.

A lesson kernel serves one browser tab. The link may name the class and nickname
(``?class=3-1&name=kodama``); the page's components then say who is playing in a ``hello``
message: the browser's token (32 hex characters kept in localStorage) and the join form's class and
nickname. The first such identity is the sitting's for the kernel's lifetime: every component of
the lesson shares one ``Sitting``, so a later, different identity (a student's console sending
``hello`` after ``hello`` to store answers under made-up classes) is ignored and logged. The link's
class and nickname win over the browser's. A sitting may store at most ``max_answers`` answers, a
number far above any lesson's (a base plus ten per answerable item the lesson builds).

``Lesson`` builds one ``Sitting`` per student and hands it to every component it builds. A
component only says what happened: ``hello(message)`` when its page says who is playing,
``record(item, response, correct, bank=…)`` before it shows feedback (while a database restarts it
waits and tries again, at most ``RETRY_SECONDS``; False, logged, when the store failed: the page
says 「保存できませんでした」, never a traceback), and ``join(show_who, restore)`` so
that it shows who answers and, once the browser's identity is known, gets the answers this browser
stored earlier in the lesson under the same class and nickname (after a reload, or in a new kernel)
to continue from: on a shared device the next student's link names another nickname and starts
afresh (the page also makes a new token for them, widgets/_common.js ``identity``). ``assigned(design,
arms)`` is the student's arm of a design — the order of a test's matched forms, a class experiment's
arm — chosen once, when they join, and kept in the store.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store is imported when the first answer comes
    from kit.store.records import Answer

log = logging.getLogger(__name__)

SESSION = re.compile(r"[0-9a-f]{32}")
MAX_IDENTITY_LENGTH = 40
BASE_ANSWERS = 300  # answers any sitting may store (a post checker adds one per check)
ANSWERS_PER_ITEM = 10  # and per answerable item: replays of a role-play or a law walk store again
RETRY_SECONDS = 30.0  # how long an answer waits for a database that restarts (kit.store.StoreUnavailable)
FIRST_WAIT, LONGEST_WAIT = 0.1, 2.0  # seconds between tries: doubled after each, at most the longest


def clean(value) -> str:
    """A class code or nickname as stored: printable characters only, at most 40, trimmed.

    Kept as text: pages escape it when they show it.
    """
    return "".join(ch for ch in str(value) if ch.isprintable())[:MAX_IDENTITY_LENGTH].strip()


def clean_class(value) -> str:
    """A class as typed (link or join form) in its one spelling: 「２年３組」 → ``2-3`` (kit.store.classes)."""
    from kit.store.classes import normalise_class

    return normalise_class(clean(value))


def mine(answers, class_code: str, student: str) -> list:
    """The answers stored under this class and nickname (one browser's token may have served several students)."""
    return [a for a in answers if clean_class(a.class_code) == class_code and clean(a.student) == student]


def is_session(value) -> bool:
    """Whether ``value`` is a browser's token (32 lowercase hex characters)."""
    return isinstance(value, str) and SESSION.fullmatch(value) is not None


class Sitting:
    """One student's sitting in one kernel: token, class and nickname, the answers stored and earlier ones.

    ``store`` is the results store (``record``, ``answers``, ``record_post``); ``open_store`` a function
    that opens it when first needed. With neither, nothing is stored and nothing was answered before.
    """

    def __init__(self, session: str = "", class_code: str = "", student: str = "", *, lesson: str = "",
                 store=None, open_store: Callable[[], object] | None = None):
        self.session = session
        self.class_code = clean_class(class_code)
        self.student = clean(student)
        self.lesson = lesson
        self._linked = {"class_code": self.class_code, "student": self.student}  # the link's identity wins
        self.identified = False  # True once a browser has said who is playing
        self.refused = 0  # later, different identities ignored
        self.max_answers = BASE_ANSWERS
        self.answers = 0  # answers stored in this kernel
        self._listeners: list = []
        self._store, self._open_store = store, open_store
        self.retry_seconds = RETRY_SECONDS
        self._arms: dict[str, str] = {}  # design → arm, once assigned (kit.store.assignments)
        self.experiment = None  # the lesson's class experiment (kit.content.experiment.Experiment), when on
        self.waits = 0  # tries that found the database unavailable and waited (a restart mid-lesson)

    # --- who answers ---------------------------------------------------------------------

    def identity(self) -> dict[str, str]:
        """The fields an ``Answer`` is stored under: session, class_code, student."""
        return {"session": self.session, "class_code": self.class_code, "student": self.student}

    @property
    def who(self) -> str:
        """Class and nickname as the page shows them ("3-1 / kodama")."""
        return " / ".join(v for v in (self.class_code, self.student) if v)

    def identify(self, session, class_code="", student="") -> bool:
        """Take the browser's identity if it is the first one; True if it is (now) the sitting's.

        A token that is not 32 hex characters is ignored. Once identified, the same identity again
        (every component's page says it) is accepted; a different one is ignored and logged.
        """
        if not is_session(session):
            return False
        wanted = {"session": session,
                  "class_code": self._linked["class_code"] or clean_class(class_code),
                  "student": self._linked["student"] or clean(student)}
        if self.identified:
            if wanted == self.identity():
                return True
            self.refused += 1
            if self.refused == 1 or self.refused % 100 == 0:
                log.warning("sitting %s: ignored a second identity from the browser (%d so far)",
                            self.session[:8], self.refused)
            return False
        self.session, self.class_code, self.student = wanted["session"], wanted["class_code"], wanted["student"]
        self.identified = True
        for listener in list(self._listeners):
            listener(self)
        return True

    def hello(self, message: Mapping) -> bool:
        """A component's page said who is playing (``{"session", "class_code", "student"}``): ``identify``."""
        if not isinstance(message, Mapping):
            return False
        return self.identify(message.get("session", ""), message.get("class_code", ""), message.get("student", ""))

    def on_identified(self, listener) -> None:
        """Call ``listener(sitting)`` when the browser's identity is taken."""
        self._listeners.append(listener)

    def join(self, show_who: Callable[[str], None], restore: Callable[[list[Answer]], None] | None = None) -> None:
        """A component of this sitting: ``show_who(who)`` now and once identified; then ``restore(earlier)``.

        ``restore`` gets, once, the answers this browser stored earlier in the lesson (``earlier()``),
        so that the component continues where it was; a failure there is logged, never raised.
        """
        def identified(_sitting) -> None:
            show_who(self.who)
            if restore is not None:
                try:
                    restore(self.earlier())
                except Exception:  # a stored answer the component cannot use must not stop the lesson
                    log.exception("sitting %s: could not continue from earlier answers", self.session[:8])

        show_who(self.who)
        if self.identified:
            identified(self)
        else:
            self.on_identified(identified)

    # --- what is stored ------------------------------------------------------------------

    @property
    def keeps_answers(self) -> bool:
        """Whether this sitting has a results store to keep answers in (without opening it)."""
        return self._store is not None or self._open_store is not None

    @property
    def store(self):
        """The results store (opened when first needed), or None when this sitting stores nothing."""
        if self._store is None and self._open_store is not None:
            self._store = self._open_store()
        return self._store

    def expect(self, items: int) -> None:
        """The lesson built a part with ``items`` answerable items: allow ten answers more for each."""
        self.max_answers += ANSWERS_PER_ITEM * max(0, int(items))

    def may_store(self) -> bool:
        """Count one more answer; False (logged once) when the sitting has stored its maximum."""
        if self.answers >= self.max_answers:
            if self.answers == self.max_answers:
                log.warning("sitting %s stored %d answers, its maximum: later ones are not stored",
                            self.session[:8], self.max_answers)
                self.answers += 1
            return False
        self.answers += 1
        return True

    def record(self, item: str, response, correct: bool, *, phase: str = "practice", bank: str = "") -> bool:
        """Store one answer of this sitting, committed before the component shows its feedback.

        ``bank`` is the content file the item comes from (``quizzes/x.csv``). True when stored (or
        when there is nothing to store it in, or beyond the sitting's maximum, where it is dropped);
        False when the store failed (logged): the component says so instead of showing a traceback.
        """
        if not self.keeps_answers:
            return True
        from kit.store.records import Answer

        # One key per answer: written again after a lost reply (the retry below), it is stored once.
        answer = Answer(lesson=self.lesson, item=item, response=tuple(response), correct=bool(correct), phase=phase,
                        bank=bank, key=uuid.uuid4().hex, **self.identity())
        try:
            if self.may_store():
                self._retrying(lambda: self.store.record(answer))
            return True
        except Exception:  # a full disk or a locked file must not stop the lesson
            log.exception("sitting %s: could not store the answer to %s", self.session[:8], item)
            return False

    def record_post(self, item: str, text: str, categories) -> bool:
        """Keep the text of a checked post (the teacher's ``store_text``), after its answer; False if it failed."""
        if not self.keeps_answers or self.answers > self.max_answers:
            return True  # beyond the maximum its answer was not stored either
        post = dict(lesson=self.lesson, item=item, text=text, categories=",".join(categories), **self.identity())
        try:
            self._retrying(lambda: self.store.record_post(post))
            return True
        except Exception:  # a full disk or a locked file must not stop the lesson
            log.exception("sitting %s: could not keep the post %s", self.session[:8], item)
            return False

    def _retrying(self, write: Callable[[], object]) -> None:
        """``write()``; while the store is unavailable (a database restarting), wait and try again.

        The waits double from a tenth of a second up to two seconds, for at most ``retry_seconds``
        in all: the student sees a short wait, and the error is raised only when the time is up.
        """
        from kit.store.errors import StoreUnavailable

        deadline, pause = time.monotonic() + self.retry_seconds, FIRST_WAIT
        while True:
            try:
                write()
                return
            except StoreUnavailable:
                if time.monotonic() + pause > deadline:
                    raise
                self.waits += 1
                if self.waits == 1 or self.waits % 20 == 0:
                    log.warning("sitting %s: the results database is unavailable, trying again (%d waits so far)",
                                self.session[:8], self.waits)
                time.sleep(pause)
                pause = min(pause * 2, LONGEST_WAIT)

    def earlier(self) -> list[Answer]:
        """The answers this student stored in this lesson before, oldest first ([] when unknown or unreadable).

        This student is the browser's token with this class and nickname: on a shared device (an iPad
        cart) the next student's link names another nickname, and they start afresh instead of
        continuing the previous student's answers (``mine``).
        """
        if not self.identified or not self.keeps_answers:
            return []
        try:
            return mine(self.store.answers(lesson=self.lesson, session=self.session), self.class_code, self.student)
        except Exception:  # a store that cannot be read must not stop the lesson
            log.exception("sitting %s: could not read earlier answers", self.session[:8])
            return []

    def assigned(self, design: str, arms) -> str:
        """This student's arm of ``design`` (the forms' order, an experiment's arm), chosen once and kept.

        Chosen when the browser's identity is known, as the least filled arm of the class
        (``kit.store.assignments``) and stored, so a reload or a new kernel gets the same one; without a
        store, or when it cannot be reached, the same rule with no counts (the token's hash), which is
        stable too. Before the identity is known: the first arm, not kept.
        """
        arms = tuple(arms)
        if not self.identified:
            return arms[0]
        if self._arms.get(design) not in arms:
            from kit.store.assignments import choose_arm

            arm = None
            if self.keeps_answers:
                try:
                    arm = self.store.assign(self.lesson, design, arms, self.session, self.class_code, self.student)
                except Exception:  # a store that cannot be reached must not stop the lesson
                    log.exception("sitting %s: could not read or keep its %s assignment", self.session[:8], design)
            self._arms[design] = arm or choose_arm(arms, {}, self.session, design)
        return self._arms[design]

    def treatment(self, name: str) -> bool:
        """Whether this student gets treatment ``name`` of the lesson's experiment (only once they joined; never told)."""
        experiment = self.experiment
        if experiment is None or not experiment.on or not self.identified or name not in experiment.arm_ids:
            return False
        return self.assigned(experiment.design, experiment.arm_ids) == name

    def class_answers(self) -> list[Answer]:
        """Every answer stored in this lesson by this sitting's class (for the class's share rate)."""
        if not self.keeps_answers:
            return []
        return self.store.answers(lesson=self.lesson, class_code=self.class_code)
