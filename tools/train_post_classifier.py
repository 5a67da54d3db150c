"""Train the PostChecker's small classifier on the labelled posts the kit ships, choose its threshold, save its weights.

    PYTHONPATH=. python tools/train_post_classifier.py

Trains on the files in ``TRAINING`` (datasets/lexicon: labelled.csv, blind_dev.csv, blind_train.csv,
blind_train2.csv, blind_train3.csv, examples_author.csv, examples_teasing.csv) and chooses the threshold on ``THRESHOLD_SET``
(tests/models/blind_heldout2.csv, never trained on): the lowest of ``CANDIDATES`` at which the
lexicon's rules and the classifier together flag at most ``FALSE_ALARMS`` of its fine posts. The
held-out sets (tests/models/blind_heldout.csv, blind_heldout3.csv) are neither trained on nor used
to choose anything. Writes kit/models/post_classifier.json and prints the table it chose from.
Training is deterministic: the same files give the same weights. Run it again after changing any
of those files; tests/models/test_post_classifier.py fails until you do.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from kit.content.labelled import load_blind, load_labelled
from kit.content.lexicon import load_lexicon
from kit.models.post_classifier import WEIGHTS, Classifier, save_classifier, train
from kit.models.post_tone import PostTone

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "datasets" / "lexicon"
TRAINING = ("labelled.csv", "blind_dev.csv", "blind_train.csv", "blind_train2.csv", "blind_train3.csv", "examples_author.csv", "examples_teasing.csv")
THRESHOLD_SET = ROOT / "tests" / "models" / "blind_heldout2.csv"
CANDIDATES = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))  # 0.5 … 0.95
FALSE_ALARMS = 0.03  # a margin under the 5% goal: the lexicon was also corrected on this set's false alarms, so it flatters


def fingerprints() -> dict[str, str]:
    """sha256 of each training file, by name."""
    return {name: hashlib.sha256((LEXICON / name).read_bytes()).hexdigest() for name in TRAINING}


def training_posts() -> list[tuple[str, str | None]]:
    """(text, category or None) for every training post; a post with several categories counts for its first."""
    posts = []
    for name in TRAINING:
        path = LEXICON / name
        for p in (load_labelled(path) if name == "labelled.csv" else load_blind(path)):
            posts.append((p.text, sorted(p.categories)[0] if p.categories else None))
    return posts


def rates(classifier: Classifier, threshold: float) -> tuple[float, float]:
    """Recall and false-alarm rate of the rules and ``classifier`` at ``threshold`` on the threshold set."""
    checker = PostTone(load_lexicon(LEXICON / "lexicon.yaml"), classifier=dataclasses.replace(classifier, threshold=threshold))
    posts = load_blind(THRESHOLD_SET)
    flagged = {p.id: bool(checker.check(p.text).flags) for p in posts}
    harmful = [p for p in posts if p.categories]
    fine = [p for p in posts if not p.categories]
    return sum(flagged[p.id] for p in harmful) / len(harmful), sum(flagged[p.id] for p in fine) / len(fine)


def choose_threshold(classifier: Classifier) -> float:
    """The lowest candidate whose false alarms stay within ``FALSE_ALARMS`` (the highest if none does)."""
    chosen = None
    print(f"threshold set {THRESHOLD_SET.relative_to(ROOT)}: threshold, recall, false alarms")
    for threshold in CANDIDATES:
        recall, false_alarms = rates(classifier, threshold)
        print(f"  {threshold:.2f}  {recall:.3f}  {false_alarms:.3f}")
        if chosen is None and false_alarms <= FALSE_ALARMS:
            chosen = threshold
    return CANDIDATES[-1] if chosen is None else chosen


def main() -> int:
    classifier = train(training_posts(), threshold=1.0, trained_on=fingerprints())
    classifier = dataclasses.replace(classifier, threshold=choose_threshold(classifier))
    save_classifier(classifier, WEIGHTS)
    print(f"{WEIGHTS.relative_to(ROOT)}: threshold {classifier.threshold}, {len(classifier.weights)} weights, "
          f"{sum(len(w) for w in classifier.category_weights.values())} category weights")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
