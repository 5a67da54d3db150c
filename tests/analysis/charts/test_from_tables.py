"""The class's three pictures come from the same tables the dashboard shows, and the reference from the facts."""

from __future__ import annotations

from kit.analysis import answers_frame, item_table, sdt_change_table, student_table
from kit.analysis.charts.from_tables import class_pictures, item_rows, reference, sdt_points, student_rows
from kit.analysis.students import delayed_scores, with_delayed_scores
from kit.content.paths import bundled_root
from tests.analysis.charts.svgcheck import NS, parsed, texts
from tests.analysis.factories import answer, truefalse

QUESTIONS = {"t1": truefalse("t1", True), "f1": truefalse("f1", False)}


def frame():
    rows = []
    for s in range(12):
        for phase, (on_true, on_false) in (("pre", (0, 0)), ("post", (0, 1 if s % 3 else 0))):
            rows.append(answer("t1", (on_true,), on_true == 0, phase, f"s{s}", f"生徒{s}"))
            rows.append(answer("f1", (on_false,), on_false == 1, phase, f"s{s}", f"生徒{s}"))
    return answers_frame(rows)


def test_rows_carry_the_tables_values():
    f = frame()
    bars = item_rows(item_table(f, QUESTIONS), str.upper)
    assert bars[0].phase == "PRE" and bars[0].rate == 0 and bars[0].wrong == "○ 正しい" and bars[0].wrong_share == 1
    scores = {s.name: s for s in student_rows(student_table(f))}
    assert scores["生徒1"].pre == 0.5 and scores["生徒1"].post == 1 and scores["生徒0"].post == 0.5
    pre, post = sdt_points(sdt_change_table(f, QUESTIONS).iloc[0], str)
    assert pre.phase == "pre" and post.d > pre.d and pre.d_low <= pre.d <= pre.d_high


def test_the_reference_is_the_bad_news_fact_with_its_source_for_a_misinformation_lesson_only():
    ref = reference(bundled_root() / "datasets", "misinformation")
    assert ref.value == 0.37 and "rsos" not in ref.source.lower() and "R. Soc. Open Sci." in ref.source
    assert reference(bundled_root() / "no-such-folder", "misinformation") is None
    # A misinformation game's effect is no yardstick for another topic's lesson, nor for a lesson of unknown topic.
    for topic in ("defamation", "piracy", "other", None):
        assert reference(bundled_root() / "datasets", topic) is None, topic


def test_class_pictures_draw_all_three_and_note_the_reference():
    f = frame()
    pictures = class_pictures(item_table(f, QUESTIONS), student_table(f), sdt_change_table(f, QUESTIONS).iloc[0],
                              {"pre": "事前", "post": "事後"}.get, reference(bundled_root() / "datasets", "misinformation"))
    assert "上がった 8人 ／ 同じ 4人 ／ 下がった 0人（点線）" in texts(parsed(pictures["slope"]))
    assert any(t.startswith("事後 d′") for t in texts(parsed(pictures["sdt"])))
    assert parsed(pictures["items"]).find(NS + "title").text.startswith("問題ごと")
    assert "単位がちがう" in pictures["sdt_note"] and "Roozenbeek" in pictures["sdt_note"]


def test_the_booster_s_delayed_scores_reach_the_slope_chart():
    f = frame()
    booster = answers_frame([answer("d1", (0,), s % 2 == 0, "delayed", f"b{s}", f"生徒{s}", lesson="demo-booster")
                             for s in range(4)])
    students = with_delayed_scores(student_table(f), delayed_scores(booster))
    scores = {s.name: s for s in student_rows(students)}
    assert scores["生徒0"].delayed == 1 and scores["生徒1"].delayed == 0 and scores["生徒5"].delayed is None
    desc = parsed(class_pictures(item_table(f, QUESTIONS), students, None, str, None)["slope"]).find(NS + "desc").text
    assert "しばらく後のテストに答えた人は 4 人で、平均 50%" in desc and "答えていない 8 人" in desc
