"""Thousands of queued lab runs from one tab: the kernel runs only the latest, and stays responsive.

Found: about 10,000 queued ``run`` messages to one lab kept a core busy for 45 minutes (each cascade
experiment costs about a quarter of a second). Now a lab hands heavy work to ``kit.widgets._pacing``:
a request not yet run is replaced by a later one, and after each run the kernel rests as long as it
took. Served: a student's script floods the cascade lab of a served lesson over its websocket.
"""

from __future__ import annotations

import asyncio
import threading
import time

from kit.widgets._pacing import Pacer
from tests.security.lesson_tab import LessonTab

FLOOD = 2000


def in_fresh_thread(work):
    """Run ``work`` in a thread of its own: no event loop of an earlier test (Playwright's sync API keeps
    one marked as running in the main thread for the whole session) can be there."""
    result = {}

    def run():
        try:
            result["value"] = work()
        except BaseException as exc:  # noqa: BLE001 — re-raised in the test's thread
            result["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(120)
    assert not thread.is_alive(), "the pacer's work did not finish in 120 s"
    if "error" in result:
        raise result["error"]
    return result.get("value")


def test_a_burst_of_requests_becomes_the_latest_one():
    pacer, done = Pacer(), []

    async def kernel():
        for i in range(FLOOD):  # messages arrive; the kernel's loop gets a turn between batches of them
            pacer.request("lab", lambda i=i: (time.sleep(0.002), done.append(i)))
            if i % 50 == 0:
                await asyncio.sleep(0)
        while pacer.runs + pacer.replaced < FLOOD:
            await asyncio.sleep(0.01)

    in_fresh_thread(lambda: asyncio.run(asyncio.wait_for(kernel(), 60)))
    assert done[-1] == FLOOD - 1  # what the student asked for last is what the lab shows
    assert len(done) < FLOOD / 10 and pacer.runs + pacer.replaced == FLOOD


def test_separate_keys_each_run_in_the_order_last_asked():
    pacer, done = Pacer(), []

    async def kernel():
        for key in ("set", "defaults", "set"):
            pacer.request(key, lambda key=key: done.append(key))
        while pacer.runs + pacer.replaced < 3:
            await asyncio.sleep(0.01)

    in_fresh_thread(lambda: asyncio.run(asyncio.wait_for(kernel(), 10)))
    assert done == ["defaults", "set"]


def test_without_an_event_loop_work_runs_at_once():
    pacer, done = Pacer(), []
    in_fresh_thread(lambda: pacer.request("lab", lambda: done.append(1)))
    assert done == [1]


def test_flooding_a_served_lab_runs_the_latest_and_the_kernel_keeps_answering(served):
    tab = LessonTab(served.url, "misinformation/hs.ipynb", "class=3-1&name=kodama")
    try:
        lab = tab.component("false_rate", "true_rate", "result_html")
        start = len(tab.seen)
        for i in range(FLOOD):
            tab.custom(lab, {"action": "run", "false_rate": 0.02 + (i % 30) / 100, "true_rate": 0.1})
        tab.custom(lab, {"action": "run", "false_rate": 0.37, "true_rate": 0.1})  # what the student wants last
        assert tab.alive(deadline=300), "the kernel stopped answering"

        def shows_the_last_run(m):
            state = m["content"].get("data", {}).get("state", {}) if m["header"]["msg_type"] == "comm_msg" else {}
            return m["content"].get("comm_id") == lab and state.get("false_rate") == 0.37

        tab.wait_for(shows_the_last_run, deadline=300)
        runs = [m for m in tab.seen[start:] if m["header"]["msg_type"] == "comm_msg"
                and m["content"].get("comm_id") == lab and "result_html" in m["content"]["data"].get("state", {})]
        assert 1 <= len(runs) < FLOOD / 10, len(runs)
    finally:
        tab.close()
