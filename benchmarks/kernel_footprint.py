"""What a played lesson's kernel uses, against the student kernel's caps (kit/kernel.py).

    PYTHONPATH=. python benchmarks/kernel_footprint.py

Serves the checkout on a free loopback port, opens the two heaviest lessons as a student's tab
would (misinformation/hs: timeline, spread lab, cascade lab; defamation/hs: post checker with the
Japanese dictionary, 炎上 lab), plays their labs and the post checker over the kernel's websocket,
then reads each kernel's /proc status (Linux): the data segment (what RLIMIT_DATA caps), resident
memory, threads and CPU seconds (what RLIMIT_CPU caps).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kit.serve.kernelspec import DEFAULT_CPU_SECONDS, DEFAULT_MEMORY_MB  # noqa: E402
from tests.security.lesson_tab import LessonTab, kernel_pid  # noqa: E402
from tests.served import REPO, Server  # noqa: E402


def status(pid: int) -> dict:
    fields = {}
    for line in open(f"/proc/{pid}/status"):
        key, _, value = line.partition(":")
        if key in ("VmData", "VmRSS", "VmHWM", "Threads"):
            fields[key] = int(value.split()[0])
    stat = open(f"/proc/{pid}/stat").read().split()
    fields["cpu_s"] = (int(stat[13]) + int(stat[14])) / os.sysconf("SC_CLK_TCK")
    return fields


def play(tab: LessonTab) -> None:
    for comm_id, state in tab.widget_states().items():
        if "true_rate" in state:
            for i in range(3):
                tab.custom(comm_id, {"action": "run", "false_rate": 0.1 + 0.1 * i, "true_rate": 0.1})
        if "max_length" in state:
            tab.custom(comm_id, {"action": "check", "text": "お前ほんとキモいしウザい、死ねよ。"})
        if "states_with" in state:
            for i in range(3):
                tab.custom(comm_id, {"action": "set", "values": {"share_false": 0.2 + 0.1 * i}})
        if "values" in state and "specs" in state:
            tab.custom(comm_id, {"action": "press"})
    assert tab.alive(300)


def main() -> None:
    data = Path(tempfile.mkdtemp()) / "results"
    data.mkdir()
    server = Server(REPO, data)
    try:
        print(f"caps: data segment {DEFAULT_MEMORY_MB} MB, CPU {DEFAULT_CPU_SECONDS} s")
        for lesson in ("misinformation/hs.ipynb", "defamation/hs.ipynb"):
            tab = LessonTab(server.url, lesson, "class=3-1&name=bench")
            play(tab)
            s = status(kernel_pid(server, tab.kernel_id))
            print(f"{lesson}: data {s['VmData'] // 1024} MB, resident {s['VmRSS'] // 1024} MB "
                  f"(peak {s['VmHWM'] // 1024} MB), {s['Threads']} threads, CPU {s['cpu_s']:.1f} s")
            tab.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
