"""The post checker's rules, with the real analyser and with a fake one injected."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

import pytest

from kit.content.lexicon import load_lexicon
from kit.models.post_tone import MAX_LENGTH, PostTone, normalise
from kit.text.morph import Token, fold
from tests.conftest import REPO


@pytest.fixture(scope="module")
def checker():
    return PostTone(load_lexicon(REPO / "datasets" / "lexicon" / "lexicon.yaml"))


@pytest.fixture(scope="module")
def rules(checker):
    """The lexicon's rules alone, without the learned judge: what the rule tests below are about."""
    return PostTone(checker.lexicon, learned=False)


def found(checker, text):
    return [(f.category, f.text) for f in checker.check(text).flags]


@pytest.mark.parametrize("text", ["キモい", "キモかった", "ｷﾓｲ", "きもい", "キモすぎ", "キモくて無理"])
def test_conjugations_and_spellings_of_one_word_are_found(rules, text):
    assert rules.check(text).categories == ("insult",)


@pytest.mark.parametrize("text", ["うざい", "ウザ", "ｳｻﾞｲんだけど", "うざかった", "うぜー"])
def test_uzai_in_every_spelling(rules, text):
    assert "insult" in rules.check(text).categories


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


# --- issue 16: what students really write ---------------------------------------------------------

@pytest.mark.parametrize(("text", "category"), [
    ("もうリレー出なくていいよｗ", "mockery"),
    ("絵、下手すぎ", "mockery"),
    ("番組に出るな。顔も見たくない", "exclusion"),
    ("みずき最低じゃん。みんなで言ってやろうぜ", "pile_on"),
    ("学校来んなよ", "exclusion"),
    ("今日からあいつ無視な", "exclusion"),
    ("お前いらない", "contempt"),
    ("役立たず", "contempt"),
    ("家まで行ってやろうか", "threat"),
    ("こいつの本名と学校さらしとくわ", "personal_info"),
])
def test_the_issues_examples_are_caught_with_their_kind(checker, text, category):
    assert category in checker.check(text).categories


def test_the_issues_insult_and_call_to_pile_on_are_both_named(checker):
    assert set(checker.check("みずき最低じゃん。みんなで言ってやろうぜ").categories) == {"insult", "pile_on"}


@pytest.mark.parametrize("text", ["みんなで通報しよう", "このアカウント、みんなで通報しよう",
                                  "『消えろ』って言われてつらい、相談したい", "「キモい」って毎日DMがくる、どうしたらいい？",
                                  "最近グループで無視されててつらい", "部活で一人だけハブられてる気がする",
                                  "晒されてるの見つけたから運営に連絡した", "スクショ保存して先生に見せよ"])
def test_reporting_and_asking_for_help_are_never_flagged(checker, text):
    assert checker.check(text).ok, checker.check(text).flags


def test_a_phone_number_is_flagged_even_in_a_post_asking_for_help(checker):
    assert checker.check("090-1234-5678から毎日電話がきてこわい、どうしたらいい？").categories == ("personal_info",)


@pytest.mark.parametrize(("text", "category"), [
    ("明日からみんなでゆいのこと無視しよ", "exclusion"),
    ("新しいグループ作ったから、あやかは入れないでね", "exclusion"),
    ("班決め、こうき以外で組もう", "exclusion"),
    ("お前いなくても誰も困らんし", "contempt"),
    ("生きてる価値ある？", "contempt"),
    ("居るだけ邪魔", "contempt"),
    ("発表で噛みまくってて草", "mockery"),
    ("えみの絵、幼稚園児レベルで草", "mockery"),
    ("次チクったらどうなるかわかってるよね", "threat"),
    ("家どこか知ってるからな", "threat"),
    ("夜道には気をつけてね😊", "threat"),
    ("この垢の中の人、西高バスケ部のキャプテン", "personal_info"),
    ("こいつの顔写真これね（卒アルから）", "personal_info"),
    ("コメ欄荒らしに行く人この指とまれ", "pile_on"),
    ("あの子の投稿、全部に「つまんな」ってコメントしよ", "pile_on"),
])
def test_new_kinds_without_the_old_trigger_words(checker, text, category):
    assert category in checker.check(text).categories


@pytest.mark.parametrize("text", ["自分バカすぎて宿題家に忘れたｗ", "キモいくらい似てる自分の絵ｗ", "死ぬほど笑った",
                                  "カップ麺3分待てずに食ったら硬すぎて草", "やばい、みずき絵うますぎ", "お前天才かよ、マジ尊敬",
                                  "無視しないでね", "明日の持ち物なんだっけ", "新曲、前のほうが好きだったな"])
