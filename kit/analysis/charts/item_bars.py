"""Per question: a bar for the correct rate and, under it, a thinner one for the most chosen wrong answer.

Rows come in the order given (``item_table`` sorts them hardest first); at most ``MAX_ROWS`` are
drawn and the rest are named in a line under the chart (the page's table has every question).
The full question and the wrong answer are each row's ``<title>``; the ``<desc>`` says every row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kit.analysis.charts.palette import colour
from kit.analysis.charts.svg import Figure, fit
from kit.analysis.charts.words import say

MAX_ROWS = 15
WIDTH, LABEL, BAR, ROW, TOP = 760, 290, 300, 52, 30


@dataclass(frozen=True)
class ItemBar:
    """One question in one phase: its words, how many answered, the share right, the favourite wrong answer."""

    text: str
    phase: str
    n: int
    rate: float
    wrong: str = ""
    wrong_share: float = 0.0


def _percent(value: float) -> int:
    return round(value * 100)


def item_bars(items: Sequence[ItemBar], lang: str = "ja", ident: str = "nk-items", max_rows: int = MAX_ROWS,
              more_words: str = "items_more") -> str:
    """The bars of ``items`` as one accessible SVG; ``more_words`` says where the questions not drawn are listed."""
    shown = list(items)[:max_rows]
    more = len(items) - len(shown)
    desc = " ".join([say("items_desc", lang, count=len(items))] + [
        say("items_desc_one", lang, label=f"{it.phase}：{it.text}" if lang == "ja" else f"{it.phase}: {it.text}",
            rate=_percent(it.rate), wrong=say("items_desc_wrong", lang, wrong=it.wrong, share=_percent(it.wrong_share))
            if it.wrong else "") for it in items] if items else [say("items_none", lang)])
    height = TOP + ROW * max(len(shown), 1) + (24 if more else 8)
    fig = Figure(ident, WIDTH, height, say("items_title", lang), desc, "items")
    left = LABEL + 10
    for share in (0, 0.5, 1):
        x = left + BAR * share
        fig.line(x, TOP - 8, x, TOP + ROW * len(shown) - 6, stroke=colour("line"), stroke_width=1)
        fig.text(x, TOP - 12, f"{_percent(share)}%", font_size=11, text_anchor="middle", fill=colour("ink-soft"))
    if not shown:
        fig.text(10, TOP + 20, say("items_none", lang), fill=colour("ink-soft"))
    for row, it in enumerate(shown):
        y = TOP + ROW * row
        label = f"{it.phase}｜{it.text}" if lang == "ja" else f"{it.phase} | {it.text}"
        tip = say("items_desc_one", lang, label=label, rate=_percent(it.rate),
                  wrong=say("items_desc_wrong", lang, wrong=it.wrong, share=_percent(it.wrong_share)) if it.wrong else "")
        g = fig.group(tip=tip, class_="nk-item-row")
        fig.text(6, y + 14, fit(label, LABEL - 6, 13), parent=g)
        fig.text(6, y + 32, say("items_answers", lang, n=it.n), parent=g, font_size=11, fill=colour("ink-soft"))
        fig.rect(left, y + 2, BAR, 16, parent=g, fill=colour("tint-grey-strong"))
        fig.rect(left, y + 2, BAR * it.rate, 16, parent=g, fill=colour("blue"))
        fig.text(left + BAR + 8, y + 15, say("items_correct", lang, rate=_percent(it.rate)), parent=g, font_weight=700)
        fig.rect(left, y + 22, BAR * it.wrong_share, 8, parent=g, fill=colour("orange"))
        wrong = (say("items_wrong", lang, wrong=fit(it.wrong, 250, 11), share=_percent(it.wrong_share)) if it.wrong
                 else say("items_wrong_none", lang))
        fig.text(left, y + 44, fit(wrong, WIDTH - left - 20, 11), parent=g, font_size=11, fill=colour("ink-soft"))
    if more:
        fig.text(6, height - 8, say(more_words, lang, count=more), font_size=12, fill=colour("ink-soft"))
    return fig.markup()
