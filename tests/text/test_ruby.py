"""Readings a teacher writes by hand (｜漢字《かんじ》) win over pykakasi's guess, and vanish without furigana."""

from __future__ import annotations

from kit.content.text import Text
from kit.text.furigana import plain_html, ruby_html
from kit.text.ruby import strip_marks
from kit.widgets._render import text_html


def test_a_hand_reading_is_used_as_written():
    out = ruby_html("｜誹謗中傷《ひぼうちゅうしょう》はだめ")
    assert "<ruby>誹謗中傷<rp>(</rp><rt>ひぼうちゅうしょう</rt><rp>)</rp></ruby>" in out
    assert out.endswith("はだめ")


def test_without_a_bar_the_kanji_before_the_reading_is_the_base():
    assert strip_marks("佐藤《さとう》さんと｜ABC《エービーシー》") == "佐藤さんとABC"
    assert "<rt>さとう</rt>" in ruby_html("佐藤《さとう》さん")


def test_the_rest_still_gets_readings_and_is_escaped():
    out = ruby_html("<b>学校</b>で｜誹謗《ひぼう》")
    assert "&lt;b&gt;" in out and "<rt>がっこう</rt>" in out and "<rt>ひぼう</rt>" in out


def test_without_furigana_only_the_base_text_shows():
    assert plain_html("｜誹謗中傷《ひぼうちゅうしょう》に<注意>") == "誹謗中傷に&lt;注意&gt;"
    assert text_html(Text("｜誹謗《ひぼう》"), "ja", False) == "誹謗"
    assert "《" not in ruby_html("《本のタイトル》") or ruby_html("《本のタイトル》").count("《") == 1  # brackets alone stay text
