"""FeedLab driven from code, as its controls and buttons would be."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kit.content.feed import VOICE, load_feed
from kit.content.lesson_text import load_lesson_text
from kit.models.feed import TOPICS, FeedParams, simulate
from kit.models.parameters import spec
from kit.widgets.feed_lab import MAIN, FeedLab

FEED = load_feed(Path(__file__).parents[2] / "datasets" / "feeds" / "everyday.yaml")


def test_controls_come_from_the_model_spec_likes_first_assumptions_marked():
    lab = FeedLab(FEED)
    controls = {c["name"]: c for c in lab.controls}
    assert sorted(controls) == sorted(s.name for s in FeedParams.specs() if s.slider)
    assert [c["name"] for c in lab.controls if c["group"] == "main"] == list(MAIN)
    assert controls["like"]["kind"] == "choice" and controls["like"]["label"] == "いちばん好きなこと"
    assert "assumption" not in controls["like"]  # a student's choice, not an assumption
    assert controls["ad_yen_per_hour"]["assumption"] and controls["extreme_pull"]["assumption"]
    assert lab.shown["ad_yen_per_hour"] == "30円" and lab.shown["like"] == "ゲーム"


def test_both_timelines_show_cards_of_the_last_round_worded_from_the_file():
    lab = FeedLab(FEED, seed=2)
    panels = lab.view["panels"]
    assert [p["key"] for p in panels] == ["recommended", "mixed"]
    texts = {w.text.ja for w in FEED.posts}
    for panel, run in zip(panels, (lab.result.recommended, lab.result.mixed), strict=True):
        assert [c["post"] for c in panel["cards"]] == run.shown[-1][:4].tolist()
        assert all(c["text_html"] in texts for c in panel["cards"])
        kinds = Counter((c["topic_label"], c["level"]) for c in panel["cards"])
        fewest = len(panel["cards"]) - sum(max(0, n - 2) for n in kinds.values())  # the file has two wordings of each
        assert len({c["text_html"] for c in panel["cards"]}) >= fewest  # a card reads like another only when it must
        assert [c["clicked"] for c in panel["cards"]] == run.clicked[-1][:4].tolist()
    lookalikes = [a for a in FEED.accounts if a.source == "lookalike"]
    assert lookalikes and all(a.badge == "bought" for a in lookalikes)


def test_charts_and_summary_carry_the_runs_numbers_and_say_they_are_a_models():
    lab = FeedLab(FEED)
    rec = lab.result.recommended
    extreme, topics = lab.view["chart"]["charts"]
    assert extreme["series"][0]["values"] == [round(v * 100) for v in rec.extremeness]
    assert topics["series"][1]["values"] == [round(v * 100) for v in lab.result.mixed.topic_diversity]
    assert lab.view["chart"]["rounds"] == list(range(1, 11))
    change, earned, note = lab.view["summary"]
    assert f"{rec.total_yen:.1f}円" in earned and "30円" in earned and "モデル" in note


def test_a_change_reruns_and_a_refused_value_changes_nothing():
    lab = FeedLab(FEED)
    before = lab.view
    assert lab.set(like="science", also_like="none", rounds=15)
    assert lab.result.params.like == "science" and len(lab.view["chart"]["rounds"]) == 15
    assert lab.result.recommended.total_yen == simulate(lab.params, 0).recommended.total_yen
    after = lab.view
    assert not lab.set(rounds=100) and "3〜30" in lab.error and lab.view == after
    lab.press("reset")
    assert lab.params == FeedParams() and lab.view == before and lab.error == ""


def test_english_and_furigana():
    en = FeedLab(FEED, lang="en")
    assert en.view["panels"][0]["name"] == "A: Recommended timeline" and "yen" in en.view["summary"][1]
    ruby = FeedLab(FEED, furigana=True)
    assert "<ruby>" in ruby.heading["title_html"] and "<ruby>" in ruby.view["summary"][0]
    assert "<ruby>" not in ruby.controls[0]["label"]  # the control's plain name stays plain


def test_a_lesson_builds_it_and_a_bad_start_value_is_a_card():
    from kit.lesson import Lesson

    lesson = Lesson("misinformation-jh")
    assert isinstance(lesson.feed_lab(like="music"), FeedLab)
    card = lesson.feed_lab(rounds=99)
    assert type(card).__name__ == "ProblemCard"
    assert type(lesson.feed_lab("feeds/missing.yaml")).__name__ == "ProblemCard"


def test_the_instructions_name_the_timelines_as_labelled_not_by_side():
    """Side by side on a wide screen, one above the other at 360 px: the words fit both layouts."""
    text = load_lesson_text(Path(__file__).parents[2] / "datasets" / "texts" / "misinformation_feed.yaml")
    body = text.section("filter-bubble").body
    for lang, side_words in (("ja", ("左", "右")), ("en", ("left", "right"))):
        names = [p["name"] for p in FeedLab(FEED, lang=lang).view["panels"]]
        assert [n[0] for n in names] == ["A", "B"]
        instructions = body.get(lang)
        assert all(name in instructions for name in names), (lang, names)
        assert not any(word in instructions for word in side_words), lang


def test_every_card_is_posted_by_an_account_that_fits_its_words():
    """A zoo never posts about a tournament, a newspaper never about someone's game habit: over many runs,
    each card's account kind writes in its wording's voice and posts about its topic."""
    voices = {(w.topic, w.level, w.text.ja): w.voice for w in FEED.posts}
    accounts = {(a.handle, a.name.ja): a for a in FEED.accounts}
    topic_of = {label.get("ja"): topic for topic, label in zip(TOPICS, spec(FeedParams, "like").choice_labels, strict=True)}
    seen = Counter()
    for like in TOPICS:
        for seed in (0, 3):
            lab = FeedLab(FEED, FeedParams(like=like, extreme_pull=5.0, rounds=12), seed=seed)
            for panel in lab.view["panels"]:
                for card in panel["cards"]:
                    account, topic = accounts[(card["handle"], card["name_html"])], topic_of[card["topic_label"]]
                    assert account.source == card["source"] and account.covers(topic), card
                    assert voices[(topic, card["level"], card["text_html"])] == VOICE[card["source"]], card
                    seen[VOICE[card["source"]]] += 1
    assert seen["public"] > 10 and seen["personal"] > 10  # both kinds of author were checked


def test_a_city_or_a_newspaper_never_posts_clickbait():
    """A verified zoo posting 「【緊急】動物園からライオンがにげた！ 急いで拡散を！」 would teach that a verified account
    writes like a hoax: official and news cards are worded at most strong, look-alikes may be extreme."""
    levels: dict[str, set] = {}
    for like in TOPICS:
        for seed in (0, 1, 2, 3):
            lab = FeedLab(FEED, FeedParams(like=like, extreme_pull=5.0, rounds=12), seed=seed)
            for panel in lab.view["panels"]:
                for card in panel["cards"]:
                    levels.setdefault(card["source"], set()).add(card["level"])
    assert "extreme" not in levels.get("official", set()) | levels.get("news", set()), levels
    assert "extreme" in levels.get("lookalike", set()) | levels.get("anonymous", set()), levels
