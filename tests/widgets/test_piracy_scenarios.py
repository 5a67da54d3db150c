"""The piracy scenarios in ScenarioPlayer: piracy wording for roles and tags, every path ends."""

from __future__ import annotations

import pytest

from kit.content.scenario import load_scenario
from kit.sitting import Sitting
from kit.widgets.scenario_player import ScenarioPlayer
from tests.conftest import REPO

FILES = ["piracy_free_manga_link.yaml", "piracy_upload_bought_music.yaml"]


@pytest.mark.parametrize("name", FILES)
def test_roles_and_tags_speak_about_piracy(name):
    player = ScenarioPlayer(load_scenario(REPO / "datasets" / "scenarios" / name))
    roles = {r["id"]: r for r in player.scenario["roles"]}
    assert roles["target"]["label"] == "作った人" and "海賊版" in roles["target"]["about"]
    assert roles["bystander"]["label"] == "見ている人"  # no piracy wording: the general one is used
    assert "著作権法" in player._label("tag_legal_risk_about")


def test_defamation_scenarios_keep_their_wording():
    player = ScenarioPlayer(load_scenario(REPO / "datasets" / "scenarios" / "group_chat.yaml"))
    assert {r["id"]: r["label"] for r in player.scenario["roles"]}["target"] == "書かれた人"


@pytest.mark.parametrize("name", FILES)
def test_every_choice_of_every_role_reaches_an_ending_with_a_takeaway(name, kept):
    scenario = load_scenario(REPO / "datasets" / "scenarios" / name)
    for role in scenario.roles:
        first = ScenarioPlayer(scenario)
        first.pick_role(role.id)
        for index in range(len(first.choices)):
            stored = kept.stored
            player = ScenarioPlayer(scenario, sitting=Sitting(lesson="piracy-jh", store=kept))
            player.pick_role(role.id)
            player.choose(index)
            while player.choices and not player.summary:
                player.choose(0)
            assert player.summary["takeaway_html"], (role.id, index)
            assert stored and all(a.phase == "practice" for a in stored)
            assert stored[0].item.startswith(f"scenario:{scenario.id}:")
