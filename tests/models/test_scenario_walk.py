"""A walk through a scenario: next-chains, choices, endings and the summary of the path."""

from __future__ import annotations

import pytest

from kit.content.errors import ContentError
from kit.content.scenario import load_scenario
from kit.models.scenario_walk import ChoiceError, Walk
from tests.conftest import FIXTURES


@pytest.fixture
def scenario():
    return load_scenario(FIXTURES / "datasets" / "scenarios" / "sample.yaml")


def test_start_follows_next_until_a_choice(scenario):
    walk = Walk(scenario, "bystander")
    assert walk.shown == ["b-1", "b-2"] and walk.current.id == "b-2" and not walk.finished


def test_a_kind_path_reaches_its_ending_and_counts_tags(scenario):
    walk = Walk(scenario, "bystander")
    step, entered = walk.choose(1)
    assert step.safe and [n.id for n in entered] == ["b-3", "end-kind"]
    assert walk.finished
    summary = walk.summary()
    assert summary.all_safe and summary.counts == {"kindness": 1, "harm": 0, "legal_risk": 0}
    assert summary.ending.id == "end-kind" and summary.kinder == {}


def test_a_harmful_choice_lists_the_kind_ones_that_were_there(scenario):
    walk = Walk(scenario, "bystander")
    walk.choose(0)
    summary = walk.summary()
    assert not summary.all_safe and summary.counts["harm"] == 1
    assert [c.text.ja for c in summary.kinder["b-2"]] == ["「やめよう」と書く", "先生に話す"]


def test_loops_are_followed_and_recorded_each_time(scenario):
    walk = Walk(scenario, "target")
    walk.choose(1)  # hit back: back to the same message
    walk.choose(1)
    assert walk.current.id == "t-1" and [s.node for s in walk.steps] == ["t-1", "t-1"]
    walk.choose(0)
    assert walk.finished and walk.summary().counts == {"kindness": 1, "harm": 2, "legal_risk": 0}


@pytest.mark.parametrize("bad", [-1, 3, 1.0, True, "1", None])
def test_impossible_choices_are_refused_and_change_nothing(scenario, bad):
    walk = Walk(scenario, "bystander")
    with pytest.raises(ChoiceError):
        walk.choose(bad)
    assert walk.steps == [] and walk.current.id == "b-2"


def test_no_choice_after_the_end(scenario):
    walk = Walk(scenario, "bystander")
    walk.choose(2)
    with pytest.raises(ChoiceError):
        walk.choose(0)


def test_a_role_the_file_does_not_offer_names_the_ones_it_does(scenario):
    with pytest.raises(ContentError) as err:
        Walk(scenario, "poster")
    assert "target, bystander" in err.value.problems[0].sentence()


def test_replay_rebuilds_the_latest_play_through(scenario):
    from kit.models.scenario_walk import replay

    assert replay(scenario, []) is None
    walk = replay(scenario, [("t-1", 1), ("t-1", 1)])
    assert walk.role.id == "target" and [s.index for s in walk.steps] == [1, 1] and walk.current.id == "t-1"
    # began again as a bystander: the latest play is the one shown
    walk = replay(scenario, [("t-1", 1), ("t-1", 0), ("b-2", 1)])
    assert walk.role.id == "bystander" and [(s.node, s.index) for s in walk.steps] == [("b-2", 1)] and walk.finished
    # a node or choice the edited file no longer has is passed over
    walk = replay(scenario, [("gone", 0), ("b-2", 7), ("t-1", 1)])
    assert walk.role.id == "target" and [s.index for s in walk.steps] == [1]
    assert replay(scenario, [("b-2", 1)], roles=["target"]) is None  # the lesson fixed another role
