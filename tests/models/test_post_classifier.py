"""The small classifier behind the lexicon: trained on the kit's own labelled posts, deterministic,
up to date with its training files, and only ever a second opinion with a reason."""

from __future__ import annotations

import pytest

from kit.content.lexicon import load_lexicon
from kit.models.post_classifier import load_classifier, pieces, shipped_classifier, train
from kit.models.post_tone import PostTone
from tests.conftest import REPO
from tools.train_post_classifier import TRAINING, fingerprints

LEXICON = REPO / "datasets" / "lexicon" / "lexicon.yaml"


def test_shipped_weights_were_trained_on_the_current_files():
    assert set(shipped_classifier().trained_on) == set(TRAINING)
    assert "blind_heldout.csv" not in TRAINING  # the held-out set is only ever measured
    assert shipped_classifier().trained_on == fingerprints(), \
        "a training file changed: run PYTHONPATH=. python tools/train_post_classifier.py"


def test_pieces_are_characters_pairs_and_triples_in_hiragana():
    found = pieces("ｷﾓ")
    assert {"き", "も", "きも", "^き", "も$", "^きも", "きも$"} <= set(found)
    assert found["も"] == [1]


def test_training_is_deterministic_and_learns_something(tmp_path):
    posts = [("お前うざい", "insult"), ("あいつうざい", "insult"), ("みんなで無視しよ", "exclusion"),
             ("あいつ無視しよ", "exclusion"), ("今日は晴れ", None), ("宿題おわった", None), ("ありがとう", None)]
    a = train(posts, threshold=0.5, trained_on={}, epochs=50)
    b = train(posts, threshold=0.5, trained_on={}, epochs=50)
    assert a == b
    assert a.probability("こいつうざい") > 0.5 > a.probability("今日はありがとう")
    assert a.guess("こいつ無視しよ").category == "exclusion"
    from kit.models.post_classifier import save_classifier
    save_classifier(a, tmp_path / "c.json")
    assert load_classifier(tmp_path / "c.json").guess("お前うざい").category == "insult"


@pytest.fixture(scope="module")
def checker():
    return PostTone(load_lexicon(LEXICON))


def test_the_classifier_flags_what_no_rule_names_with_a_reason(checker):
    text = "お前の話つまんないんだよ"
    assert PostTone(checker.lexicon, learned=False).check(text).ok
    (flag,) = checker.check(text).flags
    assert flag.entry == "learned" and text[flag.start:flag.end] == flag.text
    assert flag.why.ja.startswith("決まったことばは見つかりませんでしたが") and flag.why.en
    assert checker.lexicon.categories[flag.category].label.ja in flag.why.ja


@pytest.mark.parametrize("text", ["「お前の話つまんない」って言われた、どうしたらいい？", "今日の給食カレーだった",
                                  "たけるのギターうまくなってた！", "あいつ最近元気ないけど大丈夫かな"])
def test_the_classifier_stays_quiet_on_help_and_kind_posts(checker, text):
    assert checker.check(text).ok, checker.check(text).flags
