"""The 炎上 cascade model: seeded, sane, and every parameter pushes the way its label says."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from kit.models.flaming import FlamingModel, FlamingParams, compare

SMALL = FlamingParams(users=2000, first_reach=100, rounds=15)
SEEDS = range(12)


def mean(metric, params, seeds=SEEDS):
    return float(np.mean([metric(FlamingModel(params, s).run()) for s in seeds]))


def posts(result):
    return result.total_posts


def saw(result):
    return result.saw


def test_same_seed_same_run_and_seeds_differ():
    a, b = FlamingModel(SMALL, 3).run(), FlamingModel(SMALL, 3).run()
    assert a.rounds == b.rounds and np.array_equal(a.posts_by_user, b.posts_by_user)
    assert len({FlamingModel(SMALL, s).run().rounds for s in range(5)}) > 1


@pytest.mark.parametrize("seed", range(6))
def test_invariants(seed):
    result = FlamingModel(FlamingParams(), seed).run()
    p = result.params
    assert len(result.rounds) == p.rounds
    totals = [r.total_posts for r in result.rounds]
    assert totals == sorted(totals) and totals[-1] == result.total_posts == sum(r.posts for r in result.rounds)
    seen = [r.saw for r in result.rounds]
    assert seen == sorted(seen) and p.first_reach <= seen[0] and seen[-1] <= p.users
    assert all(r.posting + r.restricted <= r.saw for r in result.rounds)
    assert result.posters <= result.saw
    for fraction in (0.01, 0.1, 0.5):
        assert fraction <= result.top_share(fraction) <= 1.0
    curve = result.lorenz()
    assert curve[0] == (0.0, 0.0) and curve[-1][1] == pytest.approx(1.0)
    assert all(b[1] >= a[1] for a, b in zip(curve, curve[1:], strict=False))
    assert 0.0 <= result.gini() < 1.0


def test_without_measures_nobody_is_restricted_and_nothing_is_hidden():
    result = FlamingModel(FlamingParams().without_measures(), 1).run()
    assert all(r.restricted == 0 and r.hidden == 0 for r in result.rounds)


@pytest.mark.parametrize("seed", range(20))
def test_reporting_and_muting_never_make_it_worse_for_the_same_people(seed):
    without, with_measures = compare(FlamingParams(), seed)
    assert with_measures.total_posts <= without.total_posts
    assert with_measures.saw <= without.saw


def test_a_few_heavy_posters_write_most_of_the_posts():
    shares = [FlamingModel(FlamingParams(), s).run().top_share(0.1) for s in SEEDS]
    viewers = [FlamingModel(FlamingParams(), s).run().posters_share_of_viewers for s in SEEDS]
    assert np.median(shares) > 0.4  # the most active tenth of posters: far more than a tenth of posts
    assert np.median(viewers) < 0.05  # and most people who see a pile-on never post in it


@pytest.mark.parametrize(("name", "low", "high", "metric", "direction"), [
    ("join", 0.02, 0.1, posts, +1),
    ("reach", 5, 40, saw, +1),
    ("keep_on", 0.3, 0.8, posts, +1),
    ("first_reach", 20, 400, saw, +1),
    ("rounds", 5, 30, posts, +1),
    ("users", 1000, 8000, saw, +1),
    ("report_rate", 0.0, 0.2, posts, -1),
    ("action_after", 2, 100, posts, +1),
    ("mute_share", 0.0, 0.9, saw, -1),
    ("tail", 1.05, 2.5, lambda r: r.top_share(0.1), -1),
])
def test_each_parameter_moves_the_result_its_way(name, low, high, metric, direction):
    lo = mean(metric, replace(SMALL, **{name: low}))
    hi = mean(metric, replace(SMALL, **{name: high}))
    assert (hi - lo) * direction > 0, (name, lo, hi)
