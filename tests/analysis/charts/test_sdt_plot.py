"""The class's d′ and c before and after on one plot, with intervals and the published reference."""

from __future__ import annotations

import math

from kit.analysis.charts import Reference, SdtPoint, sdt_plot
from kit.analysis.charts.palette import colour
from tests.analysis.charts.svgcheck import NS, assert_inert, parsed, texts

PRE = SdtPoint("事前", 0.52, -0.30, 0.10, 0.95, -0.60, 0.02)
POST = SdtPoint("事後", 1.10, 0.25, 0.70, 1.50, -0.05, 0.55)
REF = Reference(0.37, "Roozenbeek, Traberg & van der Linden (2022) R. Soc. Open Sci.")


def points(root):
    return {g.find(NS + "title").text: g for g in root.iter(NS + "g") if g.get("class") == "nk-sdt-point"}


def test_both_phases_are_labelled_with_their_values():
    drawn = texts(parsed(sdt_plot(PRE, POST, REF)))
    assert "事前 d′ 0.52 ／ c -0.30" in drawn and "事後 d′ 1.10 ／ c +0.25" in drawn


def test_after_is_higher_and_further_right_when_d_and_c_both_rose():
    root = parsed(sdt_plot(PRE, POST, REF))
    found = points(root)
    pre = found["事前 d′ 0.52 ／ c -0.30"].find(NS + "circle")
    post = found["事後 d′ 1.10 ／ c +0.25"].find(NS + "circle")
    assert float(post.get("cy")) < float(pre.get("cy")) and float(post.get("cx")) > float(pre.get("cx"))
    assert post.get("fill") == colour("blue") and pre.get("fill") == colour("surface")  # filled vs hollow


def test_each_point_has_its_interval_bars():
    found = points(parsed(sdt_plot(PRE, POST, REF)))
    assert all(len(g.findall(NS + "line")) == 2 for g in found.values())
    assert all(len(g.findall(NS + "line")) == 0 for g in points(parsed(sdt_plot(
        SdtPoint("事前", 0.5, 0.0), SdtPoint("事後", 0.6, 0.1), REF))).values())


def test_the_reference_is_a_dashed_line_a_d_of_0_37_above_before_with_its_source():
    root = parsed(sdt_plot(PRE, POST, REF))
    ref = next(g for g in root.iter(NS + "g") if g.get("class") == "nk-sdt-reference")
    line = ref.find(NS + "line")
    assert line.get("stroke-dasharray") and "参考：Bad News の効果 d = 0.37" in texts(ref)
    assert "R. Soc. Open Sci." in ref.find(NS + "title").text
    pre_y = float(points(root)["事前 d′ 0.52 ／ c -0.30"].find(NS + "circle").get("cy"))
    grid = {t.text: float(t.get("y")) - 4 for t in root.iter(NS + "text") if t.text in ("0.0", "0.5")}
    per_unit = (grid["0.0"] - grid["0.5"]) / 0.5
    assert math.isclose(pre_y - float(line.get("y1")), 0.37 * per_unit, abs_tol=0.2)
    desc = root.find(NS + "desc").text
    assert "d = 0.37" in desc and "単位がちがう" in desc and "0.10〜0.95" in desc


def test_missing_phase_draws_a_sentence_instead():
    root = parsed(sdt_plot(PRE, None, REF))
    assert "まだ描けません" in root.find(NS + "desc").text and len(list(root.iter(NS + "circle"))) == 0
    assert "まだ描けません" in parsed(sdt_plot(PRE, SdtPoint("事後", math.nan, math.nan))).find(NS + "desc").text


def test_english_and_inert():
    markup = sdt_plot(PRE, POST, REF, "en")
    assert_inert(markup)
    assert "Sensitivity d′" in texts(parsed(markup)) and "only a yardstick" in parsed(markup).find(NS + "desc").text
