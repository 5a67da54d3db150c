"""A small learned check behind the lexicon: logistic regression over the characters of a post.

The lexicon's rules name the words that hurt; people find new words every day. This classifier was
trained on the labelled posts the kit ships (``datasets/lexicon``: labelled.csv, blind_dev.csv,
examples_author.csv; never the held-out set) by ``tools/train_post_classifier.py``, which writes
its weights to ``post_classifier.json`` beside this file. A post is cut into its characters and
pairs and triples of characters (in hiragana, as the lexicon sees it); the weights of those present
add up to a probability that the post hurts someone. A second set of weights per category (one
kind against the other harmful posts, the same regression) says which kind of harm it is most
like, so the student reads that kind's reason. Plain Python and one JSON file: nothing to install, nothing
fetched, about a millisecond a post.
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WEIGHTS = Path(__file__).with_name("post_classifier.json")
SIZES = (1, 2, 3)  # characters per piece


def pieces(text: str) -> dict[str, list[int]]:
    """Every piece of 1–3 characters of ``text`` (NFKC, hiragana, lower case), with where each starts.

    ``^`` and ``$`` mark the start and end of the post, so 「^お前」 and 「な$」 are pieces too.
    """
    norm = "^" + _fold(unicodedata.normalize("NFKC", text)) + "$"
    found: dict[str, list[int]] = {}
    for size in SIZES:
        for i in range(len(norm) - size + 1):
            found.setdefault(norm[i:i + size], []).append(i - 1)  # offset into the NFKC text
    return found


def _fold(text: str) -> str:
    return "".join(chr(ord(ch) - 0x60) if 0x30A1 <= ord(ch) <= 0x30F6 else ch.lower() for ch in text)


@dataclass(frozen=True)
class Guess:
    """What the classifier thinks of one post."""

    probability: float  # that the post hurts someone
    category: str  # the kind of harm it is most like
    strongest: tuple[int, int]  # the piece that weighed most towards harm, as NFKC offsets


@dataclass(frozen=True)
class Classifier:
    """Weights learned from labelled posts, and the probability from which a post is flagged."""

    bias: float
    weights: dict[str, float]
    category_weights: dict[str, dict[str, float]]
    threshold: float
    trained_on: dict[str, str]  # training file -> sha256, so a test can tell when it is out of date

    def probability(self, text: str) -> float:
        z = self.bias + sum(self.weights.get(p, 0.0) for p in pieces(text))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def guess(self, text: str) -> Guess:
        found = pieces(text)
        z = self.bias + sum(self.weights.get(p, 0.0) for p in found)
        probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        scores = {c: w.get("", 0.0) + sum(w.get(p, 0.0) for p in found) for c, w in self.category_weights.items()}
        category = max(scores, key=lambda c: (scores[c], c)) if scores else "insult"
        best = max(found, key=lambda p: (self.weights.get(p, 0.0), len(p), p))
        start = max(0, found[best][0])
        return Guess(probability, category, (start, start + len(best.strip("^$"))))


@cache
def shipped_classifier() -> Classifier:
    """The kit's own classifier, read once per kernel."""
    return load_classifier(WEIGHTS)


def load_classifier(path: str | Path = WEIGHTS) -> Classifier:
    """The classifier saved by ``tools/train_post_classifier.py``."""
    data = json.loads(Path(path).read_text("utf-8"))
    return Classifier(float(data["bias"]), dict(data["weights"]),
                      {c: dict(w) for c, w in data["category_weights"].items()},
                      float(data["threshold"]), dict(data["trained_on"]))


def save_classifier(classifier: Classifier, path: str | Path = WEIGHTS) -> None:
    data = {"threshold": classifier.threshold, "trained_on": classifier.trained_on, "bias": round(classifier.bias, 4),
            "weights": {p: round(w, 4) for p, w in sorted(classifier.weights.items())},
            "category_weights": {c: {p: round(w, 3) for p, w in sorted(ws.items())}
                                 for c, ws in sorted(classifier.category_weights.items())}}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", "utf-8")


def train(posts: list[tuple[str, str | None]], *, threshold: float, trained_on: dict[str, str],
          epochs: int = 200, rate: float = 0.5, l2: float = 0.01, keep: float = 0.02) -> Classifier:
    """Learn from ``(text, category or None)`` pairs: full-batch gradient descent, so the same posts give the same weights.

    Harmful and fine posts weigh the same in total however many there are of each (and, for the
    category weights, one kind and the other harmful posts). Weights smaller than ``keep`` are dropped.
    """
    xs = [frozenset(pieces(text)) for text, _ in posts]
    bias, weights = _regression(xs, [1.0 if category else 0.0 for _, category in posts], epochs, rate, l2)
    harmful = [(x, category) for x, (_, category) in zip(xs, posts, strict=True) if category]
    category_weights = {}
    for name in sorted({category for _, category in harmful}):
        b, w = _regression([x for x, _ in harmful], [1.0 if c == name else 0.0 for _, c in harmful], epochs, rate, l2)
        category_weights[name] = {"": b, **{p: v for p, v in w.items() if abs(v) >= keep}}
    return Classifier(bias, {p: w for p, w in weights.items() if abs(w) >= keep}, category_weights, threshold, trained_on)


def _regression(xs: list[frozenset[str]], ys: list[float], epochs: int, rate: float, l2: float) -> tuple[float, dict[str, float]]:
    """Logistic regression with balanced classes and L2, by full-batch gradient descent."""
    positive = sum(ys)
    balance = {1.0: len(ys) / (2 * positive), 0.0: len(ys) / (2 * (len(ys) - positive))}
    weights: dict[str, float] = {}
    bias = 0.0
    for _ in range(epochs):
        grad: dict[str, float] = {}
        grad_bias = 0.0
        for x, y in zip(xs, ys, strict=True):
            z = bias + sum(weights.get(p, 0.0) for p in x)
            g = (1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - y) * balance[y]
            grad_bias += g
            for p in x:
                grad[p] = grad.get(p, 0.0) + g
        bias -= rate * grad_bias / len(xs)
        for p in sorted(set(weights) | set(grad)):
            weights[p] = weights.get(p, 0.0) - rate * (grad.get(p, 0.0) / len(xs) + l2 * weights.get(p, 0.0))
    return bias, weights


__all__ = ["WEIGHTS", "Classifier", "Guess", "load_classifier", "pieces", "save_classifier", "shipped_classifier", "train"]
