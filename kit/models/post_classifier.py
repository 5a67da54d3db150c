"""The PostChecker's learned judge: logistic regression over the characters and words of a post.

The lexicon's rules name the words that hurt and say why; whether a post with such a word is meant
to hurt (a friend's joke, game trash talk, a report quoting abuse) or a post with no listed word
hurts (sarcasm, polite contempt) is what this classifier judges, from the labelled posts the kit
ships (``datasets/lexicon`` and the blind sets of ``tests/models``; see
``tools/train_post_classifier.py``, which writes the weights to ``post_classifier.json`` beside
this file). A post is cut into its characters, pairs and triples of characters (in hiragana, as
the lexicon sees it) and its words by their dictionary form, alone and in pairs (from the same
analyser the rules use); the weights of those present add up to a probability that the post hurts
someone. A second set of weights per kind says which kind of harm it is most like, so the student
reads that kind's reason. Plain Python and one JSON file: nothing to install, nothing fetched,
about a millisecond a post.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kit.text.morph import Token

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


def features(text: str, tokens: Sequence[Token] = ()) -> dict[str, list[int]]:
    """The pieces of ``text`` and, from its ``tokens``, each word's dictionary form (``w:``) and each pair of them (``p:``)."""
    found = pieces(text)
    lemmas = ["^", *(t.lemma for t in tokens), "$"]
    starts = [0, *(t.start for t in tokens), len(text)]
    for i, lemma in enumerate(lemmas):
        found.setdefault("w:" + lemma, []).append(starts[i])
        if i:
            found.setdefault(f"p:{lemmas[i - 1]}|{lemma}", []).append(starts[i - 1])
    return found


def _fold(text: str) -> str:
    """Katakana as hiragana and letters in lower case, one character for each character (``"İ".lower()`` is two,
    so İ stays): the offsets of the pieces stay offsets into the NFKC text."""
    return "".join(chr(ord(ch) - 0x60) if 0x30A1 <= ord(ch) <= 0x30F6 else _lower(ch) for ch in text)


def _lower(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


@dataclass(frozen=True)
class Guess:
    """What the classifier thinks of one post."""

    probability: float  # that the post hurts someone
    category: str  # the kind of harm it is most like
    strongest: tuple[int, int]  # the piece of characters that weighed most towards harm, as NFKC offsets


@dataclass(frozen=True)
class Classifier:
    """Weights learned from labelled posts, and the probability from which a post is judged hurtful."""

    bias: float
    weights: dict[str, float]
    category_weights: dict[str, dict[str, float]]
    threshold: float  # a post no rule found a word in is hurtful from this probability
    trained_on: dict[str, str]  # training file -> sha256, so a test can tell when it is out of date
    word_threshold: float | None = None  # a post with a listed word (not a mild one) is hurtful from this one; None: ``threshold``

    def hurtful(self, probability: float, *, listed_word: bool) -> bool:
        """Whether a post of this ``probability`` is judged hurtful; a listed word is evidence of its own."""
        if listed_word and self.word_threshold is not None:
            return probability >= self.word_threshold
        return probability >= self.threshold

    def probability(self, text: str, tokens: Sequence[Token] = ()) -> float:
        return self.guess(text, tokens).probability

    def guess(self, text: str, tokens: Sequence[Token] = ()) -> Guess:
        found = features(text, tokens)
        z = self.bias + sum(self.weights.get(p, 0.0) for p in found)
        probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        scores = {c: w.get("", 0.0) + sum(w.get(p, 0.0) for p in found) for c, w in self.category_weights.items()}
        category = max(scores, key=lambda c: (scores[c], c)) if scores else "insult"
        chars = [p for p in found if not p.startswith(("w:", "p:"))]
        best = max(chars, key=lambda p: (self.weights.get(p, 0.0), len(p), p))
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
                      float(data["threshold"]), dict(data["trained_on"]), data.get("word_threshold"))


def save_classifier(classifier: Classifier, path: str | Path = WEIGHTS) -> None:
    data = {"threshold": classifier.threshold, "word_threshold": classifier.word_threshold, "trained_on": classifier.trained_on, "bias": round(classifier.bias, 4),
            "weights": {p: round(w, 3) for p, w in sorted(classifier.weights.items())},
            "category_weights": {c: {p: round(w, 3) for p, w in sorted(ws.items())}
                                 for c, ws in sorted(classifier.category_weights.items())}}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", "utf-8")


__all__ = ["WEIGHTS", "Classifier", "Guess", "features", "load_classifier", "pieces", "save_classifier", "shipped_classifier"]
