"""The discernment test on the teacher's page: d′ and c of the 信じる / あやしい feed, and one sentence.

A post judged 信じる is a "○" answer (stored response 0, written "1"), so the signal detection of
``kit.analysis.sdt`` applies as it is: a hit is 信じる on a true post, a false alarm 信じる on a false
one; d′ is 見分ける力 and c the lean (above 0: 疑いすぎ, below 0: 信じすぎ). The posts' truths come
from the discernment files the answers name (item id → true), read by the caller.

``explain_discernment`` gives the teacher the one sentence the research asks for: did the class get
better at telling true from false (d′ up, its 95% interval above 0), or only more suspicious (c up
while d′ is not), or neither — and says so only with at least ``MIN_STUDENTS`` students who took both.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from kit.analysis.bootstrap import SEED
from kit.analysis.explain import MIN_STUDENTS, _direction, _say
from kit.analysis.sdt import change_table_by_truth, sdt_table_by_truth


def discernment_tables(frame: pd.DataFrame, truth: Mapping[str, bool], seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(per phase, change)``: the discernment items' d′ and c per class, lesson and phase, and pre → post with intervals."""
    items = frame[frame["item"].isin(truth.keys())]
    return sdt_table_by_truth(items, truth), change_table_by_truth(items, truth, seed=seed)


def verdict(change: Mapping | None) -> str:
    """The key of the sentence for a ``change_table_by_truth`` row (see ``explain_discernment``)."""
    if change is None or not all(_finite(change[f"{m}_{p}"]) for m in ("d_prime", "c") for p in ("pre", "post")):
        return "missing"
    if int(change["students_both"]) < MIN_STUDENTS:
        return "too_few"
    sensitivity = _direction(change, "d_prime", ("up", "same", "down"))
    bias = _direction(change, "c", ("sceptical", "same", "credulous"))
    if sensitivity == "down":
        return "worse"
    if sensitivity == "up":
        return "better" if bias == "same" else f"better_{bias}"
    return "unclear" if bias == "same" else f"{bias}_only"


def explain_discernment(change: Mapping | None, lang: str = "ja") -> str:
    """One sentence: better at telling true from false, only more suspicious (or credulous), worse, or unclear."""
    key = verdict(change)
    if key == "missing":
        return _say("discern_missing", lang)
    values = {"d_pre": change["d_prime_pre"], "d_post": change["d_prime_post"],
              "d_low": change["d_prime_change_low"], "d_high": change["d_prime_change_high"],
              "c_change": change["c_change"], "n": int(change["students_both"]), "min": MIN_STUDENTS}
    return _say(f"discern_{key}", lang, **values)


def _finite(value) -> bool:
    return value is not None and not math.isnan(float(value))