def test_jokes_about_oneself_praise_and_criticism_are_not_flagged(checker, text):
    assert checker.check(text).ok, checker.check(text).flags


def test_every_flag_has_a_reason_and_a_kinder_wording_in_both_languages(checker):
    lexicon = checker.lexicon
    for entry in lexicon.entries:
        for text in (lexicon.why(entry), lexicon.suggestion(entry), lexicon.categories[entry.category].label):
            assert text.ja and text.en, entry.id


def test_aimed_entries_need_someone_to_point_at(rules):
    assert "mockery" in rules.check("あいつまた寝坊してるｗ").categories
    assert rules.check("また寝坊したｗ").ok


def test_passive_means_it_happened_to_the_writer():
    lexicon = load_lexicon(REPO / "datasets" / "lexicon" / "lexicon.yaml")
    pt = PostTone(lexicon)
    assert pt.check("殴るぞ").categories == ("threat",)
    assert pt.check("殴られた").ok


# Friendly teasing (issue 16): a mild word in a post that plainly says it is friendly gets a gentle note, not a flag.
@pytest.mark.parametrize("text, word", [("お前ほんとアホやなｗ 好きやで", "アホ"), ("バカだなぁ、そういうとこ好きだよ", "バカ"),
                                        ("あほやなー、俺もだけど", "あほ"), ("ばーか。また明日な", "ばーか"),
                                        ("りな、また寝坊？ほんとバカなんだから❤", "バカ"), ("アホかｗ 人のこと言えんけど", "アホ")])
def test_mild_words_between_friends_get_a_note_not_a_flag(checker, text, word):
    result = checker.check(text)
    assert result.ok and result.noted and result.categories == ()
    assert word in [f.text for f in result.softened]


@pytest.mark.parametrize("text", ["お前ほんとアホやなｗ", "あいつバカすぎｗ", "かいとのダンス下手すぎ",
                                  "好きな子の前でこけたあいつ、アホすぎｗ", "親友とか言ってるけど、正直あいつアホすぎて無理"])
def test_mild_words_without_a_plain_friendly_signal_are_still_flagged(checker, text):
    result = checker.check(text)
    assert result.flags and not result.noted, result


@pytest.mark.parametrize("text, category", [
    ("好きやで、でも死ね", "insult"),
    ("大好きだよ❤ キモいけど", "insult"),
    ("アホやなｗ 好きやで。家まで行ってやろうか", "threat"),
    ("仲良しだと思ってた？ｗ 明日からあいつ無視な", "exclusion"),
    ("親友のたかしの本名と学校さらしとくわ", "personal_info"),
    ("あいつアホやろｗ 好きやで。みんなで言ってやろうぜ", "pile_on"),
    ("バカだなぁ、好きだよ。でもお前いらない", "contempt"),
    ("❤️ バカすぎて笑えるｗ みんな見に来て", "mockery"),
])
def test_strong_words_threats_doxxing_exclusion_contempt_and_pile_on_are_never_softened(checker, text, category):
    result = checker.check(text)
    assert category in result.categories and not result.noted and not result.softened


@pytest.mark.parametrize("text", ["好きやで、でも死ね", "090-1234-5678 に電話して", "親友のたかしの本名と学校さらしとくわ"])
def test_words_never_let_through_stay_flagged_even_when_the_judge_finds_the_post_fine(checker, text):
    lenient = PostTone(checker.lexicon, classifier=dataclasses.replace(checker.classifier, threshold=1.01, word_threshold=1.01))
    result = lenient.check(text)
    assert result.flags and not result.noted and not result.softened, result


def test_a_note_is_shown_only_when_every_flag_is_a_mild_word():
    lexicon = load_lexicon(REPO / "datasets" / "lexicon" / "lexicon.yaml")
    mild = [e.id for e in lexicon.entries if e.mild]
    assert {"baka", "aho", "aimed-laugh"} <= set(mild)
    assert all(e.category in ("insult", "mockery") and e.severity <= 2 for e in lexicon.entries if e.mild)
    without_friends = PostTone(dataclasses.replace(lexicon, friendly=()), learned=False)
    assert without_friends.check("お前ほんとアホやな 好きやで").categories == ("insult",)  # no laugh, no friendly sign


