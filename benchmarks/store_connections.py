"""How many PostgreSQL connections a class of sitting students holds, and what an answer's write costs.

    PYTHONPATH=. python benchmarks/store_connections.py [--students 60] [--seconds 300] [--every 30] [--scale 10]

Each student is a thread with its own store, as each student's kernel has one, and answers at random times (a
Poisson process, one answer every ``--every`` seconds on average). The same students are run with the connection
held for the whole lesson (``NETKIT_STORE_IDLE_S=none``, the kit before), closed after 10 s idle (the default) and
closed after every write (``0``), on a throwaway PostgreSQL server (tests/store/postgres_cluster.py). Time runs
``--scale`` times faster than a lesson (idle times and gaps divided by it), so 300 lesson seconds take 30. The
connections the server holds (pg_stat_activity) are sampled every 0.1 s; the write times are real, not scaled.
Writes ``benchmarks/results/store_connections.{json,md}``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import threading
import time
from pathlib import Path

from kit.store import Answer
from kit.store.postgres import IDLE_CLOSE_S, PostgresStore

RESULTS = Path(__file__).parent / "results"
MODES = (("held for the lesson (before)", None), (f"closed after {IDLE_CLOSE_S:g} s idle (default)", IDLE_CLOSE_S),
         ("closed after every write", 0.0))


def _student(url: str, number: int, idle: float | None, duration: float, every: float, seed: int,
             writes: list[float], start: threading.Barrier, done: threading.Event) -> None:
    rng = random.Random(seed * 1000 + number)
    store = PostgresStore(url, idle_close_s=idle)
    start.wait(60)
    until = time.monotonic() + duration
    n = 0
    while True:
        gap = rng.expovariate(1 / every)
        if time.monotonic() + gap >= until:
            break
        time.sleep(gap)
        t0 = time.perf_counter()
        store.record(Answer("bench", f"q{n % 12}", (n % 4,), n % 3 == 0, "post", f"{number:032d}", str(number), "1-1"))
        writes.append(time.perf_counter() - t0)
        n += 1
    done.wait(120)  # the kernel lives until the lesson's end: a held connection is held until then
    store.close()


def _held(url: str) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        return db.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'netkit'"
                          " AND datname = current_database()").fetchone()[0]


def run_mode(url: str, students: int, seconds: float, every: float, scale: float, idle: float | None,
             seed: int) -> dict:
    """One class of ``students`` for ``seconds`` lesson seconds with one way of holding connections."""
    writes: list[float] = []
    start = threading.Barrier(students + 1)  # every student has opened the store: the clock starts
    done = threading.Event()
    threads = [threading.Thread(target=_student, daemon=True,
                                args=(url, k, None if idle is None else idle / scale, seconds / scale, every / scale,
                                      seed, writes, start, done)) for k in range(students)]
    for t in threads:
        t.start()
    start.wait(60)
    until = time.monotonic() + seconds / scale
    samples = []  # the sampling connection is not the kit's (no application_name 'netkit'): not counted
    while time.monotonic() < until:
        samples.append(_held(url))
        time.sleep(0.1)
    done.set()
    for t in threads:
        t.join(120)
    ms = sorted(w * 1000 for w in writes)
    return {"held_mean": round(statistics.fmean(samples), 1) if samples else 0.0,
            "held_max": max(samples) if samples else 0, "per_student": round(statistics.fmean(samples) / students, 3)
            if samples else 0.0, "writes": len(writes), "write_ms_p50": round(ms[len(ms) // 2], 1) if ms else None,
            "write_ms_p95": round(ms[int(len(ms) * 0.95)], 1) if ms else None}


def expected_share(every: float, idle: float | None) -> float:
    """The share of time a student holds a connection if answers are a Poisson process: 1 - e^(-idle/every)."""
    import math

    return 1.0 if idle is None else 1 - math.exp(-idle / every)


def main() -> None:
    from tests.store.postgres_cluster import Cluster, require_postgres

    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=300, help="lesson seconds per way (run scale times faster)")
    parser.add_argument("--every", type=float, default=30, help="mean lesson seconds between one student's answers")
    parser.add_argument("--scale", type=float, default=10)
    args = parser.parse_args()
    require_postgres()
    cluster = Cluster(max_connections=args.students + 20)
    try:
        rows = []
        for seed, (name, idle) in enumerate(MODES):
            url = cluster.fresh_url()
            PostgresStore(url, idle_close_s=0).close()  # the schema, before the clock starts
            figures = run_mode(url, args.students, args.seconds, args.every, args.scale, idle, seed)
            rows.append({"way": name, "idle_close_s": idle, "expected_per_student": round(
                expected_share(args.every, idle), 3), **figures})
    finally:
        cluster.remove()
    held = rows[0]["held_mean"] or 1
    for row in rows:
        row["ratio_to_held"] = round(row["held_mean"] / held, 3)
    RESULTS.mkdir(exist_ok=True)
    report = {"students": args.students, "lesson_seconds": args.seconds, "answer_every_s": args.every,
              "scale": args.scale, "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
              "load": [round(x, 2) for x in os.getloadavg()], "rows": rows}
    (RESULTS / "store_connections.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    lines = [f"# PostgreSQL connections held by {args.students} sitting students",
             "", f"{report['when']}, load {report['load']}; an answer every {args.every:g} s on average, "
             f"{args.seconds:g} lesson seconds per way, run {args.scale:g}× faster; "
             "`PYTHONPATH=. python benchmarks/store_connections.py`", "",
             "| way | connections held, mean (max) | per student | expected (1 − e^(−idle/every)) | ratio to held |"
             " writes | write p50 / p95 (ms) |", "| --- | --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {r['way']} | {r['held_mean']} ({r['held_max']}) | {r['per_student']} | {r['expected_per_student']} |"
              f" {r['ratio_to_held']} | {r['writes']} | {r['write_ms_p50']} / {r['write_ms_p95']} |" for r in rows]
    (RESULTS / "store_connections.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
