"""District benchmark: N classes at once through JupyterHub, on PostgreSQL, beside one instance on SQLite.

    python benchmarks/district/run.py [--classes 3] [--students 40] [--answers 50] [--out benchmarks/results]

Everything runs on this machine, on 127.0.0.1 only, started by ``tests/district/hub.py`` (the
district test's machinery): a throwaway PostgreSQL with fsync on, JupyterHub and its
configurable-http-proxy, ``netkit route`` and one ``netkit serve --hub`` instance per class, each
with a preheated pool of ``--students`` kernels of the district test's quiz. Then, for 1, 2 … N
classes at once:

- **class-start burst**: every student of every class (an HTTP client, as in the classroom
  benchmark) opens the class's link through the hub's proxy and the router at the same moment, with
  class code and nickname, waits for the lesson page (complete, with its widget), opens the kernel's
  websocket and waits for the kernel's answer (``kernel_info``: ready), says hello and answers the
  first two questions (each timed until its stored feedback comes back: the first opens the kernel's
  store connection, the second uses it);
- **memory per student**: PSS (``/proc/PID/smaps_rollup``) of each student's kernel while the class
  sits, and of what the district runs besides (hub, proxy, router, instances, warm parents,
  PostgreSQL), with PostgreSQL's connections;
- the tabs close, the pools refill, the next step starts.

Beside it, in the same run: one class's burst on one plain ``netkit serve`` with SQLite (no hub), and
the write throughput of the store with 40 × N writers at once (each a process with its own
connection, as each kernel has; every answer its own commit), PostgreSQL against SQLite (answers per
second, p95 latency of an acknowledged write). Results go to ``district.json`` and ``district.md``
with the machine's load average; ``--quick`` is a smoke run (2 classes of 10).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import importlib.util
import json
import multiprocessing
import os
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))

from kit.serve.capacity import district_memory_mb, district_plan, seconds_to_store  # noqa: E402
from tests.district.hub import District, missing  # noqa: E402
from tests.district.quiz_student import LESSON, _new_card  # noqa: E402
from tests.security.lesson_tab import LessonTab, kernel_pid  # noqa: E402
from tests.served import Server, child_pids, is_zygote, kernel_pids  # noqa: E402

_spec = importlib.util.spec_from_file_location("classroom_run", HERE.parent / "classroom" / "run.py")
classroom = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(classroom)
memory, pct, cpu_seconds = classroom.memory, classroom.pct, classroom.cpu_seconds

LESSONS = REPO / "tests" / "district" / "kit"
PRELOAD = "quiz/quiz"
WIDGET_MARK = classroom.WIDGET_MARK
DEADLINE = 180.0  # seconds a student waits for each step before it counts as failed


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


# --- one student ---------------------------------------------------------------------------------------------

def student(base: str, class_code: str, name: str, start: threading.Barrier) -> dict:
    """Open the class's link, wait for the page and the kernel, answer the first question; the tab stays open."""
    start.wait(60)
    t0 = time.perf_counter()
    result: dict = {"class": class_code, "ok": False}
    try:
        tab = LessonTab(base, LESSON, f"class={class_code}&name={name}")
        result["page_s"] = time.perf_counter() - t0
        result["tab"] = tab
        if WIDGET_MARK not in tab.page or "There was an error" in tab.page:
            result["error"] = "page without its widget"
            return result
        tab.reply_to(tab.send("kernel_info_request", {}), deadline=DEADLINE)
        result["ready_s"] = time.perf_counter() - t0
        card = tab.component("question", "result")
        tab.custom(card, {"action": "hello", "session": uuid.uuid4().hex, "class_code": "", "student": ""})
        t1 = time.perf_counter()
        tab.custom(card, {"action": "submit", "response": [0]})
        shown = tab.wait_for(lambda m: m["header"]["msg_type"] == "comm_msg" and m["content"].get("comm_id") == card
                             and m["content"]["data"].get("state", {}).get("result"), deadline=DEADLINE)
        result["answer_ms"] = (time.perf_counter() - t1) * 1000
        result["saved"] = bool(shown["content"]["data"]["state"]["result"].get("saved"))
        # The second answer: the kernel's store connection is open now (the first answer opened it).
        known = tab.widget_states()  # before "next": the next card is a widget not among these
        tab.custom(card, {"action": "next"})
        after = tab.wait_for(lambda m: _new_card(m, known), deadline=60)
        second = after["content"]["comm_id"]
        if not after["content"]["data"]["state"].get("question"):  # the question follows as an update
            tab.wait_for(lambda m: m["header"]["msg_type"] == "comm_msg" and m["content"].get("comm_id") == second
                         and m["content"]["data"].get("state", {}).get("question"), deadline=DEADLINE)
        t2 = time.perf_counter()
        tab.custom(second, {"action": "submit", "response": [0]})
        shown = tab.wait_for(lambda m: m["header"]["msg_type"] == "comm_msg" and m["content"].get("comm_id") == second
                             and m["content"]["data"].get("state", {}).get("result"), deadline=DEADLINE)
        result["second_answer_ms"] = (time.perf_counter() - t2) * 1000
        result["ok"] = result["saved"] and bool(shown["content"]["data"]["state"]["result"].get("saved"))
    except Exception as failure:  # counted as a student who did not get in, with the reason
        result["error"] = f"{type(failure).__name__}: {failure}"[:200]
    return result


