"""Who is answering in one lesson kernel, decided once, and how much that sitting may store.

A lesson kernel serves one browser tab. The link may name the class and nickname
(``?class=3-1&name=kodama``); the page's components then say who is playing in a ``hello``
message: the browser's token (32 hex characters kept in localStorage) and the join form's class and
nickname. The first such identity is the sitting's for the kernel's lifetime: every component of
the lesson shares one ``Sitting``, so a later, different identity (a student's console sending
``hello`` after ``hello`` to store answers under made-up classes) is ignored and logged. The link's
class and nickname win over the browser's. A sitting may store at most ``max_answers`` answers, a
number far above any lesson's (a base plus ten per answerable item the lesson builds).
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

SESSION = re.compile(r"[0-9a-f]{32}")
MAX_IDENTITY_LENGTH = 40
BASE_ANSWERS = 300  # answers any sitting may store (a post checker adds one per check)
ANSWERS_PER_ITEM = 10  # and per answerable item: replays of a role-play or a law walk store again


def clean(value) -> str:
    """A class code or nickname as stored: printable characters only, at most 40, trimmed.

    Kept as text: pages escape it when they show it.
    """
    return "".join(ch for ch in str(value) if ch.isprintable())[:MAX_IDENTITY_LENGTH].strip()


def clean_class(value) -> str:
    """A class as typed (link or join form) in its one spelling: 「２年３組」 → ``2-3`` (kit.store.classes)."""
    from kit.store.classes import normalise_class

    return normalise_class(clean(value))


def is_session(value) -> bool:
    """Whether ``value`` is a browser's token (32 lowercase hex characters)."""
    return isinstance(value, str) and SESSION.fullmatch(value) is not None


class Sitting:
    """One student's sitting in one kernel: token, class and nickname, and the answers stored."""

    def __init__(self, session: str = "", class_code: str = "", student: str = ""):
        self.session = session
        self.class_code = clean_class(class_code)
        self.student = clean(student)
        self._linked = {"class_code": self.class_code, "student": self.student}  # the link's identity wins
        self.identified = False  # True once a browser has said who is playing
        self.refused = 0  # later, different identities ignored
        self.max_answers = BASE_ANSWERS
        self.answers = 0  # answers stored in this kernel
        self._listeners: list = []

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

    def on_identified(self, listener) -> None:
        """Call ``listener(sitting)`` when the browser's identity is taken."""
        self._listeners.append(listener)

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