# Issue 16, fourth round: more written signs of friendship, each a kind of sign rather than a sentence.
@pytest.mark.parametrize("text, word", [
    ("アホやなｗ 宿題手伝ったるわ", "アホ"),                       # an offer of help (〜たる, 〜たげる)
    ("お前ほんまアホやなｗ 駅まで迎えに行くわ", "アホ"),             # picking the friend up
    ("あいつ今日もバカやってたｗ 次は一緒に行こか", "バカ"),         # a plan together
    ("バカだなー（褒めてる）", "バカ"),                            # the joke marked as praise
    ("お前のギャグほんまおもろいわ、アホやけど", "アホ"),            # laughing at what the friend meant to be funny
    ("たけるのアホ、ノート貸してくれてあんがと", "アホ"),            # thanks in any register
])
def test_offers_plans_thanks_and_praise_are_signs_of_friendship(checker, text, word):
    result = checker.check(text)
    assert result.ok and result.noted, result
    assert word in [f.text for f in result.softened]


@pytest.mark.parametrize("text", ["あいつまた転んでて草ｗ みんなで見に行こか",
                                  "死ね。迎えに行ったるわ"])
def test_an_offer_that_is_not_help_or_a_crowd_called_to_laugh_is_still_flagged(checker, text):
    result = checker.check(text)
    assert result.flags and not result.noted, result


def test_a_judge_that_finds_every_post_hurtful_still_spares_help_care_and_the_writer():
    from kit.models.post_classifier import Classifier

    lexicon = load_lexicon(REPO / "datasets" / "lexicon" / "lexicon.yaml")
    suspicious = PostTone(lexicon, classifier=Classifier(10.0, {}, {}, 0.5, {}))  # finds every post hurtful
    assert suspicious.check("「バカ」って言われた、どうしたらいい？").ok  # asks for help
    assert suspicious.check("あいつ最近元気ないけど大丈夫かな").ok  # shows care
    assert suspicious.check("自分ほんまブサイクすぎて草").ok  # the writer about themself
    assert suspicious.check("「死ね」なんて言っちゃだめ").ok  # a rule read its word as quoted
    assert suspicious.check("それ、ほんまにそう思う").flags


@pytest.mark.parametrize("text", ["お腹すきすぎて動けない", "部活のあと足終わった",
                                  "悪口ばかり書くサブ垢があったので運営に報告しました", "死ぬほど笑った"])
def test_hunger_tiredness_the_writer_included_and_a_report_with_its_reason_are_not_flagged(checker, text):
    assert not checker.check(text).flags


@pytest.mark.parametrize("text, category", [("あいつの腹出すぎｗ", "appearance"), ("お前の足終わってるｗ", "appearance"),
                                            ("盛りすぎてて別人じゃん、詐欺ｗ", "appearance"),
                                            ("何もしてないけどあいつのサブ垢みんなで通報しよ", "pile_on"),
                                            ("死ね。", "insult"), ("夜道気をつけてね笑", "threat")])
def test_their_hurtful_look_alikes_stay_flagged(checker, text, category):
    assert category in checker.check(text).categories


# Issue 16, fifth round: who the post is aimed at, read from its grammar. A laugh in a post that speaks *to* a friend
# with only mild words is the uncertain middle and gets the note; each case has a hurtful look-alike that stays flagged.
@pytest.mark.parametrize("noted, flagged", [
    ("けんた、また靴下左右ちがうやんｗ", "けんたの靴下左右ちがうやんｗ"),              # a vocative, not 〜の
    ("お前また傘忘れたんかｗ アホやな", "たくや、死ねｗ"),                              # a strong word is never softened
])
def test_a_laugh_spoken_to_a_friend_gets_the_note_and_its_look_alike_stays_flagged(checker, noted, flagged):
    soft, hard = checker.check(noted), checker.check(flagged)
    assert soft.ok and soft.noted, soft
    assert hard.flags and not hard.noted, hard


@pytest.mark.parametrize("text, category", [
    ("お前ほんまアホやなｗ 明日から無視な", "exclusion"),
    ("お前の住所さらすわｗ", "personal_info"),
    ("お前ほんまアホやなｗ 家まで行ってやろうか", "threat"),
    ("お前もうリレー出なくていいよｗ", "mockery"),          # taking someone's place on a team is not teasing
])
def test_hard_kinds_spoken_to_a_friend_with_a_laugh_stay_flagged(checker, text, category):
    result = checker.check(text)
    assert category in result.categories and not result.noted, result


def test_without_the_classifier_a_laugh_spoken_to_someone_is_not_softened():
    lexicon = load_lexicon(REPO / "datasets" / "lexicon" / "lexicon.yaml")
    assert PostTone(lexicon, learned=False).check("お前また傘忘れたんかｗ アホやな").flags


