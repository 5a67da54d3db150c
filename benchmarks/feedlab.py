"""Feed lab benchmark: how long a slider change takes to redraw in the kernel, with 10,000 posts.

    PYTHONPATH=. python benchmarks/feedlab.py             # 10,000 posts (the lesson's), and 20,000
    PYTHONPATH=. python benchmarks/feedlab.py --changes 20 # a quick check

A change is what the lab does when a control moves (``FeedLab.set``): check the value, rerun both
feeds on the kept pool (``kit.models.feed.simulate``) and build what the browser draws
(``view_data``: cards, charts, sentences). The changes cycle through every control a student has,
as a class would move them. Reported: the median and 95th percentile of a change, its two parts,
the cold start (making the pool and the first run, paid by ``warm()`` in a preheated kernel), and
each as a share of a 100 ms budget (about what reads as "at once"). Writes
``benchmarks/results/feedlab.json`` and ``feedlab.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path

from kit.content.feed import load_feed
from kit.models.feed import TOPICS, FeedParams, make_pool, simulate
from kit.widgets.feed_lab import FeedLab, view_data

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
BUDGET_MS = 100.0


def changes(n: int) -> list[dict]:
    """``n`` control moves a class might make, every control in turn."""
    moves = []
    for i in range(n):
        moves.append([{"like": TOPICS[i % len(TOPICS)]}, {"also_like": TOPICS[(i + 2) % len(TOPICS)]},
                      {"extreme_pull": 1.0 + 0.5 * (i % 9)}, {"follow_clicks": 0.05 * (i % 21)},
                      {"rounds": 3 + i % 28}, {"ad_yen_per_hour": 10 * (i % 31)}][i % 6])
    return moves


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def measure(posts: int, n: int) -> dict:
    feed = load_feed(ROOT / "datasets" / "feeds" / "everyday.yaml")
    make_pool.cache_clear()
    start = time.perf_counter()
    lab = FeedLab(feed, FeedParams(posts=posts))
    cold = time.perf_counter() - start
    whole, model, view = [], [], []
    for move in changes(n):
        t0 = time.perf_counter()
        assert lab.set(**move), lab.error
        whole.append(time.perf_counter() - t0)
        t1 = time.perf_counter()
        result = simulate(lab.params, 0)
        t2 = time.perf_counter()
        view_data(result, feed, "ja", lab._html)
        model.append(t2 - t1)
        view.append(time.perf_counter() - t2)

    def summary(values: list[float]) -> dict:
        ordered = sorted(values)
        median, p95 = statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)]
        return {"median_ms": _ms(median), "p95_ms": _ms(p95), "median_of_budget": round(median * 1000 / BUDGET_MS, 3),
                "p95_of_budget": round(p95 * 1000 / BUDGET_MS, 3)}

    return {"posts": posts, "changes": n, "cold_ms": _ms(cold), "cold_of_budget": round(cold * 1000 / BUDGET_MS, 3),
            "change": summary(whole), "model": summary(model), "view": summary(view)}


def markdown(data: dict) -> str:
    lines = ["# Feed lab benchmark", "", f"Run {data['when']} on {data['machine']}, load average "
             f"{data['load_before']} before and {data['load_after']} after (other work on the machine inflates the times).", "",
             f"Command: `{data['command']}`.", "",
             "A change = one control moved: the value checked, both feeds rerun on the kept pool and the view data built "
             f"(`FeedLab.set`). Shares are of a {BUDGET_MS:.0f} ms budget (a ratio, so another machine compares).", "",
             "The first cold start includes the first imports and numpy's first calls; the second is the pool alone.", "",
             "| posts | changes | change median | change p95 | model median | view median | cold start (pool + first run) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in data["runs"]:
        c = r["change"]
        lines.append(f"| {r['posts']:,} | {r['changes']} | {c['median_ms']} ms ({c['median_of_budget']}) | "
                     f"{c['p95_ms']} ms ({c['p95_of_budget']}) | {r['model']['median_ms']} ms | {r['view']['median_ms']} ms | "
                     f"{r['cold_ms']} ms ({r['cold_of_budget']}) |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=120)
    parser.add_argument("--posts", type=int, nargs="*", default=[10_000, 20_000])
    args = parser.parse_args()
    command = "PYTHONPATH=. python benchmarks/feedlab.py" + (f" --changes {args.changes}" if args.changes != 120 else "")
    data = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "machine": f"{platform.machine()}, Python {platform.python_version()}", "command": command,
            "load_before": round(os.getloadavg()[0], 1),
            "runs": [measure(posts, args.changes) for posts in args.posts]}
    data["load_after"] = round(os.getloadavg()[0], 1)
    for r in data["runs"]:
        print(f"{r['posts']} posts: change median {r['change']['median_ms']} ms, p95 {r['change']['p95_ms']} ms "
              f"(model {r['model']['median_ms']} ms, view {r['view']['median_ms']} ms); cold {r['cold_ms']} ms", flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "feedlab.json").write_text(json.dumps(data, indent=1) + "\n", "utf-8")
    (RESULTS / "feedlab.md").write_text(markdown(data), "utf-8")


if __name__ == "__main__":
    main()
