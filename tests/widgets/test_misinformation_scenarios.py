"""The 小3-4 chain-message role-play in ScenarioPlayer: its own role names, misinformation wording, a safe path in every role."""

from __future__ import annotations

import pytest

from kit.content.scenario import load_scenario
from kit.text.ui import RUBY
from kit.widgets.scenario_player import ScenarioPlayer
from tests.conftest import REPO
from tests.widgets.scenario_play import play

CHAIN = REPO / "datasets" / "scenarios" / "chain_message.yaml"


def test_the_roles_are_named_for_a_chain_message_in_the_order_a_class_plays_them():
    player = ScenarioPlayer(load_scenario(CHAIN), furigana=True)
    assert [r["label"] for r in player.scenario["roles"]] == ["受け取った人", "回してしまった人", "友だちから聞いた人"]
    assert "受け取った人" in player.labels[RUBY]  # the role buttons carry readings for young readers


def test_the_summary_a_young_child_reads_at_the_end_carries_readings():
    player = ScenarioPlayer(load_scenario(CHAIN), furigana=True)
    play(player, "poster", want_harm=True)
    readings = player.labels[RUBY]
    shown = [player.summary["verdict"], player.labels["scenario_summary_title"], player.labels["scenario_kinder"]]
    shown += [c["label"] for c in player.summary["counts"]] + [c["about"] for c in player.summary["counts"]]
    assert all(text in readings and "<rt>" in readings[text] for text in shown), [t for t in shown if t not in readings]
    assert "<rt>ひろ</rt>" in readings["まちがいを広める"]
    assert RUBY not in ScenarioPlayer(load_scenario(CHAIN)).labels  # none without furigana


def test_tags_and_verdicts_speak_about_spreading_not_about_abuse():
    player = ScenarioPlayer(load_scenario(CHAIN))
    assert player._label("tag_harm") == "まちがいを広める"
    assert "名誉毀損や侮辱" not in player._label("tag_legal_risk_about")
    english = ScenarioPlayer(load_scenario(CHAIN), lang="en")
    assert english._label("scenario_all_kind") == "Your choices didn't spread a wrong story. Well judged."



@pytest.mark.parametrize("role", ["poster", "target", "bystander"])
def test_every_role_can_be_played_without_spreading_and_ends_with_a_takeaway(role):
    player = ScenarioPlayer(load_scenario(CHAIN))
    tags = play(player, role, want_harm=False)
    assert tags and all("harm" not in t for t in tags)
    assert player.summary["verdict"] == "あなたの選び方は、まちがった話を広めませんでした。すてきな判断です。"
    assert player.summary["takeaway_html"]


@pytest.mark.parametrize("role", ["poster", "target", "bystander"])
def test_spreading_in_any_role_is_named_and_a_kinder_choice_is_shown(role):
    player = ScenarioPlayer(load_scenario(CHAIN))
    tags = play(player, role, want_harm=True)
    assert any("harm" in t for t in tags)
    summary = player.summary
    assert summary["verdict"].startswith("まちがった話を広めてしまう選び方もありました")
    assert any(s["kinder"] for s in summary["steps"] if not s["safe"])
    assert summary["takeaway_html"]
