"""Precision and recall of the PostChecker on the hand-labelled sentences, per category and overall.

    python -m benchmarks.postchecker [--lexicon datasets/lexicon/lexicon.yaml]
                                     [--labelled datasets/lexicon/labelled.csv] [--errors]

A sentence counts for a category when the checker flags that category anywhere in it. "overall"
is per sentence: flagged at all vs labelled with any category, so it also measures false alarms on
fine sentences. Scores are printed for the held-out ``test`` split (never used while writing the
lexicon), the ``dev`` split and all sentences. ``--errors`` lists every miss and false alarm.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from kit.content.labelled import LabelledPost, load_labelled
from kit.content.lexicon import CATEGORIES, load_lexicon
from kit.models.post_tone import PostTone

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "datasets" / "lexicon" / "lexicon.yaml"
LABELLED = ROOT / "datasets" / "lexicon" / "labelled.csv"


@dataclass(frozen=True)
class Score:
    """Counts for one category on one set of sentences."""

    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def predictions(checker: PostTone, posts: list[LabelledPost]) -> dict[str, frozenset[str]]:
    """The categories the checker finds in each sentence, by id."""
    return {p.id: frozenset(checker.check(p.text).categories) for p in posts}


def score(posts: list[LabelledPost], found: dict[str, frozenset[str]]) -> dict[str, Score]:
    """A Score per category and ``overall`` (any category vs none)."""
    scores = {}
    for name in (*CATEGORIES, "overall"):
        tp = fp = fn = tn = 0
        for p in posts:
            truth = bool(p.categories) if name == "overall" else name in p.categories
            guess = bool(found[p.id]) if name == "overall" else name in found[p.id]
            tp += truth and guess
            fp += guess and not truth
            fn += truth and not guess
            tn += not truth and not guess
        scores[name] = Score(tp, fp, fn, tn)
    return scores


def table(title: str, scores: dict[str, Score], n: int) -> str:
    lines = [f"{title} ({n} sentences)", f"{'category':<14}{'precision':>10}{'recall':>8}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}"]
    for name, s in scores.items():
        lines.append(f"{name:<14}{s.precision:>10.2f}{s.recall:>8.2f}{s.f1:>7.2f}{s.tp:>5}{s.fp:>5}{s.fn:>5}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexicon", type=Path, default=LEXICON)
    parser.add_argument("--labelled", type=Path, default=LABELLED)
    parser.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args(argv)
    checker = PostTone(load_lexicon(args.lexicon))
    posts = load_labelled(args.labelled)
    found = predictions(checker, posts)
    for split in ("test", "dev", None):
        chosen = [p for p in posts if split is None or p.split == split]
        if chosen:
            name = {"test": "held-out (test)", "dev": "development (dev)", None: "all"}[split]
            print(table(name, score(chosen, found), len(chosen)), end="\n\n")
    if args.errors:
        for p in posts:
            if found[p.id] != p.categories:
                print(f"{p.id} [{p.split}] {p.text}  labelled={sorted(p.categories)} found={sorted(found[p.id])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
