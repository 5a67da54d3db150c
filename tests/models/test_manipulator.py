"""The 「だます側になってみよう」 model: seeded, bounded, and found out as often as its rule says."""

from __future__ import annotations

import pytest

from kit.models.manipulator import (
    FOUND_OUT_CAP,
    ManipulatorModel,
    ManipulatorParams,
    Move,
    Standing,
    found_out_chance,
    game_seed,
    standing,
)
from kit.models.parameters import ParamError

MOVES = [Move(2, 0.3), Move(5, 0.8), Move(3, 0.3), Move(4, 0.6), Move(4, 0.8), Move(2, 0.3)]


def test_the_same_seed_and_moves_give_the_same_game_and_other_seeds_other_games():
    first = ManipulatorModel(seed=7).run(MOVES)
    assert ManipulatorModel(seed=7).run(MOVES) == first
    others = {tuple(ManipulatorModel(seed=s).run(MOVES)) for s in range(20)}
    assert len(others) > 10


def test_a_move_nobody_can_see_through_is_never_found_out_and_builds_credibility():
    for seed in range(200):
        model = ManipulatorModel(seed=seed)
        outcomes = model.run([Move(3, 0.0)] * 6)
        assert not any(o.found_out for o in outcomes)
        assert all(o.credibility_change > 0 and o.lost == 0 and o.gained > 0 for o in outcomes)
        assert model.credibility == 50 + 6 * 6 and model.followers > 50


def test_without_readers_who_check_nothing_is_found_out():
    params = ManipulatorParams(checkers=0.0)
    assert not any(o.found_out for s in range(100) for o in ManipulatorModel(params, seed=s).run(MOVES))


@pytest.mark.parametrize("risk,checkers", [(0.3, 0.5), (0.8, 0.5), (0.6, 0.3), (1.0, 0.9)])
def test_a_move_is_found_out_as_often_as_its_chance_says(risk, checkers):
    params = ManipulatorParams(checkers=checkers)
    runs = 3000
    found = sum(ManipulatorModel(params, seed=s).step(Move(3, risk)).found_out for s in range(runs))
    expected = found_out_chance(Move(3, risk), checkers)
    assert expected == min(FOUND_OUT_CAP, risk * 2 * checkers)
    assert abs(found / runs - expected) < 0.03


def test_being_found_out_costs_credibility_and_followers_and_halves_the_reach():
    caught, missed = [], []
    for seed in range(400):
        outcome = ManipulatorModel(seed=seed).step(Move(4, 0.6))
        (caught if outcome.found_out else missed).append(outcome)
    assert caught and missed
    assert all(o.credibility_change <= -round(8 + 24 * 0.6) and o.lost > 0 for o in caught)
    assert all(o.credibility_change > 0 and o.lost == 0 for o in missed)
    mean = lambda xs: sum(x.reached for x in xs) / len(xs)  # noqa: E731
    assert mean(caught) < 0.6 * mean(missed)


def test_a_stronger_hook_reaches_more_people_and_credibility_and_followers_help():
    def reach(hook, **start):
        params = ManipulatorParams(**start)
        return sum(ManipulatorModel(params, seed=s).step(Move(hook, 0.0)).reached for s in range(300))

    assert reach(1) < reach(3) < reach(5)
    assert reach(3, credibility=90) > reach(3, credibility=10)
    assert reach(3, followers=2000) > reach(3, followers=50)


def test_numbers_stay_in_range_whatever_the_moves():
    for seed in range(300):
        model = ManipulatorModel(ManipulatorParams(followers=0, credibility=5, checkers=1.0), seed=seed)
        for outcome in model.run([Move(5, 1.0)] * 12):
            assert 0 <= outcome.credibility <= 100 and outcome.followers >= 0
    top = ManipulatorModel(ManipulatorParams(credibility=100), seed=1)
    top.run([Move(1, 0.0)] * 3)
    assert top.credibility == 100
    assert len(top.history) == 3


def test_standing_follows_credibility():
    assert [standing(c) for c in (100, 60, 59, 25, 24, 0)] == [
        Standing.TRUSTED, Standing.TRUSTED, Standing.DOUBTED, Standing.DOUBTED, Standing.EXPOSED, Standing.EXPOSED]
    model = ManipulatorModel(ManipulatorParams(credibility=20))
    assert model.standing is Standing.EXPOSED


@pytest.mark.parametrize("hook,risk", [(0, 0.5), (6, 0.5), (2.5, 0.5), (3, -0.1), (3, 1.5), (3, "0.5")])
def test_a_move_out_of_range_is_refused(hook, risk):
    with pytest.raises(ValueError):
        Move(hook, risk)


@pytest.mark.parametrize("name,value", [("credibility", 150), ("checkers", 1.5), ("followers", -1)])
def test_starting_values_are_checked_by_the_one_parameter_system(name, value):
    with pytest.raises(ParamError) as caught:
        ManipulatorParams(**{name: value})
    assert name in caught.value.ja and name in caught.value.en


def test_a_students_seed_is_stable_across_reloads_and_differs_between_students():
    assert game_seed(0, "a" * 32) == game_seed(0, "a" * 32)
    assert len({game_seed(0, t * 32) for t in "abcdef"}) == 6
    assert game_seed(1, "a" * 32) != game_seed(0, "a" * 32)
    assert all(0 <= game_seed(b, "x") < 2**32 for b in (0, 1, 10**12))
