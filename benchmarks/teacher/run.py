"""What the teacher's page and the exports cost with a school's year of results: 40 classes × 40 students × 30 answers.

    PYTHONPATH=. python benchmarks/teacher/run.py [--classes 40] [--students 40] [--answers 30] [--repeat 5]
                                                   [--postgres] [--no-server] [--out FILE.json]

Fills a fresh SQLite store with made-up classes (``tools/simulated_class.py``: the shipped banks of
the three topics' basic lessons, matched forms before and after, timeline answers between), then

1. in this process, step by step: the class list the page opens with (``summary``), one class's
   answers, its figures and pictures (``build_report``), the live progress picture, and the
   exports (CSV of every answer, XLSX of one class and of the whole school), each with its time and
   CPU time (median of ``--repeat``) and the peak Python memory it allocated (``tracemalloc``);
2. through ``netkit serve`` on 127.0.0.1 with the teacher logged in: the same pages and exports as a
   browser gets them (median time, the server's CPU seconds, bytes), and its resident memory.

CPU seconds are given beside the clock because a shared machine's clock time mostly measures the
other processes.

Prints a table and writes the figures as JSON. A benchmark, not a test: nothing here fails on time.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import re
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from kit.store import open_store  # noqa: E402
from tools.simulated_class import START, simulated_class  # noqa: E402

LESSONS = [("misinformation-basics", "quizzes/misinformation_basics.yaml"),
           ("defamation-basics", "quizzes/defamation_basics.csv"),
           ("piracy-basics", "quizzes/piracy_basics.csv")]
PASSCODE = "bench-teacher-7"


def fill(path: Path | str, classes: int, students: int, answers: int) -> tuple[int, float]:
    """The store at ``path`` (a SQLite file or a PostgreSQL URL) with every class's answers, in one transaction:
    filling is not what is measured."""
    open_store(path).close()  # the schema, by the store's own migrations
    rows = []
    for k in range(classes):
        lesson, bank = LESSONS[k % len(LESSONS)]
        code = f"{k // 8 + 1}-{k % 8 + 1}"
        for a in simulated_class(REPO / "datasets", bank, lesson, code, students=students, per_student=answers, seed=k,
                                 start=START + timedelta(days=k)):
            rows.append((a.lesson, a.item, json.dumps(list(a.response)), int(a.correct), a.phase, a.session, a.student,
                         a.class_code, a.answered_at, a.bank, ""))
    started = time.perf_counter()
    insert = ("INSERT INTO answers (lesson, item, response, correct, phase, session, student, class_code, answered_at,"
              " bank, answer_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    if isinstance(path, str):
        import psycopg

        with psycopg.connect(path) as db, db.cursor() as cur:
            cur.executemany(insert.replace("?", "%s"), rows)
    else:
        with sqlite3.connect(path) as db:
            db.executemany(insert, rows)
    return len(rows), time.perf_counter() - started


def measure(step, repeat: int) -> dict:
    """Median seconds of ``repeat`` runs of ``step()``, and the peak memory it allocated (MB) on the first."""
    tracemalloc.start()
    result = step()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        step()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    size = len(result) if isinstance(result, bytes | str) else None
    return {"median_s": round(statistics.median(times), 3), "cpu_s": round(statistics.median(cpu), 3),
            "peak_mb": round(peak / 2**20, 1), **({"bytes": size} if size is not None else {})}


def in_process(path: Path | str, repeat: int) -> dict:
    from kit.analysis.export import to_csv_bytes, to_xlsx_bytes
    from kit.serve.report import build_report, export_tables, percent_headings, progress_picture, sheet_titles

    datasets = REPO / "datasets"
    klass, lesson = "1-1", LESSONS[0][0]

    def summary():
        store = open_store(path)
        try:
            return store.summary(), store.merged_classes()
        finally:
            store.close()

    def answers(class_code=klass, lesson_id=lesson):
        store = open_store(path)
        try:
            return store.answers(lesson=lesson_id, class_code=class_code)
        finally:
            store.close()

    one = answers()

    def xlsx(found):
        tables = export_tables(found, datasets, "ja")
        return to_xlsx_bytes({sheet_titles("ja")[k]: v for k, v in tables.items()}, percent_headings("ja"))

    everything = answers(None, None)
    return {
        "class list (summary of every class)": measure(summary, repeat),
        "one class's answers from the store": measure(answers, repeat),
        "figures and pictures of one class (build_report)": measure(lambda: build_report(one, datasets, "ja"), repeat),
        "live progress picture": measure(lambda: progress_picture(one, "ja")["svg"], repeat),
        "export: one class, XLSX": measure(lambda: xlsx(one), repeat),
        "export: every answer of the school, CSV": measure(
            lambda: to_csv_bytes(export_tables(everything, datasets, "ja")["answers"]), max(1, repeat // 2)),
        "export: every answer of the school, XLSX": measure(lambda: xlsx(everything), 1),
    }


def rss_mb(pid: int) -> float:
    text = Path(f"/proc/{pid}/status").read_text()
    return round(int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024, 1)


def cpu_s(pid: int) -> float:
    """The CPU seconds (user + system) process ``pid`` has used: on a busy machine, steadier than the clock."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def through_server(data: Path, repeat: int, store: str = "") -> dict:
    from tests.served import Server

    srv = Server(REPO, data, ["--teacher-passcode", PASSCODE, "--no-auto-pool", *(["--store", store] if store else [])])
    try:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        form = opener.open(srv.url + "teacher/login").read().decode()
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', form).group(1)
        opener.open(urllib.request.Request(srv.url + "teacher/login", data=urllib.parse.urlencode(
            {"_xsrf": xsrf, "passcode": PASSCODE, "next": "/teacher/"}).encode()))
        before = rss_mb(srv.proc.pid)
        pages = {
            "teacher page: class list": "teacher/",
            "teacher page: one class with its pictures": f"teacher/?class=1-1&lesson={LESSONS[0][0]}",
            "live progress (asked every 10 s)": f"teacher/progress?class=1-1&lesson={LESSONS[0][0]}",
            "export: one class, XLSX": f"teacher/export.xlsx?class=1-1&lesson={LESSONS[0][0]}",
            "export: one class, CSV": f"teacher/export.csv?class=1-1&lesson={LESSONS[0][0]}&table=answers",
            "export: the whole school, CSV": "teacher/export.csv?table=answers",
        }
        found = {}
        for name, path in pages.items():
            times, cpu, size = [], [], 0
            for _ in range(repeat + 1):  # the first warms the caches (banks read, templates compiled)
                t0, c0 = time.perf_counter(), cpu_s(srv.proc.pid)
                body = opener.open(srv.url + path, timeout=600).read()
                times.append(time.perf_counter() - t0)
                cpu.append(cpu_s(srv.proc.pid) - c0)
                size = len(body)
            found[name] = {"first_s": round(times[0], 3), "median_s": round(statistics.median(times[1:]), 3),
                           "server_cpu_s": round(statistics.median(cpu[1:]), 3), "bytes": size}
        found["server memory (RSS, MB)"] = {"after_login": before, "after_all": rss_mb(srv.proc.pid)}
        return found
    finally:
        srv.stop()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", type=int, default=40)
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--answers", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-server", action="store_true", help="only the in-process steps")
    parser.add_argument("--postgres", action="store_true",
                        help="a throwaway PostgreSQL cluster (tests/store/postgres_cluster.py) instead of SQLite")
    parser.add_argument("--out", help="JSON file (default benchmarks/results/teacher[-postgres].json)")
    args = parser.parse_args(argv)
    cluster = None
    if args.postgres:
        from tests.store.postgres_cluster import Cluster

        cluster = Cluster()
    try:
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder)
            store = cluster.fresh_url() if cluster else data / "results.sqlite3"
            count, filled = fill(store, args.classes, args.students, args.answers)
            figures = {"store": "postgresql" if cluster else "sqlite", "answers": count, "classes": args.classes,
                       "students_per_class": args.students, "answers_per_student": args.answers,
                       "store_mb": None if cluster else round(store.stat().st_size / 2**20, 1),
                       "in_process": in_process(store, args.repeat)}
            if not args.no_server:
                figures["through_server"] = through_server(data, args.repeat, store if cluster else "")
    finally:
        if cluster:
            cluster.remove()
    size = "" if cluster else f", {figures['store_mb']} MB"
    print(f"{count} answers ({args.classes} classes × {args.students} students × {args.answers}) in "
          f"{figures['store']}{size}, filled in {filled:.1f} s")
    for part in ("in_process", "through_server"):
        for name, values in figures.get(part, {}).items():
            print(f"{part:15} {name:52} " + "  ".join(f"{k}={v}" for k, v in values.items()))
    out = args.out or REPO / "benchmarks" / "results" / f"teacher{'-postgres' if cluster else ''}.json"
    Path(out).write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
