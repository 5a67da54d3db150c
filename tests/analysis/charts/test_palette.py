"""The charts' colours are the kit's tokens, and their text keeps 4.5:1 on what it is drawn on."""

from __future__ import annotations

import re

import pytest

from kit.analysis.charts import (
    ItemBar,
    PartCount,
    Reference,
    SdtPoint,
    StudentScores,
    item_bars,
    progress_chart,
    sdt_plot,
    slope_chart,
)
from kit.analysis.charts.palette import colour, contrast, tokens
from tests.analysis.charts.svgcheck import NS, parsed

# text colour -> the backgrounds chart text is drawn on (white card, tinted bands, the progress header)
BACKGROUNDS = ("surface", "tint-yellow", "tint-blue", "tint-blue-strong")
CHARTS = [item_bars([ItemBar("問", "事前", 3, 0.5, "A", 0.3)]),
          slope_chart([StudentScores("a", 0.2, 0.8), StudentScores("b", 0.8, 0.2)]),
          sdt_plot(SdtPoint("事前", 0.5, -0.2, 0.1, 0.9, -0.5, 0.1), SdtPoint("事後", 1.0, 0.3), Reference(0.37, "src")),
          progress_chart([PartCount("事前", (("a", 0), ("b", 9)))])]


def test_every_colour_in_a_chart_is_a_token():
    values = set(tokens().values())
    for markup in CHARTS:
        used = set(re.findall(r'(?:fill|stroke)="([^"]+)"', markup)) - {"none"}
        assert used <= values, used - values


@pytest.mark.parametrize("chart", range(len(CHARTS)))
def test_chart_text_keeps_four_and_a_half_to_one_on_every_chart_background(chart):
    root = parsed(CHARTS[chart])
    inks = {t.get("fill") or colour("ink") for t in root.iter(NS + "text")}
    low = [(ink, bg) for ink in inks for bg in BACKGROUNDS if contrast(ink, colour(bg)) < 4.5]
    assert not low, low


def test_contrast_is_wcag_s_ratio():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0 and contrast("#777777", "#777777") == 1
