"""The piracy scenarios in ScenarioPlayer: piracy wording for roles and tags, every path ends; the 小3-4 one keeps to safety."""

from __future__ import annotations

import re

import pytest

from kit.content.scenario import load_scenario
from kit.sitting import Sitting
from kit.text.ui import RUBY
from kit.widgets.scenario_player import ScenarioPlayer
from tests.conftest import REPO
from tests.widgets.scenario_play import play

FILES = ["piracy_free_manga_link.yaml", "piracy_upload_bought_music.yaml"]
ES34 = REPO / "datasets" / "scenarios" / "piracy_free_anime_site.yaml"  # 小3-4: its own role names


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


@pytest.mark.parametrize("name", [*FILES, ES34.name])
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


def test_the_young_role_play_names_its_roles_for_children_with_readings():
    player = ScenarioPlayer(load_scenario(ES34), furigana=True)
    labels = {r["id"]: r["label"] for r in player.scenario["roles"]}
    assert labels == {"poster": "サイトを見つけた子", "target": "アニメを作る人", "bystander": "リンクをもらった子"}
    ruby = player.labels[RUBY]  # the role buttons carry readings for young readers
    assert "<rt>こ</rt>" in ruby["リンクをもらった子"] and "<rt>つく</rt>" in ruby["アニメを作る人"]


def test_the_young_role_play_talks_about_safety_not_about_the_law():
    scenario = load_scenario(ES34)
    assert scenario.audience == ("小3-4",)
    words = " ".join(t.ja for n in scenario.nodes for t in (n.text, *(c.text for c in n.choices), *(c.note for c in n.choices)))
    assert not re.search(r"違法|法律|犯罪|刑|逮捕", words)  # the lesson text says the one rule a child needs
    assert not any("legal_risk" in c.tags for n in scenario.nodes for c in n.choices)



@pytest.mark.parametrize("role", ["bystander", "poster", "target"])
def test_every_young_role_has_a_safe_path_that_ends_with_a_takeaway(role):
    player = ScenarioPlayer(load_scenario(ES34))
    tags = play(player, role, want_harm=False)
    assert tags and all("harm" not in t for t in tags)
    assert player.summary["takeaway_html"]


@pytest.mark.parametrize("role", ["bystander", "poster"])
def test_opening_or_spreading_the_site_is_named_and_a_safer_choice_is_shown(role):
    player = ScenarioPlayer(load_scenario(ES34))
    tags = play(player, role, want_harm=True)
    assert any("harm" in t for t in tags)
    summary = player.summary
    assert any(s["kinder"] for s in summary["steps"] if not s["safe"])
    assert "大人" in summary["takeaway_html"]  # every harmful ending sends the child to an adult
