"""Plain sentences for a teacher about the ○× results before and after a lesson.

A misinformation lesson can raise ○× scores in two ways: students learn to tell true statements
from false ones (d′ goes up), or they simply answer "×" more often (c goes up, more sceptical),
which also "catches" the false statements but doubts true ones too. ``explain_sdt`` says which
happened, with sentences from ``explanations.yaml``. A change smaller than ``SENSITIVITY_STEP``
in d′ or ``BIAS_STEP`` in c is called "about the same": a rough band for a class of about thirty,
not a significance test.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache
from importlib import resources

SENSITIVITY_STEP = 0.2
BIAS_STEP = 0.2


def explain_sdt(pre: Mapping | None, post: Mapping | None, lang: str = "ja") -> list[str]:
    """Sentences on how telling true from false (d′) and the lean to "×" (c) changed.

    Args:
        pre: The ``sdt_table`` row (or any mapping with ``d_prime`` and ``c``) before the lesson.
        post: The same after the lesson.
        lang: "ja" or "en".

    Returns:
        One sentence on d′ and one on c, plus a caution when students only grew sceptical;
        a single sentence saying nothing can be compared when either side is missing.
    """
    if not (_known(pre) and _known(post)):
        return [_say("missing", lang)]
    sensitivity = _direction(post["d_prime"] - pre["d_prime"], SENSITIVITY_STEP, ("up", "same", "down"))
    bias = _direction(post["c"] - pre["c"], BIAS_STEP, ("sceptical", "same", "credulous"))
    sentences = [_say(f"sensitivity_{sensitivity}", lang, pre=pre["d_prime"], post=post["d_prime"]),
                 _say(f"bias_{bias}", lang, pre=pre["c"], post=post["c"])]
    if bias == "sceptical" and sensitivity != "up":
        sentences.append(_say("sceptical_only", lang))
    return sentences


def explain_sittings(lang: str = "ja") -> str:
    """What a nickname answered from several devices means, for the teacher's table of students."""
    return _say("several_sittings", lang)


def _known(row: Mapping | None) -> bool:
    return row is not None and all(not math.isnan(float(row[key])) for key in ("d_prime", "c"))


def _direction(change: float, step: float, names: tuple[str, str, str]) -> str:
    return names[0] if change >= step else names[2] if change <= -step else names[1]


def _say(key: str, lang: str, **values: float) -> str:
    texts = _sentences()[key]
    return (texts.get(lang) or texts["ja"]).format(**values)


@cache
def _sentences() -> dict[str, dict[str, str]]:
    import yaml

    return yaml.safe_load(resources.files("kit.analysis").joinpath("explanations.yaml").read_text("utf-8"))
