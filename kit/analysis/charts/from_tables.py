"""The dashboard's tables (``kit.analysis``) as the charts' inputs, and the class's pictures in one call.

``class_pictures`` takes what the teacher's page already computed — the ``item_table``, the
``student_table`` and one ``sdt_change_table`` row — so the page counts once and draws three
pictures from it. ``reference`` reads the published effect to mark from the facts files, and only
for a lesson of the topic the study measured: a misinformation game's effect says nothing about a
defamation or piracy lesson.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

import pandas as pd

from kit.analysis.charts.item_bars import MAX_ROWS, ItemBar, item_bars
from kit.analysis.charts.sdt_plot import Reference, SdtPoint, sdt_plot
from kit.analysis.charts.slope import StudentScores, slope_chart
from kit.analysis.charts.words import say

# Published effects the d′ plot may mark, each fact's own ``topic`` the one its study measured
# (datasets/facts/misinformation.yaml). Defamation and piracy have no sourced comparable effect yet.
REFERENCE_FACTS = ("bad-news-effect-2022",)


def _score(value) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def item_rows(items: pd.DataFrame, phase: Callable[[str], str]) -> list[ItemBar]:
    """``item_table`` rows of quiz questions as bars, the phase named by ``phase`` (e.g. "pre" → 「事前」).

    Other components' items (``timeline:…``, ``scenario:…``) are choices in a story, not questions: the
    table below the chart still lists them.
    """
    items = items[~items["item"].astype(str).str.contains(":", regex=False)]
    return [ItemBar(text=row["text"] or row["item"], phase=phase(row["phase"]), n=int(row["n"]),
                    rate=float(row["correct_rate"]),
                    wrong=row["top_wrong"] if isinstance(row["top_wrong"], str) else "",
                    wrong_share=float(row["top_wrong_share"] or 0)) for _, row in items.iterrows()]


def student_rows(students: pd.DataFrame) -> list[StudentScores]:
    """``student_table`` rows as scores (a ``delayed_score`` column, when there is one, is the third test)."""
    return [StudentScores(name=row["student"] or str(row["student_key"])[:8], pre=_score(row["pre_score"]),
                          post=_score(row["post_score"]), delayed=_score(row.get("delayed_score")))
            for _, row in students.iterrows()]


def sdt_points(change: Mapping | None, phase: Callable[[str], str]) -> tuple[SdtPoint | None, SdtPoint | None]:
    """The before and after points of one ``sdt_change_table`` row (None when it is missing)."""
    if change is None:
        return None, None

    def point(p: str) -> SdtPoint:
        return SdtPoint(phase(p), *(float(change[f"{m}_{p}{end}"]) for m, end in
                                    (("d_prime", ""), ("c", ""), ("d_prime", "_low"), ("d_prime", "_high"),
                                     ("c", "_low"), ("c", "_high"))))

    return point("pre"), point("post")


def reference(datasets: Path, topic: str | None) -> Reference | None:
    """The published effect the d′ plot marks for a lesson of ``topic``, from the facts files.

    None when no reference fact's study measured ``topic`` (or the topic is unknown), and when the
    facts are missing or broken. Read again only when a facts file changed: parsing them took
    longer than drawing the pictures.
    """
    if not topic:
        return None
    folder = Path(datasets) / "facts"
    try:
        stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*.y*ml")))
    except OSError:
        return None
    return _reference(str(folder), stamp, topic)


@lru_cache(maxsize=8)
def _reference(folder: str, stamp: tuple, topic: str) -> Reference | None:
    from kit.content.errors import ContentError
    from kit.content.facts import load_all_facts

    try:
        facts = load_all_facts(folder)
    except (ContentError, OSError):
        return None
    fact = next((f for f in (facts.get(i) for i in REFERENCE_FACTS)
                 if f is not None and f.topic == topic and f.value is not None), None)
    return None if fact is None else Reference(float(fact.value), fact.source)


def class_pictures(items: pd.DataFrame, students: pd.DataFrame, change: Mapping | None, phase: Callable[[str], str],
                   ref: Reference | None, lang: str = "ja", names: bool = True,
                   shown: int | None = None) -> dict[str, str]:
    """The three pictures of a class and lesson: ``items`` (the ``shown`` hardest, default ``MAX_ROWS``),
    ``slope`` and ``sdt`` (None when no ○× items), and ``sdt_note`` on the reference.

    ``shown`` is for a page without the questions' table (the printed report): the questions left out
    are pointed to the teacher's page; else to the table below the picture."""
    pre, post = sdt_points(change, phase)
    return {
        "items": item_bars(item_rows(items, phase), lang, max_rows=shown or MAX_ROWS,
                           more_words="items_more" if shown is None else "items_more_elsewhere"),
        "slope": slope_chart(student_rows(students), lang, names=names),
        "sdt": sdt_plot(pre, post, ref, lang) if change is not None else None,
        "sdt_note": say("with_note", lang, text=say("sdt_caveat", lang), note=ref.source) if ref else "",
    }