@pytest.mark.parametrize("fine, hurtful", [
    ("自分ほんまブサイクすぎて草", "あの子ほんまブサイクすぎて草"),      # the writer about themself
    ("俺って字汚すぎｗ", "お前って字汚すぎｗ みんな見て"),
    ("この宿題まじうざい", "あいつまじうざい"),                          # anger at a thing, not a person
    ("プリンター殴りたい", "お前殴りたい"),
    ("この宿題まじうざい", "その態度まじうざい"),                        # a person's manner is the person
    ("プリンター殴りたい", "明日楽しみにしとけ"),                        # a feeling, not a command to the reader
])
def test_remarks_about_oneself_or_a_thing_are_not_flagged_and_their_look_alikes_are(rules, checker, fine, hurtful):
    ok, bad = checker.check(fine), rules.check(hurtful)
    assert ok.ok and not ok.noted, ok
    assert bad.flags and not bad.noted, bad  # the rules flag the look-alike (the judge may still doubt it: see below)


# Sixth round (issue 16): sexual harassment and wishing death or harm are kinds of their own. These sentences are
# written here from the grammar of the acts (not copied from the blind sets), with fine look-alikes that stay quiet.
@pytest.mark.parametrize("text", [
    "はだかの写真送ってよ、絶対だれにも見せないから", "下着の写真ちょうだい", "水着の画像もっと見せて",
    "おっぱいでかいねｗ", "小さいお尻だなｗ 好きやで", "太もも触らせてよ", "足さわらせてくれたら宿題見せたる",
    "今日どんな下着？", "彼女とどこまで進んだん？教えろよ", "あいつ誰とでも寝るらしい", "あの子ヤリマンって噂",
    "更衣室の動画撮ったから回すわ", "スカートの中の写真あるけど見る？"])
def test_sexual_harassment_is_flagged_and_never_softened(checker, text):
    found = checker.check(text)
    assert "sexual" in found.categories, found.flags
    assert not found.noted


@pytest.mark.parametrize("text", [
    "早く飛び降りろよｗ", "そんなにしんどいなら首吊れば？", "線路に飛び込めば？ｗ", "とっとと死んじゃえ",
    "お前なんか事故にあえばいいのに", "あいつ大けがでもすればいいのにｗ", "お前マジで死んでほしい",
    "不幸になれ", "あいつ早く事故らないかな"])
def test_wishing_death_or_harm_is_flagged_and_never_softened(checker, text):
    found = checker.check(text)
    assert "self_harm" in found.categories, found.flags
    assert not found.noted


@pytest.mark.parametrize("text", [
    "水着買いに行こう", "写真ちょうだい、昨日の遠足の", "事故に気をつけてね", "飛び降りる夢見た、こわ", "この宿題で死ぬ",
    "足きれいに治ってよかった", "胸が痛い、風邪かな", "バンジーで飛び降りたら気持ちよかった", "宿題すぐやれるよ",
    "散歩どこまで行った？", "宿題のプリント、どこまでやればいいん？", "プールの写真ちょうだい", "ねこの体さわらせてもらった",
    "「飛び降りろ」って言われてつらい", "つらいなら先生に相談しよう", "友だちが「下着の写真送って」ってDMされてた。先生に相談した",
    "事故にあったけど大丈夫だった", "けがした足の写真送るね、先生に見せて"])
def test_their_fine_look_alikes_are_not_flagged(checker, text):
    assert checker.check(text).ok, checker.check(text).flags


def test_the_new_kinds_have_a_message_japanese_first_then_english(checker):
    for kind in ("sexual", "self_harm"):
        category = checker.lexicon.categories[kind]
        for text in (category.label, category.why, category.suggestion):
            assert text.ja and text.en and text.ja != text.en
    assert "性的" in checker.lexicon.categories["sexual"].why.ja
    assert "命" in checker.lexicon.categories["self_harm"].why.ja


def test_a_poll_that_asks_everyone_to_wish_someone_dead_is_a_pile_on(checker):
    assert "pile_on" in checker.check("こいつの投票、みんな「死んでほしい」に一票な").categories
    assert checker.check("文化祭の出し物、全員「たこ焼き」に投票してね").ok
    assert checker.check("「死んでほしい」って言われた、つらい").ok


