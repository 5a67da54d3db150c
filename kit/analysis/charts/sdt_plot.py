"""The class's d′ (telling true from false, up) against c (the lean, left ○ / right ×), before and after.

Each phase is a point with its 95 % intervals as cross bars; an arrow goes from before to after.
A class that only grew sceptical moves right, one that learned to tell true from false moves up.
The published reference (a ``Reference``: Bad News, d = 0.37, Roozenbeek, Traberg & van der Linden
2022) is a dashed line at the class's d′ before plus the reference value: a yardstick, since the
study's d is a standardised effect on how reliable people rated false posts, not a d′ — the
``<desc>`` and the caption say so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kit.analysis.charts.palette import colour
from kit.analysis.charts.svg import Figure, fit
from kit.analysis.charts.words import say

WIDTH, HEIGHT = 480, 330
LEFT, RIGHT, TOP, BOTTOM = 64, 460, 40, 274


@dataclass(frozen=True)
class SdtPoint:
    """d′ and c of one phase with their 95 % intervals (NaN: unknown)."""

    phase: str
    d: float
    c: float
    d_low: float = math.nan
    d_high: float = math.nan
    c_low: float = math.nan
    c_high: float = math.nan


@dataclass(frozen=True)
class Reference:
    """A published effect to compare with: its value, a short name and the source."""

    value: float
    source: str


def _finite(*values: float) -> bool:
    return all(v is not None and math.isfinite(v) for v in values)


def _fmt(value: float, sign: bool = False) -> str:
    if not _finite(value):
        return "—"
    value = 0.0 if abs(value) < 0.005 else value
    return f"{value:+.2f}" if sign else f"{value:.2f}"


def _span(values: list[float], floor: float, ceiling: float, step: float) -> tuple[float, float]:
    """An axis from below the lowest to above the highest value, on ``step``s, at least ``floor``…``ceiling``."""
    known = [v for v in values if _finite(v)]
    low = min([floor, *known])
    high = max([ceiling, *known])
    return math.floor(low / step) * step, math.ceil(high / step) * step


def sdt_plot(pre: SdtPoint | None, post: SdtPoint | None, reference: Reference | None = None, lang: str = "ja",
             ident: str = "nk-sdt") -> str:
    """The before/after plot of d′ and c as one accessible SVG (a note only, when either phase is missing)."""
    if pre is None or post is None or not _finite(pre.d, pre.c, post.d, post.c):
        fig = Figure(ident, WIDTH, 60, say("sdt_title", lang), say("sdt_desc_missing", lang), "sdt")
        fig.text(10, 34, say("sdt_desc_missing", lang), fill=colour("ink-soft"))
        return fig.markup()
    ref_line = pre.d + reference.value if reference else math.nan
    d_axis = _span([pre.d, post.d, pre.d_low, pre.d_high, post.d_low, post.d_high, ref_line], 0, 2, 0.5)
    c_extent = max([1.0] + [abs(v) for v in (pre.c, post.c, pre.c_low, pre.c_high, post.c_low, post.c_high) if _finite(v)])
    c_axis = (-math.ceil(c_extent * 2) / 2, math.ceil(c_extent * 2) / 2)

    def x(c: float) -> float:
        return LEFT + (RIGHT - LEFT) * (c - c_axis[0]) / (c_axis[1] - c_axis[0])

    def y(d: float) -> float:
        return BOTTOM - (BOTTOM - TOP) * (d - d_axis[0]) / (d_axis[1] - d_axis[0])

    desc = say("sdt_desc", lang, d_pre=_fmt(pre.d), d_pre_low=_fmt(pre.d_low), d_pre_high=_fmt(pre.d_high),
               d_post=_fmt(post.d), d_post_low=_fmt(post.d_low), d_post_high=_fmt(post.d_high),
               c_pre=_fmt(pre.c, True), c_post=_fmt(post.c, True),
               ref=_fmt(reference.value) if reference else "—", source=reference.source if reference else "—")
    if reference:
        desc += " " + say("sdt_caveat", lang)
    fig = Figure(ident, WIDTH, HEIGHT, say("sdt_title", lang), desc, "sdt")
    fig.rect(LEFT, TOP, x(0) - LEFT, BOTTOM - TOP, fill=colour("tint-yellow"))
    fig.rect(x(0), TOP, RIGHT - x(0), BOTTOM - TOP, fill=colour("tint-blue"))
    fig.text(LEFT + 4, TOP - 8, say("sdt_left", lang), font_size=11, fill=colour("ink-soft"))
    fig.text(RIGHT - 4, TOP - 8, say("sdt_right", lang), font_size=11, text_anchor="end", fill=colour("ink-soft"))
    tick = d_axis[0]
    while tick <= d_axis[1] + 1e-9:
        fig.line(LEFT, y(tick), RIGHT, y(tick), stroke=colour("line"), stroke_width=0.5)
        fig.text(LEFT - 6, y(tick) + 4, f"{tick:.1f}", font_size=11, text_anchor="end", fill=colour("ink-soft"))
        tick += 0.5
    for c in (c_axis[0], c_axis[0] / 2, 0.0, c_axis[1] / 2, c_axis[1]):
        fig.text(x(c), BOTTOM + 16, _fmt(c, True) if c else "0", font_size=11, text_anchor="middle",
                 fill=colour("ink-soft"))
    fig.line(x(0), TOP, x(0), BOTTOM, stroke=colour("muted"))
    fig.text((LEFT + RIGHT) / 2, BOTTOM + 34, say("sdt_x", lang), text_anchor="middle", font_size=12)
    fig.text(16, (TOP + BOTTOM) / 2, say("sdt_y", lang), text_anchor="middle", font_size=12,
             transform=f"rotate(-90 16 {(TOP + BOTTOM) / 2:.0f})")
    if reference:
        g = fig.group(tip=say("with_note", lang, text=say("sdt_reference", lang, value=_fmt(reference.value)), note=reference.source),
                      class_="nk-sdt-reference")
        fig.line(LEFT, y(ref_line), RIGHT, y(ref_line), parent=g, stroke=colour("green-dark"), stroke_width=2,
                 stroke_dasharray="6 4")
        fig.text(RIGHT - 4, y(ref_line) - 5, say("sdt_reference", lang, value=_fmt(reference.value)), parent=g,
                 font_size=11, text_anchor="end", fill=colour("green-dark"))
    start, end = (x(pre.c), y(pre.d)), (x(post.c), y(post.d))
    if math.dist(start, end) > 12:
        angle = math.atan2(end[1] - start[1], end[0] - start[0])
        tip = (end[0] - 8 * math.cos(angle), end[1] - 8 * math.sin(angle))
        fig.line(*start, *tip, stroke=colour("ink"), stroke_width=2)
        wing = [(tip[0] - 8 * math.cos(angle + a), tip[1] - 8 * math.sin(angle + a)) for a in (0.5, -0.5)]
        fig.path(f"M{tip[0]:.1f},{tip[1]:.1f} L{wing[0][0]:.1f},{wing[0][1]:.1f} L{wing[1][0]:.1f},{wing[1][1]:.1f} Z",
                 fill=colour("ink"))
    for point, filled in ((pre, False), (post, True)):
        tone = colour("blue") if filled else colour("ink-soft")
        words = say("sdt_point", lang, phase=point.phase, d=_fmt(point.d), c=_fmt(point.c, True))
        g = fig.group(tip=words, class_="nk-sdt-point")
        if _finite(point.c_low, point.c_high):
            fig.line(x(point.c_low), y(point.d), x(point.c_high), y(point.d), parent=g, stroke=tone, stroke_width=1.5)
        if _finite(point.d_low, point.d_high):
            fig.line(x(point.c), y(point.d_low), x(point.c), y(point.d_high), parent=g, stroke=tone, stroke_width=1.5)
        fig.circle(x(point.c), y(point.d), 6, parent=g, fill=tone if filled else colour("surface"), stroke=tone,
                   stroke_width=2.5)
        right = x(point.c) < (LEFT + RIGHT) / 2
        fig.text(x(point.c) + (10 if right else -10), y(point.d) + (16 if filled else -10), fit(words, 200, 11),
                 parent=g, font_size=11, font_weight=700, text_anchor="start" if right else "end")
    return fig.markup()
