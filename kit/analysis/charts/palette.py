"""The kit's colours for the charts, read from ``widgets/_tokens.css`` (the one place they are written).

A chart writes colours as attributes (``fill="#1f5f99"``) rather than CSS classes, so it looks the
same in the teacher's page, in a printed PDF and saved on its own; a school that changes a token
changes the charts too. ``contrast`` is WCAG 2's ratio, for the check that chart text stays ≥ 4.5:1.
"""

from __future__ import annotations

import re
from functools import cache

from kit.content.paths import bundled_root

TOKEN = re.compile(r"--nk-([a-z-]+):\s*([^;]+);")


@cache
def tokens() -> dict[str, str]:
    """Every ``--nk-…`` token of ``widgets/_tokens.css`` by name (without ``--nk-``)."""
    text = (bundled_root() / "widgets" / "_tokens.css").read_text("utf-8")
    return {name: " ".join(value.split()) for name, value in TOKEN.findall(re.sub(r"/\*.*?\*/", "", text, flags=re.S))}


def colour(name: str) -> str:
    """The value of token ``--nk-<name>``."""
    return tokens()[name]


def font() -> str:
    """The kit's Japanese font stack (``--nk-font``)."""
    return tokens()["font"]


def _luminance(value: str) -> float:
    value = value.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
