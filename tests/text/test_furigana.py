"""Furigana from a reading library, escaped HTML."""

from kit.text.furigana import ruby_html


def test_readings_over_kanji_with_okurigana_outside():
    out = ruby_html("送る前に考えよう")
    assert "<ruby>送<rp>(</rp><rt>おく</rt><rp>)</rp></ruby>る" in out
    assert "<rt>かんが</rt>" in out


def test_text_is_escaped():
    out = ruby_html("<script>alert(1)</script>悪口")
    assert "<script>" not in out and "&lt;script&gt;" in out and "<rt>わるくち</rt>" in out


def test_kana_only_text_gets_no_ruby():
    assert ruby_html("ちょっとまって") == "ちょっとまって"


def test_lone_counter_kanji_read_as_words_but_counted_after_numbers():
    assert "<rt>ひと</rt>" in ruby_html("読む人の気持ち")
    assert "<rt>ひ</rt>" in ruby_html("休みの日でも")
    assert "<rt>ぶん</rt>" in ruby_html("見えない分")
    assert "<rt>にん</rt>" in ruby_html("3人の子")
    assert "<rt>にち</rt>" in ruby_html("7日以内")