# Issue 16, seventh round: rumours and hurtful sarcasm, written here from the grammar of the acts (a damaging claim
# about a person passed on as heard; praise meant backwards), with the fine look-alikes that must stay quiet.
@pytest.mark.parametrize("text", [
    "さきって万引きしたらしいよ", "あいつ親が逮捕されたって噂", "ゆいちゃん、援交してるってみんな言ってる",
    "こうたのお母さん、借金で夜逃げしたんだって", "あの子、病気うつるからさわらない方がいいって聞いた",
    "れいなって前の学校でいじめしてたらしい、拡散して", "そうまくん、テストでカンニングしてたみたい",
    "ここだけの話、あいつ停学になったらしいよ", "転校生のあの子、整形してるってうわさ"])
def test_a_rumour_about_a_person_is_its_own_kind_and_never_softened(checker, text):
    found = checker.check(text)
    assert "rumour" in found.categories, found.flags
    assert not found.noted


@pytest.mark.parametrize("text", [
    "明日雨らしいよ", "新作出るって噂", "駅前のコンビニで万引きあったらしい、こわ", "はるちゃん、ピアノで優勝したんだって！すごい",
    "ゆいが万引きしたって噂流されてるの、ひどくない？", "あやのが万引きしたって噂流されてる、先生に言った方がいいかな",
    "けんたが犯人って噂あるけどデマだから広めないで", "ゆうき入院したらしい、大丈夫かな", "ゆうきくん、虫捕まえたらしいよ",
    "はるかちゃん、部活の経験あるらしいよ", "ゆうとって前の学校で生徒会長やってたんだって", "さきが万引きしたとか言われてるけど信じてない、広めないでね",
    "ニュースで見たけど、あの俳優逮捕されたらしいね"])
def test_news_about_things_and_reports_of_a_rumour_are_not_rumours(checker, text):
    assert "rumour" not in checker.check(text).categories, checker.check(text).flags


def test_an_accusation_without_hearsay_is_not_told_as_a_rumour(checker):
    """The hearsay condition is what makes a rumour: the same claim said as seen by the writer is another matter."""
    assert "rumour" in checker.check("ミナってコンビニで万引きしたらしいよ").categories
    assert "rumour" not in checker.check("ミナってコンビニで万引きした").categories


def test_the_rumour_kind_teaches_defamation_japanese_first_then_english(checker):
    category = checker.lexicon.categories["rumour"]
    for text in (category.label, category.why, category.suggestion):
        assert text.ja and text.en and text.ja != text.en
    assert "名誉毀損" in category.why.ja and "defamation" in category.why.en
    assert "聞いた" in category.why.ja  # even if only heard
    rumours = [e for e in checker.lexicon.entries if e.category == "rumour"]
    assert rumours and all(e.hearsay and e.aimed and e.why.ja and e.why.en for e in rumours)


@pytest.mark.parametrize("text", [
    "さすがゆうと、今日も空気読めてて最高ｗ", "天才かな？いや、逆の意味でｗ", "たけるくんの歌、耳が幸せすぎて気絶しそう（棒）",
    "あいつの発表、最高だったわ（棒）", "さっすが学年ビリ様、言うことが違いますね〜", "かなた、また転んだの？すごいね〜",
    "ゆうと、テスト5点とか天才ｗ", "へぇ、それで頑張ったつもりなんだ。すごいね", "そうまって頭のできが違うよね、もちろん悪い方に",
    "ご意見ありがとうございます。誰も聞いてませんけど"])
def test_praise_shaped_contempt_is_flagged(checker, text):
    found = checker.check(text)
    assert found.flags and set(found.categories) & {"mockery", "contempt"}, found.flags


@pytest.mark.parametrize("text", [
    "さすがゆうと、発表すごかった！", "天才！ありがとう", "100点すごいね〜",
    "負けたけど最後まで頑張ってすごいね〜", "頑張ったつもりなんだけど、だめだった",
    "月曜日最高（棒）", "いい意味でやばい、天才", "自分、逆の意味で天才やわｗ"])
def test_sincere_praise_and_its_look_alikes_are_not_flagged(checker, text):
    assert checker.check(text).ok, checker.check(text).flags


# Issue 16, eighth round: friendly continuations, wishes about things, support of a victim, praise then its reversal.
@pytest.mark.parametrize("text", [
    "アホやなぁ笑 宿題見せてやるよ", "うるせーｗ 今度ジュース奢りな", "お前ほんまうざいわｗ（褒めてる）",
    "雑魚すぎｗ 悔しかったらもう一戦な", "はやとの寝ぐせ爆発してて草 次もよろしく"])
def test_a_laugh_with_a_friendly_continuation_gets_the_note(checker, text):
    found = checker.check(text)
    assert found.noted and not found.flags, found


@pytest.mark.parametrize("text", [
    "うるせーんだよ、学校来んな", "お前まじうざい、消えろ", "あいつ本当にうざいｗ みんなで無視しよ", "うざいｗ 二度と話しかけんな"])
