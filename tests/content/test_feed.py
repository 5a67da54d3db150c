"""The feed lab's file: every post and account checked, every topic worded at every level, every source with an account."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kit.content.errors import ContentError
from kit.content.feed import LEVELS, load_feed, sources, topics

SHIPPED = Path(__file__).parents[2] / "datasets" / "feeds" / "everyday.yaml"


def _doc() -> dict:
    return yaml.safe_load(SHIPPED.read_text("utf-8"))


def _write(tmp_path, doc) -> Path:
    path = tmp_path / "feed.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    return path


def test_the_shipped_file_covers_every_topic_level_and_source():
    feed = load_feed(SHIPPED)
    assert {(p.topic, p.level) for p in feed.posts} == {(t, lv) for t in topics() for lv in LEVELS}
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
