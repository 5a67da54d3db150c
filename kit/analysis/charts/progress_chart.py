"""Who is on which part of the lesson right now: one column per part, the students at it listed under.

A student is where their latest answer was (``kit.analysis.progress``). A student whose latest
answer is older than ``IDLE_MINUTES`` is written in grey with how long ago, so a teacher sees who
is stuck or has left. The page asks for this picture again every few seconds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from kit.analysis.charts.palette import colour
from kit.analysis.charts.svg import Figure, fit
from kit.analysis.charts.words import say

IDLE_MINUTES = 5
WIDTH, HEAD, LINE, NAME, MAX_NAMES = 760, 46, 18, 120, 40


@dataclass(frozen=True)
class PartCount:
    """A part of the lesson and the students now at it, each as (nickname, minutes since their last answer)."""

    label: str
    students: tuple[tuple[str, int], ...]


def progress_chart(parts: Sequence[PartCount], lang: str = "ja", ident: str = "nk-progress") -> str:
    """The live progress of a class as one accessible SVG."""
    total = sum(len(p.students) for p in parts)
    if not total:
        fig = Figure(ident, WIDTH, 50, say("progress_title", lang), say("progress_none", lang), "progress")
        fig.text(10, 30, say("progress_none", lang), fill=colour("ink-soft"))
        return fig.markup()
    joiner = "、" if lang == "ja" else ", "
    desc = say("progress_desc", lang, total=total, parts=joiner.join(
        say("progress_desc_part", lang, part=p.label, count=len(p.students)) for p in parts))
    column = WIDTH / len(parts)
    across = max(1, int((column - 8) // NAME))  # names side by side in a wide column
    rows = math.ceil(min(max(len(p.students) for p in parts), MAX_NAMES) / across)
    more = any(len(p.students) > MAX_NAMES for p in parts)
    height = HEAD + LINE * (rows + (1 if more else 0)) + 12
    fig = Figure(ident, WIDTH, height, say("progress_title", lang), desc, "progress")
    for k, part in enumerate(parts):
        x = k * column
        g = fig.group(class_="nk-progress-part")
        fig.rect(x + 2, 0, column - 4, HEAD - 8, parent=g, fill=colour("tint-blue-strong"), rx=6)
        fig.text(x + 8, 17, fit(part.label, column - 16, 13), parent=g, font_weight=700)
        fig.text(x + 8, 33, say("progress_count", lang, count=len(part.students)), parent=g, font_size=12)
        fig.rect(x + 2 + (column - 4) * 0.45, 26, (column - 4) * 0.5 * len(part.students) / total, 8, parent=g,
                 fill=colour("blue"))
        room = (column - 8) / across - 6
        for k, (name, minutes) in enumerate(part.students[:MAX_NAMES]):
            idle = minutes >= IDLE_MINUTES
            words = say("with_note", lang, text=name, note=say("progress_idle", lang, minutes=minutes)) if idle else name
            shown = fit(words, room, 12)
            where = g if shown == words else fig.group(g, tip=words)  # a cut name is whole in its title
            fig.text(x + 8 + (k % across) * (room + 6), HEAD + LINE * (k // across) + 12, shown, parent=where,
                     font_size=12, fill=colour("ink-soft" if idle else "ink"), **({"font_style": "italic"} if idle else {}))
        if len(part.students) > MAX_NAMES:
            fig.text(x + 8, HEAD + LINE * rows + 12, say("progress_more", lang, count=len(part.students) - MAX_NAMES),
                     parent=g, font_size=12, fill=colour("ink-soft"))
    return fig.markup()
