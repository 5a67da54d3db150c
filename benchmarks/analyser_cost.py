"""What a Japanese morphological analyser costs a student's kernel: time to ready, memory, quality.

    python benchmarks/analyser_cost.py

Each analyser is loaded in a fresh Python process (import, dictionary, first sentence); memory is
the growth of the process's resident set (RSS) and of its own written memory (Private_Dirty,
``/proc/self/smaps_rollup``, Linux). Memory-mapped dictionary pages count in RSS but are clean
file pages that the kernels of a class share through the page cache; "own" is what every extra
kernel adds for certain. The
dictionary forms show whether slang conjugations are joined to one word. Analysers that are not
installed are skipped (janome and SudachiPy are in the ``bench`` extra).
"""

from __future__ import annotations

import json
import subprocess
import sys

SENTENCE = "キモかったし、ウザいから死ねよ"

PROBE = r'''
import json, sys, time
def mem():
    out = {}
    with open("/proc/self/smaps_rollup") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("Rss", "Private_Dirty"):
                out[key] = int(rest.split()[0]) / 1024
    return out["Rss"], out["Private_Dirty"]
which, text = sys.argv[1], sys.argv[2]
before = mem(); t0 = time.perf_counter()
if which == "janome":
    from janome.tokenizer import Tokenizer
    words = [(t.surface, t.base_form) for t in Tokenizer().tokenize(text)]
elif which == "fugashi":
    import fugashi
    words = [(w.surface, w.feature.lemma) for w in fugashi.Tagger()(text)]
else:
    from sudachipy import Dictionary, SplitMode
    words = [(m.surface(), m.dictionary_form()) for m in Dictionary().create(SplitMode.C).tokenize(text)]
ready = time.perf_counter() - t0
after = mem()
print(json.dumps({"ready_ms": round(ready * 1000), "rss_mb": round(after[0] - before[0]),
                  "dirty_mb": round(after[1] - before[1]), "words": words}, ensure_ascii=False))
'''


def measure(which: str) -> dict | None:
    done = subprocess.run([sys.executable, "-c", PROBE, which, SENTENCE], capture_output=True, text=True)
    if done.returncode != 0:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    print(f"{'analyser':<10}{'ready ms':>10}{'RSS MB':>8}{'own MB':>8}  words of {SENTENCE}")
    for which in ("janome", "fugashi", "sudachi"):
        result = measure(which)
        if result is None:
            print(f"{which:<10}  not installed")
            continue
        words = " ".join(f"{s}({b})" for s, b in result["words"])
        print(f"{which:<10}{result['ready_ms']:>10}{result['rss_mb']:>8}{result['dirty_mb']:>8}  {words}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
