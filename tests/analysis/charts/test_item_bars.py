"""Per-question bars: the hardest question on top with its correct rate and the wrong answer most chosen."""

from __future__ import annotations

from kit.analysis.charts import ItemBar, item_bars
from kit.analysis.charts.palette import colour
from tests.analysis.charts.svgcheck import HOSTILE, NS, assert_inert, parsed, texts, words

ITEMS = [ItemBar("知らない人から来たリンクを開く？", "事前", 40, 0.25, "すぐ開く", 0.6),
         ItemBar("写真の場所を確かめる方法は？", "事後", 38, 0.9, "", 0.0)]


def test_each_question_shows_its_correct_rate_and_its_most_chosen_wrong_answer():
    root = parsed(item_bars(ITEMS))
    drawn = texts(root)
    assert "事前｜知らない人から来たリンクを開く？" in drawn and "正解 25%" in drawn and "40人" in drawn
    assert "いちばん多かったまちがい「すぐ開く」60%" in drawn
    assert "まちがえた人はいません" in drawn and "正解 90%" in drawn


def test_bars_are_as_long_as_the_rates_and_coloured_from_the_tokens():
    root = parsed(item_bars(ITEMS))
    blue = [float(r.get("width")) for r in root.iter(NS + "rect") if r.get("fill") == colour("blue")]
    orange = [float(r.get("width")) for r in root.iter(NS + "rect") if r.get("fill") == colour("orange")]
    assert blue == [75, 270] and orange == [180, 0]  # 300 px for 100%


def test_the_description_says_every_question_in_words():
    desc = parsed(item_bars(ITEMS, "en")).find(NS + "desc").text
    assert "Correct rate of 2 questions" in desc and "25% correct" in desc and "“すぐ開く” (60%)" in desc


def test_a_long_question_is_cut_in_the_picture_but_whole_in_its_title():
    long = "とても長い問題文" * 10
    root = parsed(item_bars([ItemBar(long, "事前", 3, 0.5)]))
    assert any(t.endswith("…") for t in texts(root))
    assert long in words(root)


def test_many_questions_beyond_the_limit_are_named_under_the_chart():
    root = parsed(item_bars([ItemBar(f"問{i}", "事前", 5, i / 20) for i in range(20)], max_rows=15))
    assert "ほか 5 問は表を見てください。" in texts(root)
    assert sum(t.startswith("事前｜問") for t in texts(root)) == 15


def test_no_answers_yet_is_said_not_drawn_empty():
    assert "まだ答えがありません。" in texts(parsed(item_bars([])))


def test_question_and_answer_texts_stay_text():
    markup = item_bars([ItemBar(h, "事前", 2, 0.5, h, 0.5) for h in HOSTILE])
    assert_inert(markup)
    assert HOSTILE[1] in words(parsed(markup))
