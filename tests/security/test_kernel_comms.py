"""A student's websocket cannot make the kernel build widgets, nor read a traceback, and kernels are capped.

Found: the browser could open any widget comm (``comm_open`` on ``jupyter.widget`` builds whatever
ipywidgets model the message names; 60 large ones took a kernel from 104 MB to 631 MB), a failed
``comm_open`` sent a traceback with the server's paths to the page, and kernels had no memory or CPU
cap. Now lesson kernels are ``kit.kernel``'s student kernel. These tests talk to a served lesson's
kernel over its websocket, as a student's script would.
"""

from __future__ import annotations

import re

import pytest

from kit.serve.kernelspec import DEFAULT_CPU_SECONDS, DEFAULT_MEMORY_MB
from tests.security.lesson_tab import LessonTab, kernel_pid, limits

LESSON = "misinformation/hs.ipynb"  # the heaviest lesson: timeline, spread lab, cascade lab
PATHS = re.compile(r"Traceback|site-packages|/work/|/home/|/usr/|/tmp/|\.py[\"', :]|File \"")


@pytest.fixture
def tab(served):
    """A student's tab on the heaviest lesson, driven by the student's own script (``served``: conftest)."""
    lesson = LessonTab(served.url, LESSON, "class=3-1&name=kodama")
    yield lesson
    lesson.close()


def textarea(size: int) -> dict:
    return {"state": {"_model_module": "@jupyter-widgets/controls", "_model_module_version": "2.0.0",
                      "_model_name": "TextareaModel", "_view_module": "@jupyter-widgets/controls",
                      "_view_module_version": "2.0.0", "_view_name": "TextareaView", "value": "x" * size},
            "buffer_paths": []}


def test_the_browser_cannot_create_widgets_in_the_kernel(tab):
    before = tab.widget_states()
    forged = [tab.comm_open("jupyter.widget", textarea(1_000_000)) for _ in range(10)]
    forged.append(tab.comm_open("anything.else", {"x": 1}))
    for comm_id in forged:  # each is closed at once, so the page's promise settles
        tab.wait_for(lambda m, c=comm_id: m["header"]["msg_type"] == "comm_close" and m["content"]["comm_id"] == c)
    after = tab.widget_states()  # the widget manager's own comm still works
    assert set(after) == set(before) and not set(forged) & set(after)
    reply = tab.reply_to(tab.send("comm_info_request", {}))
    assert not set(forged) & set(reply["content"]["comms"])
    assert not any(m["header"]["msg_type"] == "comm_msg" and m["content"].get("comm_id") in forged
                   for m in tab.seen), "the kernel answered a forged widget as its own"


def test_failed_comm_messages_send_no_traceback_to_the_page(tab):
    quiz = tab.component("question", "result")
    start = len(tab.seen)
    tab.comm_open("jupyter.widget.control", {}, version="99.0.0")  # the handler raises: wrong version
    tab.comm_open("jupyter.widget", {"state": {"_model_module": "nope"}})
    tab.comm_open("jupyter.widget", "not a dict")
    tab.comm_msg(quiz, {"method": "update", "state": {"question": 5, "pending": "x"}})  # trait errors
    tab.comm_msg(quiz, {"method": "no-such-method"})
    tab.custom(quiz, {"action": "submit", "response": {"a": [1]}})
    tab.comm_msg("0" * 32, {"method": "custom", "content": {}})  # no such comm
    assert tab.alive()
    for m in tab.seen[start:]:
        if m["header"]["msg_type"] != "kernel_info_reply":  # names the kernel's help links, no paths
            assert not PATHS.search(str(m["content"])), m
        if m["header"]["msg_type"] == "error":
            assert m["content"]["traceback"] == [] and m["content"]["evalue"] == ""
        if m["header"]["msg_type"] == "stream":
            assert m["content"]["name"] != "stderr", m["content"]["text"][:200]


def test_every_lesson_kernel_is_capped_in_memory_and_cpu_time(served, tab):
    caps = limits(kernel_pid(served, tab.kernel_id))
    assert caps["Max data size"] == str(DEFAULT_MEMORY_MB * 1024 * 1024)
    assert caps["Max cpu time"] == str(DEFAULT_CPU_SECONDS)


def test_asking_for_every_widget_s_state_again_and_again_gets_a_few_answers(tab):
    """Each answer carries every widget's whole state (about a megabyte): a page asks once."""
    control = tab.comm_open("jupyter.widget.control", {}, version="1.0.0")
    for _ in range(300):
        tab.comm_msg(control, {"method": "request_states"})
    assert tab.alive()
    answers = [m for m in tab.seen if m["header"]["msg_type"] == "comm_msg" and m["content"].get("comm_id") == control]
    assert 1 <= len(answers) <= 4
    opened = [tab.comm_open("jupyter.widget.control", {}, version="1.0.0") for _ in range(10)]
    closed = {m["content"]["comm_id"] for m in tab.receive(5) if m["header"]["msg_type"] == "comm_close"}
    assert len(set(opened) & closed) >= 10 - 3  # four control comms a kernel: the one above and three more


def test_a_malformed_frame_is_dropped_with_one_line_not_a_traceback_in_the_teachers_terminal(served, tab):
    """Jupyter Server let a frame's parse error escape: Tornado printed a 20-line traceback in the teacher's
    terminal and closed the socket, once for every try of a student's script."""
    before = len(served.output())
    tab.ws.send("{not json")
    tab.ws.send(b"\x00\x00\x00\x05garbage")
    tab.ws.send('{"channel": "shell"}')  # JSON, but no header
    assert tab.alive(), "the student's own tab stops working"
    printed = served.output()[before:]
    assert "Traceback" not in printed and "Uncaught exception" not in printed, printed[-2000:]
    assert printed.count("dropped a malformed message") == 3, printed[-2000:]
