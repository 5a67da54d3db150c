"""Live progress: one column per part of the lesson, the students on it listed, idle ones in grey."""

from __future__ import annotations

from kit.analysis.charts import PartCount, progress_chart
from kit.analysis.charts.palette import colour
from tests.analysis.charts.svgcheck import HOSTILE, NS, assert_inert, parsed, texts, words

PARTS = [PartCount("事前テスト", (("あき", 0),)), PartCount("タイムライン", (("ゆう", 1), ("りん", 12)))]


def test_each_part_names_its_students_and_counts_them():
    root = parsed(progress_chart(PARTS))
    drawn = texts(root)
    assert drawn.index("事前テスト") < drawn.index("あき") < drawn.index("タイムライン") < drawn.index("ゆう")
    assert "2人" in drawn and "1人" in drawn
    assert "3 人の、いちばん新しい答え。事前テスト 1 人、タイムライン 2 人" in root.find(NS + "desc").text


def test_a_student_idle_for_minutes_is_grey_with_how_long_ago():
    root = parsed(progress_chart(PARTS))
    idle = next(t for t in root.iter(NS + "text") if t.text.startswith("りん"))
    assert idle.text == "りん（12分前）" and idle.get("fill") == colour("ink-soft")
    busy = next(t for t in root.iter(NS + "text") if t.text == "ゆう")
    assert busy.get("fill") == colour("ink")


def test_more_than_forty_on_one_part_are_counted_not_listed():
    root = parsed(progress_chart([PartCount("事後テスト", tuple((f"s{i}", 0) for i in range(45)))]))
    assert "ほか 5 人" in texts(root) and "s44" not in texts(root)


def test_nobody_yet():
    assert "まだだれも答えていません。" in texts(parsed(progress_chart([])))


def test_hostile_nicknames_stay_text():
    markup = progress_chart([PartCount("事前テスト", tuple((h, 0) for h in HOSTILE))])
    assert_inert(markup)
    assert all(h in words(parsed(markup)) for h in HOSTILE)  # cut in the picture, whole in its title
