"""Thousands of queued lab runs from one tab: the kernel runs only the latest, and stays responsive.

Found: about 10,000 queued ``run`` messages to one lab kept a core busy for 45 minutes (each cascade
experiment costs about a quarter of a second). Now a lab hands heavy work to ``kit.widgets._pacing``:
a request not yet run is replaced by a later one, and after each run the kernel rests as long as it
took. Here a student's script floods the cascade lab of a served lesson over its websocket; the pacer
itself is tested in tests/widgets/test_pacing.py.
"""

from __future__ import annotations

from tests.security.lesson_tab import LessonTab

FLOOD = 2000


def test_flooding_a_served_lab_runs_the_latest_and_the_kernel_keeps_answering(served):
    tab = LessonTab(served.url, "misinformation/hs.ipynb", "class=3-1&name=kodama")
    try:
        lab = tab.component("controls", "result", "pending")  # the cascade lab
        start = len(tab.seen)
        for i in range(FLOOD):
            tab.custom(lab, {"action": "run", "false_rate": 0.02 + (i % 30) / 100, "true_rate": 0.1})
        tab.custom(lab, {"action": "run", "false_rate": 0.37, "true_rate": 0.1})  # what the student wants last
        assert tab.alive(deadline=300), "the kernel stopped answering"

        def shows_the_last_run(m):
            state = m["content"].get("data", {}).get("state", {}) if m["header"]["msg_type"] == "comm_msg" else {}
            return m["content"].get("comm_id") == lab and (state.get("values") or {}).get("false_rate") == 0.37

        tab.wait_for(shows_the_last_run, deadline=300)
        runs = [m for m in tab.seen[start:] if m["header"]["msg_type"] == "comm_msg"
                and m["content"].get("comm_id") == lab and "result" in m["content"]["data"].get("state", {})]
        assert 1 <= len(runs) < FLOOD / 10, len(runs)
    finally:
        tab.close()
