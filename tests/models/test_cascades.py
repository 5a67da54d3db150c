"""The cascade experiment: raw differences between a more and a less shared story, and matching on size."""

from __future__ import annotations

import pytest

from kit.models.cascades import MIN_PER_BAND, Cascade, bands, cascades, experiment, stats
from kit.models.networks import load_network
from tests.conftest import REPO


@pytest.fixture(scope="module")
def school():
    return load_network(str(REPO / "datasets" / "networks" / "school.json"))


@pytest.fixture(scope="module")
def result(school):
    return experiment(school, 0.15, 0.10, runs=200, seed=1)


def test_each_cascade_has_a_size_and_a_depth_in_rounds(school):
    runs = cascades(school, 0.0, runs=5)
    assert all(c == Cascade(1, 0) for c in runs)  # nobody shares: the first poster alone, no rounds
    runs = cascades(school, 0.3, runs=20, seed=4)
    assert all(c.size >= 1 and c.depth >= 0 for c in runs) and max(c.size for c in runs) > 50
    assert runs == cascades(school, 0.3, runs=20, seed=4)  # seeded


def test_the_more_shared_story_is_larger_and_deeper_as_they_are(result):
    f, t = result.false_stats, result.true_stats
    assert f.runs == t.runs == 200
    assert f.mean_size > 3 * t.mean_size and f.mean_depth > 2 * t.mean_depth and f.large > t.large


def test_at_the_same_size_the_depths_are_alike(result):
    comparable = [b for b in result.bands if b.comparable]
    assert len(comparable) >= 2
    for b in comparable:
        assert b.false_depth == pytest.approx(b.true_depth, rel=0.4, abs=1.0), b
    raw_gap = result.false_stats.mean_depth - result.true_stats.mean_depth
    assert max(abs(b.false_depth - b.true_depth) for b in comparable) < raw_gap


def test_bands_and_stats_by_hand():
    f = [Cascade(3, 2), Cascade(4, 2), Cascade(10, 5), Cascade(1, 0)]
    t = [Cascade(2, 1), Cascade(3, 1), Cascade(4, 1), Cascade(12, 6)]
    first = bands(f, t)[0]
    assert (first.low, first.false_count, first.true_count, first.false_depth, first.true_depth) == (2, 2, 3, 2.0, 1.0)
    assert not first.comparable and MIN_PER_BAND == 3
    s = stats(f, large_at=10)
    assert (s.mean_size, s.mean_depth, s.large, s.largest) == (4.5, 2.25, 0.25, 10)
