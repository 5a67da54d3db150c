"""How hard each question is, from every class's stored answers, and which questions stand out.

A question's difficulty is the share of students who got it right (classical test theory's p),
per lesson and phase, over every class that answered it, so a teacher with one class sees what
the school's classes say. Its *discrimination* is how well it agrees with the rest of the test:
the correlation between getting this item right and the student's score on the other items of
the same phase (item–rest correlation). A question is marked when at least ``MIN_ANSWERS``
students answered it and

- ``too_easy``: ``EASY`` (90 %) or more got it right *before* the lesson, so it cannot show learning;
- ``too_hard``: ``HARD`` (20 %) or fewer got it right *after* the lesson, which often means a wrong
  key or a confusing wording;
- ``reversed``: students who did well on the rest of the test got it wrong more often than those who
  did poorly (discrimination below ``REVERSED``), the sign of a broken question.

Pure: answers in, one row per lesson, item and phase out; ``difficulty_notes`` gives the sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

MIN_ANSWERS = 10
EASY, HARD, REVERSED = 0.9, 0.2, -0.1
COLUMNS = ["lesson", "item", "form", "phase", "answered", "classes", "correct_rate", "discrimination", "flag"]


def difficulty_table(frame: pd.DataFrame, form_of: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per lesson, quiz item and phase (pre, post): answered, classes, correct rate, discrimination, flag.

    Args:
        frame: Answers from ``answers_frame``, of every class.
        form_of: The form of each item (``kit.analysis.forms.form_of_items``), shown beside it.
    """
    form_of = form_of or {}
    quiz = frame[frame["phase"].isin(["pre", "post"]) & ~frame["item"].str.contains(":", regex=False)]
    rows = []
    for (lesson, phase), answers in quiz.groupby(["lesson", "phase"]):
        wide = answers.pivot_table(index="session", columns="item", values="correct", aggfunc="first").astype(float)
        for item in wide.columns:
            got = wide[item].dropna()
            rest = wide.drop(columns=item).loc[got.index].mean(axis=1)
            rate = float(got.mean())
            disc = _correlation(got.to_numpy(), rest.to_numpy())
            answered = int(got.size)
            classes = int(answers.loc[answers["item"] == item, "class_code"].nunique())
            rows.append((lesson, item, form_of.get(item, ""), phase, answered, classes, rate, disc,
                         _flag(phase, answered, rate, disc)))
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["lesson", "phase", "form", "item"], key=_phase_first).reset_index(drop=True)


def flagged(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``difficulty_table`` that stand out, the most doubtful first (reversed, too hard, too easy)."""
    order = {"reversed": 0, "too_hard": 1, "too_easy": 2}
    marked = table[table["flag"] != ""]
    return marked.sort_values(["flag", "lesson", "item"], key=lambda s: s.map(order) if s.name == "flag" else s)


def difficulty_notes(table: pd.DataFrame, texts: Mapping[str, str] | None = None, lang: str = "ja") -> list[str]:
    """One plain sentence per question that stands out, naming it by its text (or id) and saying what to check."""
    texts = texts or {}
    words = _words()
    notes = []
    for _, row in flagged(table).iterrows():
        template = words[row["flag"]]
        notes.append((template.get(lang) or template["ja"]).format(
            question=texts.get(row["item"]) or row["item"], form=row["form"] or "-", n=int(row["answered"]),
            classes=int(row["classes"]), rate=round(row["correct_rate"] * 100)))
    return notes


def _flag(phase: str, answered: int, rate: float, disc: float) -> str:
    if answered < MIN_ANSWERS:
        return ""
    if np.isfinite(disc) and disc < REVERSED:
        return "reversed"
    if phase == "post" and rate <= HARD:
        return "too_hard"
    if phase == "pre" and rate >= EASY:
        return "too_easy"
    return ""


def _correlation(item: np.ndarray, rest: np.ndarray) -> float:
    keep = np.isfinite(rest)
    item, rest = item[keep], rest[keep]
    if item.size < 3 or item.std() == 0 or rest.std() == 0:
        return float("nan")  # everyone right (or wrong), or the rest does not vary: no agreement to measure
    return float(np.corrcoef(item, rest)[0, 1])


def _phase_first(column: pd.Series) -> pd.Series:
    return column.map({"pre": 0, "post": 1}) if column.name == "phase" else column


@cache
def _words() -> dict:
    import yaml

    return yaml.safe_load(resources.files("kit.analysis").joinpath("difficulty.yaml").read_text("utf-8"))
