"""The post checker's rules, with the real analyser and with a fake one injected."""

from __future__ import annotations

import pytest

from kit.content.lexicon import load_lexicon
from kit.models.post_tone import MAX_LENGTH, PostTone, Token, fold, normalise
from tests.conftest import REPO


@pytest.fixture(scope="module")
def checker():
    return PostTone(load_lexicon(REPO / "datasets" / "lexicon" / "lexicon.yaml"))


def found(checker, text):
    return [(f.category, f.text) for f in checker.check(text).flags]


@pytest.mark.parametrize("text", ["キモい", "キモかった", "ｷﾓｲ", "きもい", "キモすぎ", "キモくて無理"])
def test_conjugations_and_spellings_of_one_word_are_found(checker, text):
    assert checker.check(text).categories == ("insult",)


@pytest.mark.parametrize("text", ["うざい", "ウザ", "ｳｻﾞｲんだけど", "うざかった", "うぜー"])
def test_uzai_in_every_spelling(checker, text):
    assert "insult" in checker.check(text).categories


def test_span_points_into_what_the_student_typed(checker):
    text = "やあ ｷﾓｲ ね"
    flag = checker.check(text).flags[0]
    assert text[flag.start:flag.end] == "ｷﾓｲ" == flag.text


def test_imperative_only_where_asked(checker):
    assert checker.check("死ね").categories == ("insult",)
    assert checker.check("死ねよ").categories == ("insult",)
    assert checker.check("死ぬほど笑った").ok
    assert checker.check("死ぬかと思った").ok


@pytest.mark.parametrize("text", ["「死ね」なんて書いたらだめだよ", "全然キモくないよ", "バカって言われて悲しかった",
                                  "ウザいなんて思ってないよ", "バカみたいに面白い", "ゴミを拾った"])
def test_quoted_negated_reported_and_harmless_uses_are_not_flagged(checker, text):
    assert checker.check(text).ok, checker.check(text).flags


def test_rhetorical_negative_is_still_an_insult(checker):
    assert checker.check("バカじゃないの？").categories == ("insult",)


def test_each_category(checker):
    assert checker.check("殺すぞ").categories == ("threat",)
    assert checker.check("デブは走るな").categories == ("appearance",)
    assert checker.check("電話番号は090-0000-0000だよ").categories == ("personal_info",)
    assert checker.check("みんなで叩こうぜ").categories == ("pile_on",)
    assert set(checker.check("みんなでキモいってコメントしよう").categories) == {"insult", "pile_on"}


def test_personal_information_is_flagged_even_in_quotes_and_can_be_masked(checker):
    result = checker.check("「０９０-００００-００００」に電話して")
    assert result.categories == ("personal_info",)
    assert "0000" not in result.masked() and "●" in result.masked()


def test_invisible_characters_do_not_hide_a_word(checker):
    assert checker.check("バ\u200bカ").categories == ("insult",)


def test_kind_post_is_ok(checker):
    result = checker.check("今日の試合、すごくよかったね！🙂")
    assert result.ok and result.flags == ()


def test_empty_and_too_long_are_refused_without_analysis():
    calls = []
    pt = PostTone(load_lexicon(REPO / "datasets" / "lexicon" / "lexicon.yaml"), analyser=lambda t: calls.append(t) or [])
    assert pt.check("   ").empty
    assert pt.check("あ" * (MAX_LENGTH + 1)).too_long
    assert pt.check(None).empty
    assert calls == []


def test_markup_is_just_text(checker):
    text = "<script>alert('バカ')</script>"
    flags = checker.check(text).flags
    assert [f.text for f in flags] == ["バカ"]


def test_analyser_is_injected_and_lemma_entries_use_it():
    # A fake analyser that says every "X" is the word ばか: the lexicon entry バカ then matches it.
    def fake(text):
        tokens, i = [], 0
        while i < len(text):
            word = "バカ" if text.startswith("バカ", i) else text[i]
            is_baka = word in ("バカ", "X")
            tokens.append(Token(word, i, i + len(word), "馬鹿" if is_baka else word, "ばか" if is_baka else word, "名詞"))
            i += len(word)
        return tokens

    pt = PostTone(load_lexicon(REPO / "datasets" / "lexicon" / "lexicon.yaml"), analyser=fake)
    assert [f.entry for f in pt.check("aXb").flags] == ["baka"]


def test_normalise_maps_back_to_the_original():
    norm, starts, ends = normalise("ｶﾞｷ\u200b０")
    assert norm == "ガキ0"
    assert [(s, e) for s, e in zip(starts, ends, strict=True)] == [(0, 2), (2, 3), (4, 5)]
    assert fold("キモイABC") == "きもいabc"
