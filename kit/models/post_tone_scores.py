"""How well a post checker does on posts with known labels: precision, recall and false alarms.

Used by the tests that hold the PostChecker's floors (tests/models/test_post_tone_scores.py) and by
``python -m benchmarks.postchecker``, which prints the same figures as tables (docs/postchecker.md).
The checker is a ``PostTone``, with or without its classifier.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.content.labelled import LabelledPost
from kit.content.lexicon import CATEGORIES
from kit.models.post_tone import PostTone


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

    @property
    def false_alarm_rate(self) -> float:
        """Fine posts flagged, out of all fine posts."""
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0


@dataclass(frozen=True)
class Kind:
    """One kind of post in a blind set: how many, how many flagged, how many given the writer's category."""

    name: str
    harmful: bool
    posts: int
    flagged: int
    right_category: int


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


def by_kind(posts: list[LabelledPost], found: dict[str, frozenset[str]]) -> list[Kind]:
    """Per kind of post of a blind set (insult, …, then kind, reporting, …), in the order they first appear."""
    kinds: dict[str, list[LabelledPost]] = {}
    for p in posts:
        kinds.setdefault(p.kind, []).append(p)
    return [Kind(name, bool(group[0].categories), len(group), sum(bool(found[p.id]) for p in group),
                 sum(bool(p.categories & found[p.id]) for p in group))
            for name, group in kinds.items()]