def test_the_same_rough_words_without_a_friendly_continuation_stay_flagged(checker, text):
    found = checker.check(text)
    assert found.flags and not found.noted, found


@pytest.mark.parametrize("text", [
    "火曜の小テスト、この世から消えろ", "台風で運動会中止とかまじ最悪", "寒すぎて死ぬ", "宿題まじで消えてほしい",
    "あの悪口はひどいよ。りんは何も悪くない", "気にしないで、私は味方だよ", "落ち込まないで、うちらみんな味方だから",
    "相手チームボコボコにしてやろうぜ", "方向音痴すぎてまた迷った", "部活で足引っ張ってばかりで申し訳ない",
    "発表よかったよ、みんな聞き入ってた", "やさしいね、みんなに好かれてるのもわかる", "すごいね、誰もできなかった問題なのに",
    "いつも優しいね、ありがとう", "歌うますぎ！また聞かせて"])
def test_strong_words_about_things_support_and_sincere_praise_are_not_flagged(checker, text):
    assert checker.check(text).ok, checker.check(text).flags


@pytest.mark.parametrize("text", [
    "月曜、覚悟しとけ", "宿題忘れたやつ消えろ", "ピーマン残したゆうた、この世から消えろ", "テストの点低すぎ、お前が消えろ",
    "テスト前なのに遊んでるやつまじで消えてほしい", "味方だよ、ブスだけど", "あいつボコボコにしてやろうぜ"])
def test_their_look_alikes_aimed_at_a_person_stay_flagged(checker, text):
    found = checker.check(text)
    assert found.flags and not found.noted, found


@pytest.mark.parametrize("text", [
    "いつもおしゃれだね、みんなにドン引きされてるけど", "話おもしろいね、誰も聞いてないけどｗ", "かわいいね〜誰も近づかないくらい"])
def test_praise_followed_by_its_reversal_is_mockery(checker, text):
    found = checker.check(text)
    assert "mockery" in found.categories and not found.noted, found


# Issue 16, ninth round: contempt, threats, pile-ons and exclusion without a listed word; match words, things and care
# that keep banter, exaggeration and jokes from being flagged. Examples written for the rules, not taken from any set.
@pytest.mark.parametrize("text, kind", [
    ("はいはい、えらいえらい。で？", "contempt"), ("そのレベルで自慢とか言えるんだ、ふーん", "contempt"),
    ("お前と話すの時間の無駄", "contempt"), ("あんたみたいな人にはわからないよ", "contempt"),
    ("親にチクったら、もっとひどいことになるから", "threat"), ("もっと言ってやれｗ", "pile_on"),
    ("私も書き込もうかな、あいつのとこ", "pile_on"), ("放課後カラオケ行く人〜（たくや以外）", "exclusion"),
    ("生きてる価値ねーよ", "contempt"), ("ゆいの家、夜逃げしたって先輩から聞いた", "rumour")])
def test_ninth_round_hurtful_posts_without_a_listed_word_are_flagged(checker, text, kind):
    found = checker.check(text)
    assert kind in found.categories and not found.noted, found


@pytest.mark.parametrize("text", [
    "試合お疲れ！来週はボコボコにしたるからな", "GG、次の勝負で覚えとけよ", "この宿題の量、殺す気か",
    "このスマホくそすぎ、すぐ落ちる", "わい、絵下手すぎて草", "体重増えた…ブタ確定ｗ", "いつでもラインしてな",
    "妹がいじめられてる。私が言ったら余計ひどくなる？", "もっと言って、その話おもしろい"])
def test_ninth_round_banter_and_exaggeration_are_not_flagged(checker, text):
    assert checker.check(text).ok, checker.check(text).flags


@pytest.mark.parametrize("text", ["ひろ、階段で顔面着地しててｗ 大丈夫そ？", "たくみ、またプリント忘れてるｗ そういうとこ推せる"])
def test_ninth_round_a_laugh_with_care_gets_the_note(checker, text):
    found = checker.check(text)
    assert found.ok and found.noted, found


@pytest.mark.parametrize("text", [
    "試合のあと校門で待ってるから覚悟しとけ", "帰り道、殺す", "あいつくそすぎ", "もっと言ったれｗｗ",
    "太ったよねー、ブタじゃん", "わいの友達のたくや、音痴すぎｗ"])
def test_ninth_round_look_alikes_stay_flagged(checker, text):
    found = checker.check(text)
    assert found.flags and not found.noted, found