def burst(bases: dict[str, str], students: int, step: int = 1) -> list[dict]:
    """Every student of every class (class code → base URL) at the same moment, nicknames new at each step."""
    people = [(base, code, f"{code}-{step}-{n:02d}") for code, base in bases.items() for n in range(1, students + 1)]
    start = threading.Barrier(len(people))
    with concurrent.futures.ThreadPoolExecutor(len(people)) as pool:
        return list(pool.map(lambda p: student(*p, start), people))


def summary(results: list[dict]) -> dict:
    pages = [r["page_s"] for r in results if "page_s" in r]
    ready = [r["ready_s"] for r in results if "ready_s" in r]
    answers = [r["answer_ms"] for r in results if "answer_ms" in r]
    seconds = [r["second_answer_ms"] for r in results if "second_answer_ms" in r]
    errors = sorted({r["error"] for r in results if r.get("error")})
    return {"students": len(results), "complete": sum(r["ok"] for r in results),
            "page_p50_s": _r(pct(pages, 0.5)), "page_p95_s": _r(pct(pages, 0.95)),
            "ready_p50_s": _r(pct(ready, 0.5)), "ready_p95_s": _r(pct(ready, 0.95)), "ready_max_s": _r(max(ready, default=None)),
            "answer_p50_ms": _r(pct(answers, 0.5), 0), "answer_p95_ms": _r(pct(answers, 0.95), 0),
            "second_answer_p50_ms": _r(pct(seconds, 0.5), 0), "second_answer_p95_ms": _r(pct(seconds, 0.95), 0), "errors": errors[:5]}


def _r(x, digits: int = 2):
    return None if x is None else round(x, digits) if digits else round(x)


def close_all(results: list[dict]) -> None:
    tabs = [r["tab"] for r in results if "tab" in r]
    with concurrent.futures.ThreadPoolExecutor(20) as pool:
        list(pool.map(lambda t: t.close(), tabs))


# --- waiting for pools and measuring memory ------------------------------------------------------------------

def log_text(server) -> str:
    path = getattr(server, "log_path", None) or server.log.name  # tests/district/hub.py's Process, tests/served.py's Server
    return Path(path).read_text(encoding="utf-8", errors="replace")


def filled(server, size: int) -> int:
    """How many times Voilà said the server's pool was filled (every kernel has run the lesson up to the student)."""
    return log_text(server).count(f"is filled with {size} kernel")


def wait_for_pools(servers: list, size: int, limit: float = 1200, fills: list[int] | None = None) -> float:
    """Wait until each server (``.proc``) holds ``size`` kernels, has said its pool is filled more often than
    ``fills`` (0 each: once at its start), and its kernels are quiet; return the seconds waited."""
    started = time.monotonic()
    fills = fills or [0] * len(servers)
    while time.monotonic() - started < limit:
        said = all(filled(s, size) > f for s, f in zip(servers, fills, strict=True))
        # A refill's kernels start one after another: if Voilà does not say "filled" again, kernels and quiet suffice.
        if all(len(kernel_pids(s.proc.pid)) >= size for s in servers) and (said or time.monotonic() - started > limit / 4):
            break
        time.sleep(1)
    else:
        raise RuntimeError(f"the pools did not fill with {size} kernels: "
                           f"{[len(kernel_pids(s.proc.pid)) for s in servers]}")
    pids = lambda: set().union(*(kernel_pids(s.proc.pid) | {s.proc.pid} for s in servers))  # noqa: E731
    before = cpu_seconds(pids())
    while time.monotonic() - started < limit:
        time.sleep(3)
        now = cpu_seconds(pids())
        if now - before < 0.15 * len(servers):
            break
        before = now
    return round(time.monotonic() - started, 1)


