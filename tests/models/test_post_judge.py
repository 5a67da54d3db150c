"""How the learned judge and the rules decide together (issue 16, tenth round), and what a review of it as a student
trying to get hurtful posts past it found: each case below was a silent miss or a wrong highlight before it was fixed."""

from __future__ import annotations

import dataclasses

import pytest

from kit.content.lexicon import load_lexicon
from kit.models.post_classifier import shipped_classifier
from kit.models.post_tone import NEVER_SOFTENED, PostTone
from tests.conftest import REPO


@pytest.fixture(scope="module")
def checker():
    return PostTone(load_lexicon(REPO / "datasets" / "lexicon" / "lexicon.yaml"))


@pytest.fixture(scope="module")
def lenient(checker):
    """The rules with a judge that finds nothing hurtful: what the judge can and cannot turn into a note."""
    return PostTone(checker.lexicon, classifier=dataclasses.replace(shipped_classifier(), threshold=1.01, word_threshold=1.01))


@pytest.mark.parametrize("text, kind", [
    ("ありがとう、明日お前のこと蹴る", "threat"),                    # a thank-you does not make a threat friendly
    ("ありがとう！明日覚えとけよ", "threat"),
    ("ありがとう！ケンタは桜丘中学の2年だよ", "personal_info"),       # a school and a class, no number
    ("あいつの動画拡散お願い、ありがとう", "pile_on"), ("ありがとう！ユイのLINEのIDはyui_0123だよ", "personal_info"),
])
def test_threats_personal_information_and_calls_to_pile_on_are_never_a_note(lenient, text, kind):
    result = lenient.check(text)
    assert kind in result.categories and not result.noted and not result.softened, result
    assert kind in NEVER_SOFTENED


def test_insults_and_mockery_the_judge_doubts_are_a_note(lenient):
    result = lenient.check("あいつマジでうざい")
    assert result.noted and result.doubted and not result.flags


def test_a_personal_information_flag_offers_the_masked_post(checker):
    assert "●" in checker.check("ありがとう！ユイの電話は090-1234-5678だよ").masked()


def test_a_word_read_as_negated_leaves_the_post_to_the_judge(checker):
    """「来ないで」 reads as a negation to the rule for 来んな, but 「二度と学校来ないでね」 tells someone to stay away."""
    result = checker.check("二度と学校来ないでね")
    assert result.flags, result
    assert checker.check("キモくないよ、似合ってる").ok


def test_a_threat_written_by_the_writer_about_themself_is_still_a_threat(checker):
    assert "threat" in checker.check("俺明日学校燃やすわ").categories
    assert "threat" in checker.check("自分、明日あいつ刺すわ").categories
    assert checker.check("自分デブすぎやろ").ok  # the writer laughing at themself


@pytest.mark.parametrize("text, sentence", [("帰り道気をつけろよ。またね", "帰り道気をつけろよ"),
                                            ("ユウキ死んでくれない？よろしくね", "ユウキ死んでくれない")])
def test_the_flag_points_at_the_hurtful_sentence_not_a_greeting(checker, text, sentence):
    flags = checker.check(text).flags
    assert flags and any(f.text.startswith(sentence) or sentence.startswith(f.text) for f in flags), flags
    assert all(text[f.start:f.end] == f.text for f in flags)


@pytest.mark.parametrize("text, kind", [
    ("ゆうまなんか死んじゃえ！", "self_harm"), ("おはよう！今日もがんばろうね！ところでお前死んで", "self_harm"),
    ("チョンは出ていけ", "insult"), ("アスペかよ", "insult"), ("知恵遅れ", "insult"),
    ("今度二人でホテル行こうよ", "sexual"), ("どこに住んでるの？写真送って", "sexual"),
    ("学校に爆弾仕掛けたから明日休めよ", "threat"), ("俺明日学校燃やすわ", "threat"),
])
def test_death_wishes_slurs_grooming_and_threats_to_a_school_are_flagged(checker, text, kind):
    assert kind in checker.check(text).categories, checker.check(text).flags


@pytest.mark.parametrize("text", ["ちょんまげかわいい", "死んじゃうくらい笑った", "宿題多すぎて死んじゃう", "ホテルのバイキング行こう",
                                  "修学旅行のホテル、どこだっけ", "爆弾ゲームで遊ぼう", "写真送って！遠足のやつ"])
def test_their_look_alikes_are_not_flagged(checker, text):
    assert checker.check(text).ok, checker.check(text).flags


def test_odd_input_is_checked_without_an_error(checker):
    for text in ("\ud800死ね", "\u200b" * 5, "😀" * 50, "。。。！？", "\x07あ\x1b", "あ" * 400):
        checker.check(text)  # no exception
