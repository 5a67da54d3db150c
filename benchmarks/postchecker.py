"""How well the PostChecker does on posts it has never seen, and on the lexicon's own labelled sentences.

    PYTHONPATH=. python -m benchmarks.postchecker [--set heldout|heldout2|heldout3|heldout5|dev|teasing|labelled|all] [--rules-only]
                                                  [--lexicon datasets/lexicon/lexicon.yaml] [--errors] [--summary]

``heldout`` (tests/models/blind_heldout.csv) and ``dev`` (datasets/lexicon/blind_dev.csv) were
written by someone who never saw the checker, from the categories only (see docs/postchecker.md).
For them the figures are the recall (harmful posts flagged at all), the false-alarm rate (fine
posts flagged at all), both per kind of post, and how often a caught post got the writer's
category, and how many got the gentle note about jokes between friends instead of a flag (a note
is not a flag: it never counts as caught). ``labelled`` (datasets/lexicon/labelled.csv, written by the lexicon's authors) is scored
per category with precision and recall, on its held-out ``test`` split and on all sentences.
``--rules-only`` leaves the small classifier out (kit.models.post_classifier), to see what the
lexicon's rules do alone. ``--errors`` lists every miss and false alarm (of the sets chosen: read
them on dev, not held out). ``--summary`` prints one line per blind set (recall, false alarms, friendly jokes
flagged and given the note), the table of benchmarks/results/postchecker.md.

The five blind sets were written by helpers who never saw the checker. Since issue 16's fourth round
(2026-12-02) their false alarms have been read and the friendly signals widened on them, so none of
them is blind any more: their figures show regressions, not how the checker does on new posts. A new
blind set, measured once by someone else, is the next honest figure.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kit.content.labelled import LabelledPost, load_blind, load_labelled
from kit.content.lexicon import load_lexicon
from kit.models.post_tone import PostTone
from kit.models.post_tone_scores import Score, by_kind, predictions, score

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "datasets" / "lexicon" / "lexicon.yaml"
LABELLED = ROOT / "datasets" / "lexicon" / "labelled.csv"
BLIND_DEV = ROOT / "datasets" / "lexicon" / "blind_dev.csv"
BLIND_HELDOUT = ROOT / "tests" / "models" / "blind_heldout.csv"
BLIND_HELDOUT2 = ROOT / "tests" / "models" / "blind_heldout2.csv"  # the threshold set: chooses the classifier's threshold
BLIND_HELDOUT3 = ROOT / "tests" / "models" / "blind_heldout3.csv"  # the third blind held-out set, measured once
BLIND_HELDOUT5 = ROOT / "tests" / "models" / "blind_heldout5.csv"  # the fifth blind set (the fourth became blind_heldout3.csv), measured once at the end
BLIND_HELDOUT6 = ROOT / "tests" / "models" / "blind_heldout6.csv"  # the sixth blind set: written after the fourth round's tuning, measured once
BLIND_HELDOUT7 = ROOT / "tests" / "models" / "blind_heldout7.csv"  # the seventh blind set: written before the fifth round landed, measured once after it
BLIND_HELDOUT8 = ROOT / "tests" / "models" / "blind_heldout8.csv"  # the eighth blind set: written during the seventh round, measured once after it
BLIND_HELDOUT9 = ROOT / "tests" / "models" / "blind_heldout9.csv"  # the ninth blind set: written during the eighth round, measured once after it
BLIND_HELDOUT10 = ROOT / "tests" / "models" / "blind_heldout10.csv"  # the tenth blind set: written during the ninth round, measured once after it
BLIND_HELDOUT11 = ROOT / "tests" / "models" / "blind_heldout11.csv"  # the eleventh blind set: written before the learned judge, measured once after it
BLIND_HELDOUT12 = ROOT / "tests" / "models" / "blind_heldout12.csv"  # the twelfth blind set: written with the eleventh, measured once after it
BLIND_HELDOUT13 = ROOT / "tests" / "models" / "blind_heldout13.csv"  # the thirteenth: written during the review's fixes, measured once after them
BLIND_SHINE = ROOT / "tests" / "models" / "blind_shine.csv"  # 80 posts: 〜しね (the conjunctive し + ね) and 死ね, written blind
TEASING = ROOT / "datasets" / "lexicon" / "examples_teasing.csv"  # friendly teasing and hurtful look-alikes, same hands as the rules


def table(title: str, scores: dict[str, Score], n: int) -> str:
    lines = [f"{title} ({n} sentences)", f"{'category':<14}{'precision':>10}{'recall':>8}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}"]
    for name, s in scores.items():
        if name != "overall" and not s.tp + s.fn + s.fp:
            continue  # a category this set does not label (the five-category labelled.csv)
        lines.append(f"{name:<14}{s.precision:>10.2f}{s.recall:>8.2f}{s.f1:>7.2f}{s.tp:>5}{s.fp:>5}{s.fn:>5}")
    return "\n".join(lines)


def blind_table(title: str, posts: list[LabelledPost], found: dict[str, frozenset[str]], noted: set[str] = frozenset()) -> str:
    """Per kind: posts flagged, and posts that got the gentle note about jokes between friends instead
    (``noted``: not flags, so a harmful post with a note counts as missed)."""
    overall = score(posts, found)["overall"]
    lines = [f"{title} ({len(posts)} posts): recall {overall.recall:.3f} ({overall.tp}/{overall.tp + overall.fn}), "
             f"false alarms {overall.false_alarm_rate:.3f} ({overall.fp}/{overall.fp + overall.tn}), "
             f"notes {len(noted)}",
             f"{'kind':<14}{'posts':>6}{'flagged':>9}{'rate':>7}{'right category':>16}{'note':>6}"]
    for k in by_kind(posts, found):
        right = f"{k.right_category}" if k.harmful else "-"
        notes = sum(p.id in noted for p in posts if p.kind == k.name)
        lines.append(f"{k.name:<14}{k.posts:>6}{k.flagged:>9}{k.flagged / k.posts:>7.2f}{right:>16}{notes:>6}")
    return "\n".join(lines)


# name -> (file, split, title); the blind sets in the order they were written, then the sets written with the rules
SETS = {
    "heldout": (BLIND_HELDOUT, "test", "blind held-out"), "heldout2": (BLIND_HELDOUT2, "test", "second blind held-out"),
    "heldout3": (BLIND_HELDOUT3, "test", "third blind held-out"), "heldout5": (BLIND_HELDOUT5, "test", "fifth blind held-out"),
    "heldout6": (BLIND_HELDOUT6, "test", "sixth blind held-out"), "heldout7": (BLIND_HELDOUT7, "test", "seventh blind held-out"),
    "heldout8": (BLIND_HELDOUT8, "test", "eighth blind held-out"), "heldout9": (BLIND_HELDOUT9, "test", "ninth blind held-out"),
    "heldout10": (BLIND_HELDOUT10, "test", "tenth blind held-out"), "heldout11": (BLIND_HELDOUT11, "test", "eleventh blind held-out"),
    "heldout12": (BLIND_HELDOUT12, "test", "twelfth blind held-out"),
    "heldout13": (BLIND_HELDOUT13, "test", "thirteenth blind held-out"),
    "shine": (BLIND_SHINE, "test", "〜しね and 死ね, blind"), "dev": (BLIND_DEV, "dev", "blind dev"),
    "teasing": (TEASING, "dev", "friendly teasing (written with the rules)"),
}
BLIND_SETS = {name: path for name, (path, _, _) in SETS.items() if name != "teasing"}


def summary(checker: PostTone) -> str:
    """One line per blind set: recall, false alarms, and the friendly jokes (banter_safe) flagged or given the note."""
    lines = [f"{'set':<34}{'recall':>16}{'false alarms':>20}{'jokes flagged':>15}{'jokes noted':>13}{'harmful noted':>15}"]
    for path in BLIND_SETS.values():
        posts = load_blind(path, "test")
        checks = {p.id: checker.check(p.text) for p in posts}
        found = {i: frozenset(c.categories) for i, c in checks.items()}
        overall = score(posts, found)["overall"]
        jokes = [p for p in posts if p.kind == "banter_safe"]
        flagged = sum(bool(checks[p.id].flags) for p in jokes)
        noted = sum(checks[p.id].noted for p in jokes)
        harmful_noted = sum(checks[p.id].noted for p in posts if p.categories)
        lines.append(f"{str(path.relative_to(ROOT)):<34}{overall.recall:>7.3f} ({overall.tp:>3}/{overall.tp + overall.fn:>3})"
                     f"{overall.false_alarm_rate:>9.1%} ({overall.fp:>3}/{overall.fp + overall.tn:>3})"
                     f"{f'{flagged}/{len(jokes)}':>15}{f'{noted}/{len(jokes)}':>13}{harmful_noted:>15}")
    return "\n".join(lines)


def errors(posts: list[LabelledPost], found: dict[str, frozenset[str]]) -> list[str]:
    return [f"{p.id} [{p.kind or p.split}] {p.text}  labelled={sorted(p.categories)} found={sorted(found[p.id])}"
            for p in posts if bool(found[p.id]) != bool(p.categories) or (p.categories and not p.categories & found[p.id])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=(*SETS, "labelled", "all"), default="all")
    parser.add_argument("--lexicon", type=Path, default=LEXICON)
    parser.add_argument("--rules-only", action="store_true", help="the lexicon's rules without the classifier")
    parser.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--summary", action="store_true", help="one line per blind set, and nothing else")
    args = parser.parse_args(argv)
    checker = PostTone(load_lexicon(args.lexicon), learned=not args.rules_only)
    if args.summary:
        print(summary(checker))
        return 0
    wrong: list[str] = []
    for name, (path, split, title) in SETS.items():
        if args.set in (name, "all"):
            posts = load_blind(path, split)
            checks = {p.id: checker.check(p.text) for p in posts}
            found = {i: frozenset(c.categories) for i, c in checks.items()}
            noted = {i for i, c in checks.items() if c.noted}
            print(blind_table(f"{title}, {path.relative_to(ROOT)}", posts, found, noted), end="\n\n")
            wrong += errors(posts, found)
    if args.set in ("labelled", "all"):
        posts = load_labelled(LABELLED)
        found = predictions(checker, posts)
        for split in ("test", "dev", None):
            chosen = [p for p in posts if split is None or p.split == split]
            name = {"test": "labelled.csv held-out (test)", "dev": "labelled.csv development (dev)", None: "labelled.csv all"}[split]
            print(table(name, score(chosen, found), len(chosen)), end="\n\n")
        wrong += errors(posts, found)
    if args.errors:
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
