"""The feed lab's file: every post and account checked, every topic worded at every level, every source with an account."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kit.content.errors import ContentError
from kit.content.feed import LEVELS, VOICE, VOICES, load_feed, sources, topics

SHIPPED = Path(__file__).parents[2] / "datasets" / "feeds" / "everyday.yaml"


def _doc() -> dict:
    return yaml.safe_load(SHIPPED.read_text("utf-8"))


def _write(tmp_path, doc) -> Path:
    path = tmp_path / "feed.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    return path


def test_the_shipped_file_covers_every_topic_level_and_source():
    feed = load_feed(SHIPPED)
    assert {(p.topic, p.level, p.voice) for p in feed.posts} == {(t, lv, v) for t in topics() for lv in LEVELS for v in VOICES}
    assert all(any(a.source == s and a.covers(t) for a in feed.accounts) for s in sources() for t in topics())
    assert {a.source for a in feed.accounts} == set(sources())
    assert feed.wording("games", "calm", 0) != feed.wording("games", "calm", 1)
    assert feed.account("official", 0).badge == "verified"


def test_a_missing_level_and_a_missing_source_are_named(tmp_path):
    doc = _doc()
    doc["posts"] = [p for p in doc["posts"] if not (p["topic"] == "food" and p["level"] == "extreme")]
    doc["accounts"] = [a for a in doc["accounts"] if a["source"] != "news"]
    with pytest.raises(ContentError) as error:
        load_feed(_write(tmp_path, doc))
    text = str(error.value)
    assert "food" in text and "extreme" in text and "news" in text


def test_a_bad_post_and_a_bad_account_are_named_with_their_fix(tmp_path):
    doc = _doc()
    doc["posts"][0]["topic"] = "politics"
    doc["accounts"][0]["badge"] = "gold"
    doc["accounts"][1]["handle"] = "no at sign"
    with pytest.raises(ContentError) as error:
        load_feed(_write(tmp_path, doc))
    problems = {(p.place, p.field) for p in error.value.problems}
    assert ("1番目の項目", "topic") in problems
    assert ("accounts の1番目", "badge") in problems and ("accounts の2番目", "handle") in problems


def test_a_zoo_posts_about_animals_and_a_newspaper_never_writes_a_diary():
    feed = load_feed(SHIPPED)
    zoo = [a for a in feed.accounts if a.handle == "@komorebi_zoo"][0]
    assert zoo.topics == ("animals",)
    assert all(feed.account("official", n, "sports").handle == "@komorebi_city" for n in range(4))
    assert {feed.account("official", n, "animals").handle for n in range(4)} == {"@komorebi_city", "@komorebi_zoo"}
    diary = "新しいパズルゲーム、1日30分と決めて遊んでいます。"
    assert all(feed.wording("games", "calm", n, source="news").text.ja != diary for n in range(4))
    assert any(feed.wording("games", "calm", n, source="friend").text.ja == diary for n in range(4))
    assert {VOICE[s] for s in sources()} == set(VOICES)


def test_a_voice_or_a_topic_left_without_words_or_author_is_named(tmp_path):
    doc = _doc()
    doc["posts"] = [p for p in doc["posts"] if not (p["topic"] == "music" and p["level"] == "strong" and p["voice"] == "public")]
    doc["accounts"] = [{**a, "topics": ["animals"]} if a["source"] == "news" else a for a in doc["accounts"]]
    doc["posts"][0].pop("voice")
    with pytest.raises(ContentError) as error:
        load_feed(_write(tmp_path, doc))
    text = str(error.value)
    assert "1番目の項目" in text and "voice" in text
    doc["posts"][0]["voice"] = "public"
    with pytest.raises(ContentError) as error:
        load_feed(_write(tmp_path, doc))
    text = str(error.value)
    assert "music" in text and "public" in text and "strong" in text
    assert "source: news" in text and "sports" in text