# Issue 16, tenth round: a learned judge decides (kit.models.post_classifier). Where it disagrees with an example an
# earlier round wrote for its rules, the rules still find the words, and the student still sees them in a note that
# says why it is only a note: nothing listed is passed over in silence. These are the hand-written examples the judge,
# trained on posts written by other hands, reads differently; blind sets 11 and 12 measure which of the two is right
# more often (docs/postchecker.md).
@pytest.mark.parametrize("text", [
    "アホやなｗ 明日わからせたるわ", "あいつまた傘忘れたんかｗ アホやな", "お前また傘忘れたんかｗ みんな見て", "その態度まじうざい",
    "バカだなぁ笑 誰も貸してくれないよ", "歌声きれいすぎて感動（棒）", "お前の顔くそすぎｗ 大丈夫そ？"])
def test_where_the_judge_doubts_an_earlier_rounds_hurtful_example_its_words_are_still_a_note(rules, checker, text):
    assert rules.check(text).flags
    result = checker.check(text)
    assert result.noted and result.softened, result  # the note names the words the rules found


@pytest.mark.xfail(reason="the learned judge flags these hand-written fine posts (issue 16, tenth round): 空気読める is "
                          "often sarcasm in the posts it learned from, and a laugh at a friend's photo or bed hair reads as "
                          "mockery; on blind sets 11 and 12 it flagged 5 of 260 fine posts", strict=True)
@pytest.mark.parametrize("text", ["さすがみお、空気読めるね", "二人とも盛りすぎて別人ｗ", "たくや、寝ぐせで頭爆発してて草"])
def test_fine_examples_the_judge_flags(checker, text):
    assert not checker.check(text).flags


def test_a_question_about_practice_is_no_longer_flagged(checker):
    """Flagged by the judge of the tenth round (a strict xfail above); not since the retraining with the 〜しね examples."""
    assert not checker.check("明日も練習するつもりなの？").flags


@pytest.mark.parametrize("text", ["必死ね。", "二人とも盛りすぎて別人ｗ"])
def test_the_rules_do_not_read_a_word_inside_another(rules, text):
    assert rules.check(text).ok, rules.check(text).flags


# A reviewer's evasions: letters spaced out (キ モ い, 死.ね), invisible characters (lone surrogates, variation selectors)
# and romaji (shine, ｋｉｍｏｉ). The rules alone find the word, and the flag covers what the student typed.
@pytest.mark.parametrize(("text", "typed", "category"), [
    ("キ モ い", "キ モ い", "insult"), ("殺 す ぞ", "殺 す", "threat"), ("ガ イ ジ", "ガ イ ジ", "insult"),
    ("死.ね", "死.ね", "insult"), ("ぶ す", "ぶ す", "appearance"), ("お前 キ・モ・い", "キ・モ・い", "insult"),
    ("死\u3000ね", "死\u3000ね", "insult"), ("ぶ__す", "ぶ__す", "appearance"),
    ("\ud800死ね", "死ね", "insult"), ("殺\ufe0eす", "殺\ufe0eす", "threat"), ("死\ufe0fね", "死\ufe0fね", "insult"),
    ("shine", "shine", "insult"), ("sine", "sine", "insult"), ("SHINE", "SHINE", "insult"),
    ("korosu", "korosu", "threat"), ("korosuzo", "korosuzo", "threat"), ("kimoi", "kimoi", "insult"),
    ("ｋｉｍｏｉ", "ｋｉｍｏｉ", "insult"), ("uzai", "uzai", "insult"), ("busu", "busu", "appearance"),
    ("gaiji", "gaiji", "insult"), ("お前kimoi", "kimoi", "insult"), ("s h i n e", "s h i n e", "insult"),
    ("0 9 0 1 2 3 4 5 6 7 8", "0 9 0 1 2 3 4 5 6 7 8", "personal_info")])
def test_spaced_out_hidden_and_romaji_words_are_found(rules, text, typed, category):
    flags = rules.check(text).flags
    assert [(f.category, text[f.start:f.end], f.text) for f in flags] == [(category, typed, typed)], flags


@pytest.mark.parametrize("text", ["コ・ロ・ス", "ｺﾛｽ", "ころすぞ", "korosuzo"])
def test_korosu_in_kana_is_a_threat_however_it_is_spelt(rules, text):
    """The analyser does not read コロス as 殺す, so the lexicon's korosu-kana entry reads it in kana."""
    assert normalise("コ・ロ・ス")[0] == "コロス"
    assert rules.check(text).categories == ("threat",)
    for fine in ("ころころ転がる", "こころすっきり", "ところすごい", "ころすきか、この宿題"):
        assert rules.check(fine).ok, fine


