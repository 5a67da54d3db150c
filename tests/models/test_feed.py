"""The feed model: seeded, the recommended feed narrows and grows more extreme as the loop goes, the mixed one does not."""

from __future__ import annotations

import numpy as np
import pytest

from kit.content.feed import sources, topics
from kit.models.feed import SOURCES, TOPICS, FeedParams, diversity, make_pool, simulate
from kit.models.parameters import ParamError

SEEDS = range(12)


def _mean(params: FeedParams, feed: str, measure: str) -> np.ndarray:
    return np.mean([getattr(getattr(simulate(params, s), feed), measure) for s in SEEDS], axis=0)


def test_same_seed_same_feeds_other_seed_other_feeds():
    a, b, c = simulate(FeedParams(), 3), simulate(FeedParams(), 3), simulate(FeedParams(), 4)
    assert all(np.array_equal(x, y) for x, y in zip(a.recommended.shown, b.recommended.shown, strict=True))
    assert all(np.array_equal(x, y) for x, y in zip(a.mixed.shown, b.mixed.shown, strict=True))
    assert a.recommended.total_yen == b.recommended.total_yen
    assert any(not np.array_equal(x, y) for x, y in zip(a.recommended.shown, c.recommended.shown, strict=True))


def test_pool_is_seeded_read_only_and_of_the_asked_size():
    pool = make_pool(5000, 1)
    assert len(pool) == 5000 and pool is make_pool(5000, 1)
    assert np.array_equal(pool.topic, make_pool(5000, 1).topic) and not np.array_equal(pool.topic, make_pool(5000, 2).topic)
    assert set(np.unique(pool.topic)) == set(range(len(TOPICS))) and set(np.unique(pool.source)) == set(range(len(SOURCES)))
    assert pool.extremeness.min() >= 0 and pool.extremeness.max() <= 1
    with pytest.raises(ValueError):
        pool.extremeness[0] = 0.5
    # look-alike and anonymous accounts post more extreme wording than official ones and news
    by_source = [pool.extremeness[pool.source == k].mean() for k in range(len(SOURCES))]
    assert by_source[SOURCES.index("lookalike")] > by_source[SOURCES.index("news")] > 0
    assert by_source[SOURCES.index("anonymous")] > by_source[SOURCES.index("official")]


def test_no_post_is_shown_twice_in_a_feed_and_every_round_is_full():
    result = simulate(FeedParams(rounds=30, feed_size=20), 0)
    for run in (result.recommended, result.mixed):
        shown = np.concatenate(run.shown)
        assert len(shown) == len(np.unique(shown)) == 600
        assert [len(s) for s in run.shown] == [20] * 30


def test_the_recommended_feed_narrows_as_the_loop_goes():
    topics_seen = _mean(FeedParams(), "recommended", "topic_diversity")
    assert topics_seen[0] > 0.6 and topics_seen[-1] < 0.25 and topics_seen[-1] < topics_seen[0] - 0.4
    assert np.all(np.diff(topics_seen[:6]) < 0.05)  # no round of the early loop widens it much


def test_the_recommended_feed_grows_more_extreme_when_outrage_draws_clicks():
    extreme = _mean(FeedParams(extreme_pull=4.0), "recommended", "extremeness")
    calm = _mean(FeedParams(extreme_pull=1.0), "recommended", "extremeness")
    assert extreme[-3:].mean() > extreme[:2].mean() + 0.1
    assert extreme[-3:].mean() > calm[-3:].mean() + 0.05  # the pull, not the narrowing alone, makes it extreme


def test_a_recommender_that_ignores_clicks_does_not_narrow():
    topics_seen = _mean(FeedParams(follow_clicks=0.0), "recommended", "topic_diversity")
    assert topics_seen[-1] > 0.6 and abs(topics_seen[-1] - topics_seen[0]) < 0.15
    result = simulate(FeedParams(follow_clicks=0.0), 0)
    assert result.extreme_weight == 0


def test_the_mixed_feed_stays_diverse_and_no_more_extreme_than_at_first():
    result = simulate(FeedParams(rounds=20), 5)
    assert result.mixed.topic_diversity.min() > 0.9 and result.mixed.source_diversity.min() > 0.85
    extreme = _mean(FeedParams(rounds=20), "mixed", "extremeness")
    assert abs(extreme[-5:].mean() - extreme[:5].mean()) < 0.05
    rec = _mean(FeedParams(rounds=20), "recommended", "topic_diversity")
    assert _mean(FeedParams(rounds=20), "mixed", "topic_diversity")[-1] > rec[-1] + 0.5


def test_the_recommended_feed_holds_more_attention_and_earns_more():
    rec, mix = _mean(FeedParams(), "recommended", "clicks").sum(), _mean(FeedParams(), "mixed", "clicks").sum()
    assert rec > 1.3 * mix
    result = simulate(FeedParams(ad_yen_per_hour=60, glance_seconds=6, read_seconds=30), 0)
    run = result.recommended
    expected = (len(np.concatenate(run.shown)) * 6 + run.clicks.sum() * 30) / 3600 * 60
    assert run.total_yen == pytest.approx(expected)
    assert simulate(FeedParams(ad_yen_per_hour=0), 0).recommended.total_yen == 0


def test_the_stated_like_leads_the_feed_it_narrows_to():
    for like in ("music", "science"):
        result = simulate(FeedParams(like=like, also_like="none"), 1)
        assert int(np.argmax(result.topic_scores)) == TOPICS.index(like)
        last = result.recommended.shown[-1]
        assert (result.pool.topic[last] == TOPICS.index(like)).mean() > 0.7


def test_diversity_is_entropy_over_its_maximum():
    assert diversity(np.array([0, 0, 0]), 6) == 0
    assert diversity(np.arange(6), 6) == pytest.approx(1)
    assert diversity(np.array([0, 1]), 4) == pytest.approx(0.5)
    assert diversity(np.array([], int), 6) == 0


def test_parameters_are_checked_as_the_lab_checks_them():
    with pytest.raises(ParamError) as refused:
        FeedParams(like="politics")
    assert "いちばん好きなこと" in refused.value.ja
    with pytest.raises(ParamError):
        FeedParams(rounds=31)


def test_the_feed_file_schema_and_the_model_know_the_same_topics_and_sources():
    assert topics() == TOPICS and sources() == SOURCES