def pss(pids) -> float:
    total = 0.0
    for pid in pids:
        try:
            total += memory(pid)["pss"]
        except (OSError, KeyError):
            continue
    return total


def tree(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        found.add(p)
        todo += list(child_pids(p) - found)
    return found


def postgres_pids(district: District) -> set[int]:
    try:
        return tree(int((district.cluster.data / "postmaster.pid").read_text().split()[0]))
    except (OSError, ValueError, IndexError):
        return set()


def district_memory(district: District, results: list[dict]) -> dict:
    """PSS of each student's kernel, and of the rest of the district, while the students sit."""
    instances = {f"netkit-{name}": process for name, process in district.instances.items()}
    kernels = []
    for r in results:
        tab = r.get("tab")
        if tab is None or not r.get("ok"):
            continue
        instance = next((p for n, p in instances.items() if f"/services/{n}/" in tab.base_url), None)
        try:
            kernels.append(memory(kernel_pid(instance, tab.kernel_id))["pss"])
        except (AssertionError, OSError, AttributeError):
            continue
    servers = [p.proc.pid for p in instances.values()]
    parents = {pid for s in servers for pid in child_pids(s) if is_zygote(pid)}
    proxy = district.folder / "proxy.pid"
    hub = tree(district.hub.proc.pid) | ({int(proxy.read_text().strip())} if proxy.exists() else set())
    pg = postgres_pids(district)
    import psycopg

    with psycopg.connect(district.cluster.url(), autocommit=True) as db:
        connections = db.execute("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'").fetchone()[0]
    return {"student_kernels": len(kernels), "student_kernel_pss_mb_median": _r(statistics.median(kernels) if kernels else None, 1),
            "student_kernels_pss_mb": round(sum(kernels)),
            "instances_pss_mb": round(pss(servers)), "warm_parents_pss_mb": round(pss(parents)),
            "hub_and_proxy_pss_mb": round(pss(hub)), "router_pss_mb": round(pss([district.router.proc.pid])),
            "postgres_pss_mb": round(pss(pg)), "postgres_processes": len(pg), "postgres_connections": connections}


# --- store writes ----------------------------------------------------------------------------------------------

def _writer(url: str, worker: int, count: int, start, out) -> None:
    from kit.store import Answer, open_store

    store = open_store(url)
    start.wait(300)  # every writer has its connection open: the clock starts once all have
    times = []
    for i in range(count):
        t0 = time.perf_counter()
        store.record(Answer("district-bench", f"q{i}", (i % 4,), i % 3 == 0, "pre", f"w{worker}", f"s{worker}", "9-9"))
        times.append(time.perf_counter() - t0)
    store.close()
    out.put(times)


def writes(url: str, writers: int, answers: int) -> dict:
    """``writers`` processes each committing ``answers`` answers at once: answers/s and latency of a write."""
    from kit.store import open_store

    open_store(url).close()  # the schema, made once before the writers arrive
    ctx = multiprocessing.get_context("fork")
    start, out = ctx.Barrier(writers + 1), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(url, w, answers, start, out)) for w in range(writers)]
    for p in procs:
        p.start()
    try:
        start.wait(300)
        t0 = time.perf_counter()
        times = [t for _ in procs for t in out.get(timeout=600)]
        elapsed = time.perf_counter() - t0
    finally:
        for p in procs:
            p.join(30)
            if p.is_alive():
                p.kill()
    return {"writers": writers, "answers": len(times), "seconds": round(elapsed, 2),
            "answers_per_s": round(len(times) / elapsed), "p50_ms": round(pct(times, 0.5) * 1000, 1),
            "p95_ms": round(pct(times, 0.95) * 1000, 1), "max_ms": round(max(times) * 1000, 1), "load_average": load()}


# --- the run ---------------------------------------------------------------------------------------------------

