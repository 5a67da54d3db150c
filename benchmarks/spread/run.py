"""Spread model benchmarks: speed and agreement against NDlib and EoN, and slider-to-picture time.

    PYTHONPATH=. python benchmarks/spread/run.py                 # everything (about half an hour on 2 cores)
    PYTHONPATH=. python benchmarks/spread/run.py --part browser  # only the Chromium measurement
    PYTHONPATH=. python benchmarks/spread/run.py --part speed    # only the speed against NDlib SIR
    PYTHONPATH=. python benchmarks/spread/run.py --runs 200      # a quick check with fewer runs

Needs the ``bench`` extra (ndlib, six, EoN, networkx) and, for the browser part, Chromium.
Writes ``benchmarks/results/spread.json`` and ``spread.md`` (a part re-run replaces only its part).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import browser  # noqa: E402
import peers  # noqa: E402


def model_part(runs: int) -> dict:
    out = {"speed": peers.speed()}
    print(f"speed: {out['speed']['speedup']:.0f}× NDlib SIR", flush=True)
    out["agreement"] = []
    for peer, n, beta, gamma in (("eon", 10_000, 0.2, 1.0), ("ndlib-ic", 1000, 0.2, 1.0), ("ndlib-sir", 1000, 0.05, 0.2)):
        result = peers.compare(peer, n, runs, beta, gamma)
        print(f"{peer} n={n}: {100 * result['relative_difference']:+.2f}%", flush=True)
        out["agreement"].append(result)
    return out


def markdown(data: dict) -> str:
    lines = ["# Spread model benchmarks", "", f"Run {data.get('when', '')} on {data.get('machine', '')}.", "",
             "Command: `PYTHONPATH=. python benchmarks/spread/run.py` (see its docstring for parts).", ""]
    model = data.get("model")
    if model:
        s = model["speed"]
        lines += ["## Speed against NDlib's SIRModel", "",
                  f"{s['graph']}, beta {s['beta']}, gamma {s['gamma']}, {s['seeds']} people infected at the start, run to the end.", "",
                  "| engine | seconds per run | runs | mean final size |", "| --- | ---: | ---: | ---: |",
                  f"| NDlib SIRModel | {s['ndlib_sir_seconds_per_run']:.3f} | {s['ndlib_runs']} | {s['ndlib_mean_final_size']:.0f} |",
                  f"| kit.models.spread | {s['kit_seconds_per_run']:.4f} | {s['kit_runs']} | {s['kit_mean_final_size']:.0f} |", "",
                  f"**The kit is {s['speedup']:.0f} times faster** (goal: at least 50).", "",
                  "## Final outbreak size against NDlib and EoN", "",
                  "| peer | graph | beta | gamma | runs each | peer mean | kit mean | difference | 95% interval |",
                  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        for a in model["agreement"]:
            lines.append(f"| {a['peer']} | {a['graph']} | {a['beta']} | {a['gamma']} | {a['kit']['runs']} | "
                         f"{a['other']['mean_final_size']:.1f} | {a['kit']['mean_final_size']:.1f} | "
                         f"{100 * a['relative_difference']:+.2f}% | {100 * a['ci95_low']:+.2f}% … {100 * a['ci95_high']:+.2f}% |")
        lines += ["", "Goal: within 2%. Each run starts from 10 people chosen at random; gamma 1 is independent cascades "
                  "(NDlib IndependentCascadesModel, EoN basic_discrete_SIR).", ""]
    web = data.get("browser")
    if web:
        lines += ["## Slider change to new picture (headless Chromium)", "",
                  "Scale-free network, two runs drawn side by side (without and with the measures); from the slider's "
                  "change event to the first frame after both networks and curves are drawn.", "",
                  "| people | changes | median ms | p95 ms |", "| ---: | ---: | ---: | ---: |"]
        for n, r in web.items():
            lines.append(f"| {int(n):,} | {r['changes']} | {r['median_ms']:.0f} | {r['p95_ms']:.0f} |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("all", "model", "speed", "browser"), default="all",
                        help="model = speed and agreement; speed = only the speed against NDlib SIR")
    parser.add_argument("--runs", type=int, default=2000, help="runs per engine for the agreement (default 2000)")
    parser.add_argument("--changes", type=int, default=30, help="slider changes per network size (default 30)")
    parser.add_argument("--out", type=Path, default=HERE.parent / "results")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "spread.json"
    data = json.loads(path.read_text("utf-8")) if path.exists() else {}
    data["when"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    data["machine"] = f"{platform.machine()}, Python {platform.python_version()}"
    if args.part in ("all", "model"):
        data["model"] = model_part(args.runs)
    if args.part == "speed":
        data.setdefault("model", {"agreement": []})["speed"] = peers.speed()
    if args.part in ("all", "browser"):
        data["browser"] = browser.measure(changes=args.changes, screenshots=args.out)
        print(json.dumps(data["browser"]), flush=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    (args.out / "spread.md").write_text(markdown(data), "utf-8")
    print((args.out / "spread.md").read_text("utf-8"))


if __name__ == "__main__":
    main()