@pytest.mark.parametrize("text", [
    "お前 まじ うざい", "090 1234 5678", "090-1234-5678", "GG www lol", "ok nice gg", "3.5倍", "1-2-3", "2/14",
    "Thanks for the help with my project!", "Good luck with your test tomorrow", "ころ\u3000す", "taro@example.com",
    "https://kimoi.example.jp", "垢BANしよ", "ジョン・スミス", "アカウントはhana_0000だよ", "KAITO_x", "YouTubeで見た"])
def test_look_alikes_keep_their_letters(text):
    norm, starts, ends = normalise(text)
    assert norm == unicodedata.normalize("NFKC", text)
    assert (starts, ends) == (list(range(len(text))), list(range(1, len(text) + 1)))


def test_look_alikes_are_read_as_before(rules):
    assert rules.check("お前 まじ うざい").categories == ("insult",)
    assert rules.check("090-1234-5678").categories == ("personal_info",)
    assert rules.check("taro@example.com").categories == ("personal_info",)
    assert rules.check("1-2-3").categories == ("personal_info",)  # an address (丁目-番-号), not spaced-out digits
    assert rules.check("垢BANしよ").categories == ("pile_on",)  # ban is romaji, but the lexicon reads it in Latin letters
    for text in ["GG www lol", "Thanks for the help with my project!", "ありがとう❤️", "今日もおつかれ👍🏻", "最高☺️"]:
        assert rules.check(text).ok, text


def test_emoji_with_a_variation_selector_map_back_whole():
    text = "好き❤️ね"
    norm, starts, ends = normalise(text)
    assert norm == "好き❤ね"
    assert text[starts[2]:ends[2]] == "❤️" and text[starts[3]:ends[3]] == "ね"


def test_every_latin_word_of_the_lexicons_patterns_survives_normalise(rules):
    """A Latin word the lexicon's patterns read (垢ban, sos, line) must not be turned into hiragana."""
    lexicon = rules.lexicon
    patterns = [e.pattern.pattern for e in lexicon.entries if e.pattern is not None]
    for name in ("friendly", "help_and_report", "care", "people", "hearsay", "things"):
        patterns.extend(p.pattern for p in getattr(lexicon, name))
    words = {w for p in patterns for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"\\[A-Za-z]", "", p))}
    assert words
    assert [w for w in sorted(words) if normalise(w)[0] != w] == []


@pytest.mark.parametrize("text", ["You shine so bright✨", "Shine bright like a diamond", "see you at home",
                                  "take care!", "Shine on, you crazy diamond"])
def test_an_english_phrase_is_not_read_as_romaji(rules, text):
    """One word that is not romaji (bright, at, care) makes the phrase English: its "shine" is not 死ね."""
    assert normalise(text)[0] == text
    assert rules.check(text).ok, rules.check(text).flags


@pytest.mark.parametrize(("text", "typed"), [("omae shine www", "shine"), ("shine lol", "shine"), ("SHINE!!", "SHINE")])
def test_romaji_beside_a_laugh_is_still_read(rules, text, typed):
    assert [(f.category, f.text) for f in rules.check(text).flags if f.category == "insult"] == [("insult", typed)]


@pytest.mark.parametrize(("text", "flags"), [
    ("お前しねｗｗｗ", [("insult", "しね"), ("mockery", "ｗｗｗ")]),
    ("あいつまじキモいｗｗｗ", [("insult", "キモい"), ("mockery", "ｗｗｗ")]),
    ("お前しね", [("insult", "しね")]), ("まじ死ね草", [("insult", "死ね")]), ("あいつ草草草", [("mockery", "草草草")])])
def test_a_laugh_after_a_word_is_one_flag_and_does_not_hide_the_word(rules, text, flags):
    """A student sees one card for ｗｗｗ, not one per letter, and 死ね is found with a laugh after it; the underline
    covers the word, not the character before it (お前しね underlines しね)."""
    assert [(f.category, f.text) for f in rules.check(text).flags] == flags


def test_romaji_maps_each_kana_to_its_letters():
    text = "まじ KOROSUzo!"
    norm, starts, ends = normalise(text)
    assert norm == "まじ ころすぞ!"
    assert [text[starts[i]:ends[i]] for i in range(3, 7)] == ["KO", "RO", "SU", "zo"]


def test_a_lone_surrogate_reaches_neither_the_analyser_nor_the_judge(checker):
    assert checker.check("\ud800死ね").categories == ("insult",)
    assert checker.check("\udfffおはよう").ok
