"""Sizing a school server: memory and start-up time of ``netkit serve --class-size N``.

    python benchmarks/classroom/sizing.py [--students 40] [--lesson misinformation/jh ...]

For each lesson (real lessons from ``lessons/``), starts the server with a pool of N preheated
kernels (forked from the lesson folder's warm parent, as ``netkit serve`` does by default), times
how long until the pool is started and until every kernel is ready (idle: it has run its lesson up
to the student and waits), and sums the PSS of the kernels and of their warm parent, with the
server's own, and the CPU seconds the kernels and their parent used to get ready. Every figure
carries the load average it met (other work on the machine slows the times, not the memory).
Results go to ``sizing.json`` and ``sizing.md``; docs/performance.md's sizing table is built
from them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import HERE, Server, cpu_seconds, memory, wait_idle  # noqa: E402

REPO = HERE.parent.parent
LESSONS = ["misinformation/basics", "defamation/hs"]  # the lightest and the heaviest starter lessons


def measure(lesson: str, students: int, data: Path) -> dict:
    started = time.monotonic()
    server = Server("kit", data, ["--class-size", str(students), "--lesson", lesson], folder=REPO / "lessons")
    try:
        log = Path(server.log.name)
        while f"is filled with {students} kernel" not in log.read_text(encoding="utf-8", errors="replace"):
            if time.monotonic() - started > 900:
                raise RuntimeError(f"the pool of {lesson} did not fill")
            time.sleep(0.5)
        filled = time.monotonic() - started
        wait_idle(server, limit=900)
        ready = time.monotonic() - started - 3  # wait_idle saw 3 quiet seconds
        pids, parents = sorted(server.kernels()), sorted(server.zygotes())
        kernels = [memory(pid) for pid in pids]
        parents_pss = sum(memory(pid)["pss"] for pid in parents)
        cpu = cpu_seconds(pids) + cpu_seconds(parents)
        return {
            "lesson": lesson, "students": students, "kernels": len(kernels), "warm_parents": len(parents),
            "pool_started_s": round(filled, 1), "ready_s": round(ready, 1), "load_average": os.getloadavg()[0],
            "kernels_pss_mb": round(sum(k["pss"] for k in kernels)), "warm_parents_pss_mb": round(parents_pss, 1),
            "total_pss_mb": round(sum(k["pss"] for k in kernels) + parents_pss),
            "cpu_s_each": round(cpu / max(1, len(kernels)), 3),
            "kernel_rss_mb_each": round(sum(k["rss"] for k in kernels) / max(1, len(kernels)), 1),
            "kernel_pss_mb_each": round(sum(k["pss"] for k in kernels) / max(1, len(kernels)), 1),
            "server_pss_mb": memory(server.proc.pid)["pss"],
        }
    finally:
        server.stop()


def markdown(results: list[dict]) -> str:
    lines = ["| lesson | preheated kernels | kernels + warm parent, PSS (MB) | each: RSS / PSS (MB) | server PSS (MB) "
             "| CPU s per kernel to ready | pool started (s) | all ready (s) | load average |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        lines.append(f"| {r['lesson']} | {r['kernels']} | {r['kernels_pss_mb']} + {r['warm_parents_pss_mb']} = "
                     f"{r['total_pss_mb']} | {r['kernel_rss_mb_each']} / {r['kernel_pss_mb_each']} | {r['server_pss_mb']} "
                     f"| {r['cpu_s_each']} | {r['pool_started_s']} | {r['ready_s']} | {r['load_average']:.1f} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--lesson", action="append", help="lesson under lessons/ (repeatable)")
    parser.add_argument("--out", default=str(HERE.parent / "results"))
    args = parser.parse_args()
    out = Path(args.out)
    data = out / "run-data"
    data.mkdir(parents=True, exist_ok=True)
    results = [measure(lesson, args.students, data) for lesson in args.lesson or LESSONS]
    (out / "sizing.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    (out / "sizing.md").write_text(markdown(results))
    print(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
