"""Plain sentences for a teacher on what changed before and after a lesson, and how sure it is.

A misinformation lesson can raise ○× scores in two ways: students learn to tell true statements
from false ones (d′ goes up), or they simply answer "×" more often (c goes up, more sceptical),
which also "catches" the false statements but doubts true ones too. ``explain_sdt`` says which
happened and ``explain_change`` whether the scores changed, with sentences from
``explanations.yaml``. A change is called up or down only when its 95 % bootstrap interval over
students (``kit.analysis.bootstrap``) lies wholly above or below 0, and only when at least
``MIN_STUDENTS`` students answered both before and after; otherwise the sentence says the class
is too small or the change too uncertain to conclude. ``tidy`` keeps a value that rounds to zero
from showing as ``-0.00``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache
from importlib import resources

MIN_STUDENTS = 10


def explain_sdt(change: Mapping | None, lang: str = "ja") -> list[str]:
    """Sentences on how telling true from false (d′) and the lean to "×" (c) changed, with their intervals.

    Args:
        change: A ``sdt_change_table`` row (``students_both`` and, for ``d_prime`` and ``c``, the
            ``_pre``, ``_post`` and ``_change`` estimates with ``_low`` / ``_high``), or None.
        lang: "ja" or "en".

    Returns:
        One sentence on d′ and one on c, plus a caution when students only grew sceptical; a single
        sentence when either side is missing or when fewer than ``MIN_STUDENTS`` answered both.
    """
    if change is None or not all(_finite(change[f"{m}_{p}"]) for m in ("d_prime", "c") for p in ("pre", "post")):
        return [_say("missing", lang)]
    if int(change["students_both"]) < MIN_STUDENTS:
        return [_say("too_few", lang, n=int(change["students_both"]), min=MIN_STUDENTS, pre=change["d_prime_pre"],
                     post=change["d_prime_post"], c_pre=change["c_pre"], c_post=change["c_post"])]
    sensitivity = _direction(change, "d_prime", ("up", "uncertain", "down"))
    bias = _direction(change, "c", ("sceptical", "uncertain", "credulous"))
    sentences = [_say(f"sensitivity_{sensitivity}", lang, **_values(change, "d_prime")),
                 _say(f"bias_{bias}", lang, **_values(change, "c"))]
    if bias == "sceptical" and sensitivity != "up":
        sentences.append(_say("sceptical_only", lang))
    return sentences


def explain_change(row: Mapping, lang: str = "ja") -> str:
    """One sentence on whether the paired students' scores changed (a ``prepost_table`` row, shares 0–1)."""
    paired = int(row["paired"])
    if paired < MIN_STUDENTS:
        return _say("change_too_few", lang, n=paired, min=MIN_STUDENTS)
    low, high = row["change_low"], row["change_high"]
    verdict = "up" if low > 0 else "down" if high < 0 else "uncertain"
    return _say(f"change_{verdict}", lang, digits=0, change=row["change_mean"] * 100, low=low * 100, high=high * 100)


def tidy(value: float, digits: int = 2) -> float:
    """``value``, or 0.0 when it rounds to zero at ``digits`` places, so it never shows as ``-0.00``."""
    return 0.0 if round(float(value), digits) == 0 else float(value)


def explain_sittings(lang: str = "ja") -> str:
    """What a nickname answered from several devices means, for the teacher's table of students."""
    return _say("several_sittings", lang)


def _finite(value) -> bool:
    return value is not None and not math.isnan(float(value))


def _direction(change: Mapping, measure: str, names: tuple[str, str, str]) -> str:
    low, high = change[f"{measure}_change_low"], change[f"{measure}_change_high"]
    if not (_finite(low) and _finite(high)):
        return names[1]
    return names[0] if low > 0 else names[2] if high < 0 else names[1]


def _values(change: Mapping, measure: str) -> dict[str, float]:
    return {"pre": change[f"{measure}_pre"], "post": change[f"{measure}_post"], "change": change[f"{measure}_change"],
            "low": change[f"{measure}_change_low"], "high": change[f"{measure}_change_high"]}


def _say(key: str, lang: str, digits: int = 2, **values) -> str:
    texts = _sentences()[key]
    tidied = {k: tidy(v, digits) if isinstance(v, float) else v for k, v in values.items()}
    return (texts.get(lang) or texts["ja"]).format(**tidied)


@cache
def _sentences() -> dict[str, dict[str, str]]:
    import yaml

    return yaml.safe_load(resources.files("kit.analysis").joinpath("explanations.yaml").read_text("utf-8"))
