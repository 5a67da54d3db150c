"""The labs' pacer (kit.widgets._pacing): a burst of requests becomes the latest one, each key in the order last asked.

A student's script can queue thousands of heavy lab runs; a request not yet run is replaced by a later
one. The served flood is tests/security/test_kernel_flood.py.
"""

from __future__ import annotations

import asyncio
import threading
import time

from kit.widgets._pacing import Pacer

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
