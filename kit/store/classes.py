"""One spelling per class: 「2-1」「２－１」「2年1組」「2 - 1」 are the same class.

Students type their class on tablets in whatever form they are used to; the results must not
split one class into three. The store keeps what was typed and reads every class through
``normalise_class``, so earlier answers join too, and the teacher is told which spellings were
merged (``merged_spellings``).
"""

from __future__ import annotations

import re
import unicodedata

# Dashes and long-vowel marks students type between grade and class (after NFKC).
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u30fc\uff70\u2500_/・.]+")
_GRADE_CLASS = re.compile(r"^(.+?)年(.+?)組?$")


def normalise_class(text: str) -> str:
    """The class's one spelling: half-width, no spaces, ``-`` between grade and class, no 年/組 (case kept).

    >>> [normalise_class(t) for t in ("２－１", "2年1組", " 2 - 1 ", "1年A組", "3組", "2ー1")]
    ['2-1', '2-1', '2-1', '1-A', '3', '2-1']
    """
    value = unicodedata.normalize("NFKC", text or "")
    value = "".join(ch for ch in value if not ch.isspace() and ch.isprintable())
    value = _DASHES.sub("-", value)
    found = _GRADE_CLASS.match(value)
    if found:
        value = f"{found.group(1)}-{found.group(2)}"
    elif value.endswith("組"):
        value = value[:-1]
    return re.sub(r"-+", "-", value).strip("-")


def merged_spellings(codes) -> dict[str, list[str]]:
    """The classes typed in more than one way: one spelling → the spellings merged into it."""
    groups: dict[str, set[str]] = {}
    for code in codes:
        groups.setdefault(normalise_class(code), set()).add(code)
    return {key: sorted(found) for key, found in sorted(groups.items()) if len(found) > 1}
