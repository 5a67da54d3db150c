"""Romaji read as hiragana, letter by letter, and words that are not romaji left alone."""

from __future__ import annotations

import pytest

from kit.text.romaji import to_hiragana


def kana(word):
    found = to_hiragana(word)
    return None if found is None else "".join(k for k, _, _ in found)


@pytest.mark.parametrize(("word", "expected"), [
    ("shine", "しね"), ("sine", "しね"), ("SHINE", "しね"), ("korosu", "ころす"), ("korosuzo", "ころすぞ"),
    ("kimoi", "きもい"), ("uzai", "うざい"), ("busu", "ぶす"), ("gaiji", "がいじ")])
def test_the_words_students_hide_in_romaji(word, expected):
    assert kana(word) == expected


@pytest.mark.parametrize(("hepburn", "kunrei", "expected"), [
    ("shi", "si", "し"), ("chi", "ti", "ち"), ("tsu", "tu", "つ"), ("fu", "hu", "ふ"), ("ji", "zi", "じ"),
    ("sha", "sya", "しゃ"), ("cho", "tyo", "ちょ"), ("ja", "zya", "じゃ"), ("jya", "zya", "じゃ"), ("kyo", "kyo", "きょ")])
def test_hepburn_and_kunrei_spell_the_same_kana(hepburn, kunrei, expected):
    assert kana(hepburn) == kana(kunrei) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("yatta", "やった"), ("matcha", "まっちゃ"), ("kocchi", "こっち"), ("sanpo", "さんぽ"), ("konnichiwa", "こんにちわ"),
    ("kon'ya", "こんや"), ("konya", "こにゃ"), ("hon", "ほん"), ("onnna", "おんな"), ("sensei", "せんせい"),
    ("oosama", "おおさま"), ("toukyou", "とうきょう")])
def test_double_consonants_n_and_long_vowels(word, expected):
    assert kana(word) == expected


@pytest.mark.parametrize("word", ["www", "gg", "lol", "ok", "nice", "love", "quiz", "extra", "the", "sos", "it's", "'n"])
def test_words_that_are_not_entirely_romaji_give_none(word):
    assert to_hiragana(word) is None


def test_each_kana_points_at_the_letters_it_was_read_from():
    word = "Kocchakyu"
    found = to_hiragana(word)
    assert [(k, word[a:b]) for k, a, b in found] == [
        ("こ", "Ko"), ("っ", "c"), ("ち", "cha"), ("ゃ", "cha"), ("き", "kyu"), ("ゅ", "kyu")]
