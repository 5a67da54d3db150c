"""How many answers a second the SQLite store takes from many kernels at once.

    python benchmarks/store_concurrency.py [--processes 40] [--answers 200]

Each process opens its own connection, as each student's kernel does, and commits every answer
on its own. Prints rows written, rows found, integrity check and answers per second, as JSON.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sqlite3
import tempfile
import time
from pathlib import Path

from kit.store import Answer, open_store


def _write(path: str, worker: int, count: int, start) -> None:
    store = open_store(path)
    start.wait(120)  # every process has its connection open: the clock starts once all have
    for i in range(count):
        store.record(Answer("bench", f"q{i % 12}", (i % 4,), i % 3 == 0, "pre", f"s{worker}", f"{worker}", "1-1"))
    store.close()


def run(processes: int, answers: int, folder: Path) -> dict:
    """Write ``processes`` × ``answers`` rows at once; return the figures."""
    path = folder / "results.sqlite3"
    open_store(path).close()
    start = multiprocessing.Barrier(processes + 1)
    procs = [multiprocessing.Process(target=_write, args=(str(path), w, answers, start)) for w in range(processes)]
    for p in procs:
        p.start()
    start.wait(120)
    t0 = time.perf_counter()
    for p in procs:
        p.join()
    elapsed = time.perf_counter() - t0
    con = sqlite3.connect(path)
    found = con.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    return {"processes": processes, "answers_each": answers, "expected": processes * answers, "found": found,
            "integrity": integrity, "seconds": round(elapsed, 2), "answers_per_second": round(found / elapsed, 1),
            "exit_codes": sorted({p.exitcode for p in procs})}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=40)
    parser.add_argument("--answers", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(run(args.processes, args.answers, Path(tmp)), indent=2))
