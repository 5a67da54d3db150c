"""Numbers as a Japanese or English reader expects them: 万・億・兆 in Japanese, commas in English."""

from __future__ import annotations

_JA_UNITS = ((1e12, "兆"), (1e8, "億"), (1e4, "万"))
_EN_UNITS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def amount(value: float, lang: str, unit_ja: str = "", unit_en: str = "") -> str:
    """``value`` rounded for reading: 6031億円 / 8.5兆円 in Japanese, 8.5 trillion yen in English."""
    if lang == "en":
        for size, word in _EN_UNITS:
            if abs(value) >= size:
                return f"{_short(value / size)} {word}{' ' + unit_en if unit_en else ''}"
        return f"{_small(value)}{' ' + unit_en if unit_en else ''}"
    for size, word in _JA_UNITS:
        if abs(value) >= size:
            return f"{_short(value / size, comma=True)}{word}{unit_ja}"
    return f"{_small(value)}{unit_ja}"


def _small(value: float) -> str:
    if abs(value) < 10 and value != int(value):
        return f"{value:.1f}"  # 0.5円 of ad money per reader, not 0円
    return f"{value:,.0f}"


def _short(x: float, comma: bool = True) -> str:
    """Three significant figures at most, trailing zeros dropped (8.5, 6,031, 70)."""
    if abs(x) >= 100:
        return f"{x:,.0f}" if comma else f"{x:.0f}"
    return f"{x:.3g}" if abs(x) >= 1 else f"{x:.2g}"


def percent(share: float) -> str:
    """A share from 0 to 1 as a whole percentage."""
    return f"{share * 100:.0f}%"
