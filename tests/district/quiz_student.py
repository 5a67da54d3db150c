"""A student who takes a quiz over HTTP and the kernel's websocket, and goes on elsewhere when their server dies.

Like a browser, the student keeps one token for the whole lesson (the page keeps it in localStorage,
one origin for every instance behind the hub's proxy), opens the class's link through ``netkit
route``, says hello with the token, answers the question the quiz shows, and notes each answer whose
feedback came back stored (acknowledged). When the websocket or the page fails (their instance was
killed), they open the same link again: the router sends them to a live instance, the quiz there
restores their stored answers, and they answer only what it still asks.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field

from websockets.exceptions import ConnectionClosed

from tests.security.lesson_tab import LessonTab

LESSON = "quiz/quiz.ipynb"


@dataclass
class QuizStudent:
    router: str  # the router's URL: http://127.0.0.1:PORT/services/netkit/
    class_code: str
    name: str
    token: str = field(default_factory=lambda: uuid.uuid4().hex)
    acknowledged: list[str] = field(default_factory=list)  # items whose stored feedback came back
    instances: list[str] = field(default_factory=list)  # where each opening of the lesson was served
    resumed_at: list[int] = field(default_factory=list)  # answers the quiz restored after each reopening
    error: str = ""

    def take(self, pause_after: int = 0, go_on: threading.Event | None = None, deadline: float = 600) -> None:
        """Answer every question; after ``pause_after`` acknowledged answers wait for ``go_on``."""
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            try:
                if self._sitting(pause_after, go_on):
                    return
            except (OSError, ConnectionClosed, AttributeError) as failure:  # the server died under us: open the link again
                self.error = f"{type(failure).__name__}: {failure}"  # (AttributeError: a page with no lesson in it)
                time.sleep(0.5)
            except Exception as failure:  # a reply that never came is a failure, not a reason to start over
                self.error = f"{type(failure).__name__}: {failure}"
                raise
        raise AssertionError(f"{self.name} did not finish within {deadline} s ({self.error})")

    def _sitting(self, pause_after: int, go_on: threading.Event | None) -> bool:
        tab = LessonTab(self.router, LESSON, f"class={self.class_code}&name={self.name}")
        self.instances.append(tab.base_url)
        try:
            card = tab.component("question", "result")
            tab.custom(card, {"action": "hello", "session": self.token, "class_code": "", "student": ""})
            states = tab.widget_states()
            self.resumed_at.append(sum(1 for s in states.values() if "question" in s and s.get("result")))
            while True:
                current = [(cid, s) for cid, s in states.items() if "question" in s and not s.get("result")]
                if not current:
                    return True  # every question answered: the summary shows
                comm, state = current[0]
                if go_on is not None and len(self.acknowledged) >= pause_after:
                    go_on.wait()
                    go_on = None
                tab.custom(comm, {"action": "submit", "response": [0]})
                shown = tab.wait_for(lambda m, c=comm: m["header"]["msg_type"] == "comm_msg"
                                     and m["content"].get("comm_id") == c
                                     and m["content"]["data"].get("state", {}).get("result"), deadline=120)
                states[comm] = {**state, "result": shown["content"]["data"]["state"]["result"]}
                if shown["content"]["data"]["state"]["result"].get("saved"):
                    self.acknowledged.append(state["question"]["id"])
                tab.custom(comm, {"action": "next"})
                # The next card arrives as a new widget (comm_open), or the summary gets its score: a page
                # asks for every widget's state once (the kernel answers few such requests, kit/kernel.py).
                after = tab.wait_for(lambda m: _new_card(m, states) or _summary_shown(m), deadline=120)
                if _summary_shown(after):
                    return True
                cid, new = after["content"]["comm_id"], dict(after["content"]["data"]["state"])
                if not new.get("question"):  # a widget opens with its defaults; the question follows as an update
                    update = tab.wait_for(lambda m, c=cid: m["header"]["msg_type"] == "comm_msg"
                                          and m["content"].get("comm_id") == c
                                          and m["content"]["data"].get("state", {}).get("question"), deadline=120)
                    new.update(update["content"]["data"]["state"])
                states[cid] = new
        finally:
            try:
                tab.ws.close()
            except Exception:  # already gone with its server
                pass


def _new_card(message: dict, known: dict) -> bool:
    content = message.get("content", {})
    return (message["header"]["msg_type"] == "comm_open" and content.get("comm_id") not in known
            and "question" in content.get("data", {}).get("state", {}))


def _summary_shown(message: dict) -> bool:
    return message["header"]["msg_type"] == "comm_msg" and bool(message["content"].get("data", {}).get("state", {}).get("score"))
