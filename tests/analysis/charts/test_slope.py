"""Each student's score before → after: who went up, stayed, went down, with room for a later test."""

from __future__ import annotations

from kit.analysis.charts import StudentScores, slope_chart
from kit.analysis.charts.palette import colour
from tests.analysis.charts.svgcheck import HOSTILE, NS, assert_inert, parsed, texts, words

CLASS = [StudentScores("あき", 0.4, 0.8), StudentScores("ゆう", 0.4, 0.8), StudentScores("りん", 0.6, 0.4),
         StudentScores("そら", 0.6, 0.6), StudentScores("はな", 0.2, None)]


def lines(root):
    return [g for g in root.iter(NS + "g") if g.get("class") == "nk-slope-line"]


def test_the_legend_and_description_count_up_same_and_down():
    root = parsed(slope_chart(CLASS))
    assert "上がった 2人 ／ 同じ 1人 ／ 下がった 1人（点線）" in texts(root)
    desc = root.find(NS + "desc").text
    assert "両方に答えた 4 人" in desc and "クラス平均は 50% → 65%" in desc and "片方だけ答えた人 1 人" in desc


def test_students_with_the_same_scores_share_one_thicker_line_named_with_both():
    root = parsed(slope_chart(CLASS))
    shared = [g for g in lines(root) if "あき" in g.find(NS + "title").text]
    assert len(shared) == 1 and "ゆう" in shared[0].find(NS + "title").text
    path = shared[0].find(NS + "path")
    assert float(path.get("stroke-width")) > 1.5 and path.get("stroke") == colour("blue") and "×2" in texts(shared[0])


def test_down_is_red_and_dotted_so_it_is_not_told_by_colour_alone():
    root = parsed(slope_chart(CLASS))
    down = next(g for g in lines(root) if "りん" in g.find(NS + "title").text).find(NS + "path")
    assert down.get("stroke") == colour("red") and down.get("stroke-dasharray")


def test_the_later_column_waits_empty_until_a_delayed_test_and_then_is_drawn():
    assert "（まだ）" in texts(parsed(slope_chart(CLASS)))
    later = parsed(slope_chart([StudentScores("あき", 0.4, 0.8, 0.7)]))
    assert "（まだ）" not in texts(later) and "しばらく後のテストに答えた人は 1 人で、平均 70%" in later.find(NS + "desc").text
    assert "事後 80% → しばらく後 70%" in words(later)


def test_without_names_the_lines_count_students_instead():
    root = parsed(slope_chart(CLASS, names=False))
    assert "あき" not in words(root) and "2 人：事前 40% → 事後 80%" in words(root)


def test_nobody_paired_yet_is_said():
    assert "まだいません" in parsed(slope_chart([StudentScores("a", 0.5)])).find(NS + "desc").text


def test_hostile_nicknames_stay_text():
    markup = slope_chart([StudentScores(h, 0.2, 0.9) for h in HOSTILE])
    assert_inert(markup)
    assert all(h in words(parsed(markup)) for h in HOSTILE)


def test_a_student_who_took_the_booster_gets_a_third_point_and_the_others_end_at_post():
    root = parsed(slope_chart(CLASS[:4] + [StudentScores("あき2", 0.4, 0.8, 0.6)]))
    later = [g for g in lines(root) if "あき2" in g.find(NS + "title").text][0]
    assert len(later.findall(NS + "circle")) == 3 and later.find(NS + "path").get("d").count("L") == 2
    assert "事前 40% → 事後 80% → しばらく後 60%" in later.find(NS + "title").text
    ended = [g for g in lines(root) if "りん" in g.find(NS + "title").text][0]
    assert len(ended.findall(NS + "circle")) == 2 and "しばらく後" not in ended.find(NS + "title").text
    desc = root.find(NS + "desc").text
    assert "しばらく後のテストに答えた人は 1 人で、平均 60%" in desc and "答えていない 4 人の線は事後で終わります" in desc
    assert root.find(NS + "title").text.endswith("→ しばらく後）") and "（まだ）" not in texts(root)
