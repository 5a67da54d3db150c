"""Each student's score before → after the lesson (→ a delayed test later), as a slope chart.

Students with the same scores share one line, drawn thicker and counted, so forty students on a
five-question test stay readable. Up is blue, down is red and dotted (never colour alone), no
change is grey; the class mean is the thick dark line. The third column, for a delayed test after
a booster, is always there: empty and marked "(not yet)" until someone took it; then each student
who took it gets a third point (the others' lines end at post, and the text alternative counts
both). A student who took only one test is a dot. Nicknames go only into each line's ``<title>`` (``names=False``: none,
for a page that leaves the room).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from kit.analysis.charts.palette import colour
from kit.analysis.charts.svg import Figure
from kit.analysis.charts.words import say

WIDTH, HEIGHT, TOP, BOTTOM = 480, 330, 34, 270
COLUMNS = (110, 270, 430)


@dataclass(frozen=True)
class StudentScores:
    """One student's share of right answers in each test (None: did not take it)."""

    name: str
    pre: float | None = None
    post: float | None = None
    delayed: float | None = None


def _y(score: float) -> float:
    return BOTTOM - (BOTTOM - TOP) * score


def _pct(score: float | None) -> str:
    return "—" if score is None else f"{round(score * 100)}%"


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def slope_chart(students: Sequence[StudentScores], lang: str = "ja", ident: str = "nk-slope", names: bool = True) -> str:
    """The slope chart of ``students`` as one accessible SVG."""
    paired = [s for s in students if s.pre is not None and s.post is not None]
    up = sum(s.post > s.pre for s in paired)
    down = sum(s.post < s.pre for s in paired)
    same = len(paired) - up - down
    means = [_mean([getattr(s, k) for s in paired if getattr(s, k) is not None]) for k in ("pre", "post")]
    delayed = [s for s in students if s.delayed is not None]
    if paired:
        desc = say("slope_desc", lang, paired=len(paired), up=up, same=same, down=down, pre=round(means[0] * 100),
                   post=round(means[1] * 100))
    else:
        desc = say("slope_desc_none", lang)
    if delayed:
        desc += " " + say("slope_desc_delayed", lang, count=len(delayed),
                          delayed=round(_mean([s.delayed for s in delayed]) * 100))
        rest = sum(1 for s in students if s.delayed is None and s.post is not None)
        if rest:
            desc += " " + say("slope_desc_delayed_rest", lang, count=rest)
    lonely = [s for s in students if (s.pre is None) != (s.post is None)]
    if lonely:
        desc += " " + say("slope_only_one", lang, count=len(lonely))
    fig = Figure(ident, WIDTH, HEIGHT, say("slope_title_delayed" if delayed else "slope_title", lang), desc, "slope")
    for score in (0, 0.25, 0.5, 0.75, 1):
        fig.line(COLUMNS[0] - 20, _y(score), COLUMNS[2] + 20, _y(score), stroke=colour("tint-grey-strong"))
        fig.text(COLUMNS[0] - 28, _y(score) + 4, f"{round(score * 100)}%", font_size=11, text_anchor="end",
                 fill=colour("ink-soft"))
    for x, key in zip(COLUMNS, ("slope_pre", "slope_post", "slope_delayed"), strict=True):
        fig.line(x, TOP, x, BOTTOM, stroke=colour("line-strong"),
                 **({"stroke_dasharray": "4 4"} if key == "slope_delayed" and not delayed else {}))
        fig.text(x, TOP - 14, say(key, lang), text_anchor="middle", font_weight=700)
    if not delayed:
        fig.text(COLUMNS[2], TOP + 2 + (BOTTOM - TOP) / 2, say("slope_delayed_none", lang), text_anchor="middle",
                 font_size=12, fill=colour("ink-soft"))
    _lines(fig, students, lang, names)
    if paired:
        points = [(COLUMNS[0], means[0]), (COLUMNS[1], means[1])]
        later = _mean([s.delayed for s in delayed])
        if later is not None:
            points.append((COLUMNS[2], later))
        g = fig.group(tip=f"{say('slope_mean', lang)}：" + " → ".join(_pct(v) for _x, v in points), class_="nk-slope-mean")
        fig.path("M" + " L".join(f"{x},{_y(v):.1f}" for x, v in points), parent=g, fill="none", stroke=colour("ink"),
                 stroke_width=4)
        fig.text(points[-1][0] + 10, _y(points[-1][1]) + 4, say("slope_mean", lang), parent=g, font_size=12,
                 font_weight=700)
    fig.text(WIDTH / 2, HEIGHT - 16, say("slope_legend", lang, up=up, same=same, down=down), text_anchor="middle",
             font_size=12)
    return fig.markup()


def _lines(fig: Figure, students: Sequence[StudentScores], lang: str, names: bool) -> None:
    """One line (or dot) per distinct set of scores, as thick as the students who share it."""
    groups: dict[tuple, list[str]] = defaultdict(list)
    for s in students:
        key = tuple(None if v is None else round(v, 3) for v in (s.pre, s.post, s.delayed))
        if any(v is not None for v in key):
            groups[key].append(s.name)
    for key, who in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        points = [(x, v) for x, v in zip(COLUMNS, key, strict=True) if v is not None]
        scores = " → ".join(f"{say(k, lang)} {_pct(v)}" for k, v in zip(("slope_pre", "slope_post", "slope_delayed"),
                                                                        key, strict=True) if v is not None)
        tip = (say("slope_tip", lang, names="、".join(who) if lang == "ja" else ", ".join(who), scores=scores) if names
               else say("slope_tip_count", lang, count=len(who), scores=scores))
        first, last = points[0][1], points[-1][1]
        tone = "blue" if last > first else "red" if last < first else "muted"
        g = fig.group(tip=tip, class_="nk-slope-line")
        width = min(1.5 + 1.5 * (len(who) - 1), 10)
        if len(points) > 1:
            fig.path("M" + " L".join(f"{x},{_y(v):.1f}" for x, v in points), parent=g, fill="none",
                     stroke=colour(tone), stroke_width=f"{width:.1f}", stroke_opacity="0.75",
                     **({"stroke_dasharray": "5 4"} if tone == "red" else {}))
        for x, v in points:
            fig.circle(x, _y(v), 3 + min(len(who), 6) * 0.5, parent=g, fill=colour(tone if len(points) > 1 else "surface"),
                       stroke=colour(tone))
        if len(who) > 1:
            fig.text(points[-1][0] + 8 + width / 2, _y(points[-1][1]) + 4, f"×{len(who)}", parent=g, font_size=11,
                     fill=colour("ink-soft"))
