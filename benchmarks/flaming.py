"""The 炎上 model's default run summarised over seeds: how concentrated the posting is, and what
reporting and muting change.

    python -m benchmarks.flaming [--seeds 20]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from kit.models.flaming import FlamingParams, compare


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    args = parser.parse_args(argv)
    rows = []
    started = time.perf_counter()
    for seed in range(args.seeds):
        without, with_measures = compare(FlamingParams(), seed)
        rows.append([without.total_posts, with_measures.total_posts, without.saw, with_measures.saw,
                     without.posters_share_of_viewers * 100, without.top_share(0.01) * 100,
                     without.top_share(0.1) * 100, without.gini(), with_measures.rounds[-1].restricted])
    elapsed = (time.perf_counter() - started) / (2 * args.seeds)
    table = np.array(rows)
    names = ["posts without", "posts with", "saw without", "saw with", "% of viewers who posted",
             "% of posts by top 1% of posters", "% of posts by top 10% of posters", "Gini among posters",
             "accounts restricted"]
    print(f"default FlamingParams, {args.seeds} seeds; {elapsed * 1000:.0f} ms per run")
    print(f"{'':<36}{'median':>10}{'p10':>10}{'p90':>10}")
    for i, name in enumerate(names):
        col = table[:, i]
        print(f"{name:<36}{np.median(col):>10.2f}{np.percentile(col, 10):>10.2f}{np.percentile(col, 90):>10.2f}")
    cut = 100 * (1 - table[:, 1] / table[:, 0])
    print(f"{'% fewer posts with measures':<36}{np.median(cut):>10.2f}{np.percentile(cut, 10):>10.2f}{np.percentile(cut, 90):>10.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
