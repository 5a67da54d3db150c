"""A class's share rate through the spread model: fewer people shared, fewer believed."""

from __future__ import annotations

import pytest

from kit.models.class_spread import compare, params_for, scenario
from kit.models.networks import load_network
from kit.models.spread import Params
from tests.conftest import REPO


@pytest.fixture(scope="module")
def school():
    return load_network(str(REPO / "datasets" / "networks" / "school.json"))


def test_share_rate_becomes_the_share_of_people_who_do_not_stop():
    p = params_for(0.25)
    assert p.nudge == 0.75 and p.friction == 0.0
    assert params_for(1.0).nudge == 0.0 and params_for(0.0).nudge == 1.0
    assert params_for(0.5, Params(share_false=0.6)).share_false == 0.6  # the rest stays as given
    with pytest.raises(ValueError):
        params_for(1.5)


def test_lower_share_rate_reaches_fewer_people_on_the_same_seeds(school):
    everyone, ours = compare(school, 0.3, runs=6)
    assert everyone.share_rate == 1.0 and ours.share_rate == 0.3
    assert ours.reached < everyone.reached / 3  # the school network amplifies the difference
    assert everyone.people == ours.people == school.n
    assert len(everyone.believers) == len(ours.believers) and everyone.believers[0] == ours.believers[0]
    assert 0 < ours.reached_share < everyone.reached_share <= 1


def test_reach_grows_with_the_share_rate_and_runs_are_reproducible(school):
    reached = [scenario(school, r, runs=6).reached for r in (0.0, 0.3, 0.6, 1.0)]
    assert reached == sorted(reached) and reached[0] < reached[-1]
    assert scenario(school, 0.4, runs=4, seed=3) == scenario(school, 0.4, runs=4, seed=3)