def alone(folder: Path, students: int) -> dict:
    """One class on one plain ``netkit serve`` with SQLite, no hub: the classroom as it is."""
    data = folder / "alone"
    data.mkdir()
    # Every student here comes from 127.0.0.1, as a class behind one proxy: no per-address limits.
    server = Server(LESSONS, data, ["--class-size", str(students), "--lesson", PRELOAD, "--connections-per-address", "0"])
    try:
        waited = wait_for_pools([server], students)
        results = burst({"solo-1": server.url}, students)
        row = {"pool_ready_s": waited, "load_average": load(), **summary(results)}
        kernels = []
        for r in results:
            try:
                kernels.append(memory(kernel_pid(server, r["tab"].kernel_id))["pss"])
            except (KeyError, AssertionError, OSError):
                continue
        row["student_kernel_pss_mb_median"] = _r(statistics.median(kernels) if kernels else None, 1)
        row["server_pss_mb"] = round(pss([server.proc.pid]))
        close_all(results)
        return row
    finally:
        server.stop()


def run(args) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="netkit-district-bench-"))
    try:
        return measure(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(args, folder: Path) -> dict:
    result: dict = {"machine": {"cores": os.cpu_count(), "load_average_at_start": load()}, "students_per_class": args.students,
                    "lesson": LESSON, "steps": []}
    result["alone_sqlite"] = alone(folder, args.students)
    print("one instance, SQLite:", json.dumps({k: v for k, v in result["alone_sqlite"].items()}), flush=True)
    names = tuple("abcdefghij"[: args.classes])
    started = time.monotonic()
    (folder / "hub").mkdir()
    # A kernel in use holds a connection; the writers below hold 40 × N more.
    district = District(folder / "hub", LESSONS, instances=names, class_size=args.students, preheat=(PRELOAD,),
                        durable=True, max_connections=100 + 3 * args.students * args.classes)
    try:
        result["district_started_s"] = round(time.monotonic() - started, 1)
        instances = list(district.instances.values())
        result["pools_ready_s"] = wait_for_pools(instances, args.students)
        for n in range(1, args.classes + 1):
            # The same classes again and one more: each stays pinned, the new one goes to the instance without one.
            codes = {f"d-{i}": district.student_link() for i in range(1, n + 1)}
            before, fills = load(), [filled(s, args.students) for s in instances]
            results = burst(codes, args.students, step=n)
            step = {"classes": n, "load_average_before": before, **summary(results)}
            step["memory"] = district_memory(district, results)
            step["pins"] = {c: p for c, p in district.pins().items() if c in codes}
            close_all(results)
            print(json.dumps(step), flush=True)
            result["steps"].append(step)
            if n < args.classes:
                used = set(step["pins"].values())  # an instance no class used has nothing to refill
                fills = [f if f"netkit-{name}" in used else -1 for name, f in zip(district.instances, fills, strict=True)]
                step["refill_s"] = wait_for_pools(instances, args.students, fills=fills)
        for n in range(1, args.classes + 1):
            writers = 40 * n
            row = {"writers": writers,
                   "postgres": writes(district.cluster.fresh_url(), writers, args.answers),
                   "sqlite": writes(str(folder / f"writes-{n}.sqlite3"), writers, args.answers)}
            row["ratio_answers_per_s"] = round(row["postgres"]["answers_per_s"] / row["sqlite"]["answers_per_s"], 2)
            row["ratio_p95"] = round(row["postgres"]["p95_ms"] / row["sqlite"]["p95_ms"], 2)
            print(json.dumps(row), flush=True)
            result.setdefault("writes", []).append(row)
    finally:
        district.stop()
    result["machine"]["load_average_at_end"] = load()
    result["projection"] = project(result)
    return result


def project(r: dict) -> dict:
    """1,000 and 10,000 students at once from the figures measured here (docs/district.md)."""
    last = r["steps"][-1]
    mem = last["memory"]
    per_instance = (mem["instances_pss_mb"] + mem["warm_parents_pss_mb"]) / max(1, last["classes"])
    student_mb = mem["student_kernel_pss_mb_median"] or 0
    waiting_mb = student_mb  # a waiting kernel is at most what a sitting one is (it has not answered)
    pg_per_connection = mem["postgres_pss_mb"] / max(1, mem["postgres_connections"])
    rate = max(w["postgres"]["answers_per_s"] for w in r["writes"])
    out = {"per_instance_mb": round(per_instance), "student_mb": student_mb, "postgres_mb_per_connection": round(pg_per_connection, 1),
           "postgres_answers_per_s": rate}
    for students in (1_000, 10_000):
        plan = district_plan(students)
        out[str(students)] = {**plan,
                              "memory_gb": round(district_memory_mb(students, plan["instances"], student_mb, per_instance, waiting_mb) / 1024, 1),
                              "postgres_connections_in_use": students,
                              "postgres_memory_gb": round(students * pg_per_connection / 1024, 1),
                              "all_answer_at_once_s": round(seconds_to_store(students, rate), 2)}
    return out


def markdown(r: dict) -> str:
    a = r["alone_sqlite"]
    lines = [f"District benchmark, {r['students_per_class']} students a class, {r['machine']['cores']} cores, load average "
             f"{r['machine']['load_average_at_start']} at start, {r['machine']['load_average_at_end']} at end "
             f"(district started in {r['district_started_s']} s, pools ready after {r['pools_ready_s']} s)", "",
             "| classes at once | where | complete | page p50 / p95 (s) | kernel ready p50 / p95 (s) | answer stored p50 / p95 (ms) "
             "| second answer p50 / p95 (ms) | student kernel PSS (MB) | load before |", "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
             f"| 1 | one `netkit serve`, SQLite, no hub | {a['complete']} of {a['students']} | {a['page_p50_s']} / {a['page_p95_s']} "
             f"| {a['ready_p50_s']} / {a['ready_p95_s']} | {a['answer_p50_ms']} / {a['answer_p95_ms']} "
             f"| {a['second_answer_p50_ms']} / {a['second_answer_p95_ms']} "
             f"| {a['student_kernel_pss_mb_median']} | {a['load_average'][0]} |"]
    for s in r["steps"]:
        lines.append(f"| {s['classes']} | hub + router + {s['classes']} instance(s), PostgreSQL | {s['complete']} of {s['students']} "
                     f"| {s['page_p50_s']} / {s['page_p95_s']} | {s['ready_p50_s']} / {s['ready_p95_s']} "
                     f"| {s['answer_p50_ms']} / {s['answer_p95_ms']} | {s['second_answer_p50_ms']} / {s['second_answer_p95_ms']} "
                     f"| {s['memory']['student_kernel_pss_mb_median']} "
                     f"| {s['load_average_before'][0]} |")
    one = r["steps"][0]
    if a["ready_p95_s"] and one["ready_p95_s"]:
        lines += ["", f"Ratio, one class through the hub on PostgreSQL / alone on SQLite: kernel ready p95 "
                      f"{round(one['ready_p95_s'] / a['ready_p95_s'], 2)}, page p95 {round(one['page_p95_s'] / a['page_p95_s'], 2)}."]
    lines += ["", "| classes at once | student kernels, PSS (MB) | instances | warm parents | hub + proxy | router "
                  "| PostgreSQL (processes, connections) |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for s in r["steps"]:
        m = s["memory"]
        lines.append(f"| {s['classes']} | {m['student_kernels_pss_mb']} ({m['student_kernels']} kernels) | {m['instances_pss_mb']} "
                     f"| {m['warm_parents_pss_mb']} | {m['hub_and_proxy_pss_mb']} | {m['router_pss_mb']} "
                     f"| {m['postgres_pss_mb']} ({m['postgres_processes']}, {m['postgres_connections']}) |")
    lines += ["", "| writers at once | PostgreSQL answers/s | p50 / p95 (ms) | SQLite answers/s | p50 / p95 (ms) "
                  "| ratio answers/s | ratio p95 | load |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for w in r["writes"]:
        p, s = w["postgres"], w["sqlite"]
        lines.append(f"| {w['writers']} | {p['answers_per_s']} | {p['p50_ms']} / {p['p95_ms']} | {s['answers_per_s']} "
                     f"| {s['p50_ms']} / {s['p95_ms']} | {w['ratio_answers_per_s']} | {w['ratio_p95']} | {p['load_average'][0]} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--classes", type=int, default=3, help="up to N classes at once (1, 2 … N), one instance each")
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--answers", type=int, default=50, help="answers each writer commits in the write test")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 2 classes of 10, 10 answers each writer")
    parser.add_argument("--out", default=str(HERE.parent / "results"))
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stopped by its id: still stop what it started
    if args.quick:
        args.classes, args.students, args.answers = 2, 10, 10
    reason = missing()
    if reason:
        print(f"the district benchmark cannot run: {reason}", file=sys.stderr)
        return 2
    result = run(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name = "district-quick" if args.quick else "district"
    (out / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    (out / f"{name}.md").write_text(markdown(result))
    print(markdown(result))
    print(json.dumps(result["projection"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
