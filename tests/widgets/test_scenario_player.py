"""ScenarioPlayer driven from code, as its buttons would: roles, choices, storing order, summary."""

from __future__ import annotations

import json
import re

import pytest

from kit.content.scenario import load_scenario
from kit.content.text import Text
from kit.sitting import Sitting
from kit.text.ui import key_hint
from kit.widgets.scenario_player import ScenarioPlayer
from tests.conftest import FIXTURES, REPO


@pytest.fixture
def scenario():
    return load_scenario(FIXTURES / "datasets" / "scenarios" / "sample.yaml")


def synced(player) -> str:
    state = {k: v for k, v in player.get_state().items() if k not in ("_esm", "_css", "labels")}
    return json.dumps(state, ensure_ascii=False)


def test_without_a_role_the_student_picks_one(scenario):
    player = ScenarioPlayer(scenario)
    assert player.role == "" and player.log == [] and player.choices == []
    assert [r["id"] for r in player.scenario["roles"]] == ["target", "bystander"]
    assert player.scenario["roles"][1]["label"] == "見ている人"
    player.pick_role("bystander")
    assert player.role == "bystander"
    assert [m["kind"] for m in player.log] == ["role", "message", "narration"]
    assert player.log[1]["name"] == "あき" and len(player.choices) == 3


def test_the_lesson_can_fix_the_role(scenario):
    player = ScenarioPlayer(scenario, role="target")
    assert player.fixed_role and player.role == "target" and player.log[1]["node"] == "t-1"
    player.pick_role("bystander")  # ignored: the story has begun
    assert player.role == "target"


def test_choice_is_recorded_before_the_next_node_is_shown(scenario, kept):
    events = []
    kept.on_record = lambda a: events.append(("stored", a, [m.get("node") for m in player.log]))
    player = ScenarioPlayer(scenario, role="bystander", sitting=Sitting("s1", lesson="demo", store=kept),
                            bank="scenarios/sample.yaml")
    player.observe(lambda change: events.append(("shown", None, None)), names="log")
    player.choose(1)
    assert [e[0] for e in events] == ["stored", "shown"]
    stored, log_then = events[0][1], events[0][2]
    assert "b-3" not in log_then  # nothing of what follows was shown when the choice was stored
    assert (stored.item, stored.response, stored.correct, stored.phase, stored.lesson, stored.session) == (
        "scenario:sample-chat:b-2", (1,), True, "practice", "demo", "s1")
    assert stored.bank == "scenarios/sample.yaml"
    assert [m.get("node") for m in player.log][-3:] == [None, "b-3", "end-kind"]
    assert player.log[-3]["kind"] == "you"


def test_a_harmful_choice_is_stored_as_not_correct(scenario, kept):
    stored = kept.stored
    player = ScenarioPlayer(scenario, role="bystander", sitting=Sitting(store=kept))
    player.choose(0)
    assert stored[0].correct is False and stored[0].response == (0,)


def test_an_action_shows_as_an_action_not_a_message(scenario):
    player = ScenarioPlayer(scenario, role="bystander")
    player.choose(2)
    assert player.log[-2]["kind"] == "action"


def test_tags_reach_the_browser_only_in_the_summary(scenario):
    player = ScenarioPlayer(scenario, role="bystander")
    text = synced(player)
    assert "harm" not in text and "kindness" not in text and "悪口に加わることになります" not in text
    assert all(set(c) == {"index", "html", "kind"} for c in player.choices)
    player.choose(0)
    s = player.summary
    assert s["steps"][0]["tags"] == [{"id": "harm", "label": "人を傷つける"}]
    assert s["steps"][0]["note_html"] == "悪口に加わることになります。"
    assert s["steps"][0]["kinder"] == ["「やめよう」と書く", "先生に話す"]
    assert "傷つけてしまう選び方もありました" in s["verdict"] and player.choices == []
    assert [c["count"] for c in s["counts"]] == [0, 1, 0]


def test_kind_ending_shows_takeaway_and_offers_other_roles(scenario):
    player = ScenarioPlayer(scenario)
    player.pick_role("bystander")
    player.choose(2)
    assert player.summary["takeaway_html"] == "止める一言が大切です。"
    assert player.summary["other_roles"] == ["target"] and "だれも傷つけませんでした" in player.summary["verdict"]


def test_restart_goes_back_to_the_picker_or_the_fixed_start(scenario):
    free = ScenarioPlayer(scenario)
    free.pick_role("target")
    free.choose(0)
    free.restart()
    assert free.role == "" and free.log == [] and free.summary == {}
    fixed = ScenarioPlayer(scenario, role="target")
    fixed.choose(1)
    fixed.restart()
    assert fixed.role == "target" and fixed.walk.steps == [] and len(fixed.choices) == 2


def test_forged_or_late_messages_change_nothing(scenario, kept):
    stored = kept.stored
    player = ScenarioPlayer(scenario, role="bystander", sitting=Sitting(store=kept))
    for bad in ({"action": "choose", "index": 9}, {"action": "choose", "index": "0"}, "garbage",
                {"action": "pick", "role": "admin"}):
        player._on_browser_message(player, bad, [])
    assert stored == [] and player.walk.steps == []
    player._on_browser_message(player, {"action": "choose", "index": 2}, [])
    player._on_browser_message(player, {"action": "choose", "index": 0}, [])  # after the end
    assert len(stored) == 1 and player.summary


def test_storage_failure_still_goes_on_and_says_so(scenario, kept):
    kept.failing = True
    player = ScenarioPlayer(scenario, role="bystander", sitting=Sitting(store=kept))
    player.choose(1)
    assert player.log[-3]["not_saved"] and player.summary


def test_browser_identity_is_used_but_the_link_wins(scenario, kept):
    stored = kept.stored
    player = ScenarioPlayer(scenario, role="bystander", sitting=Sitting("kernel", student="seat-7", store=kept))
    player._on_browser_message(player, {"action": "hello", "session": "a" * 32, "class_code": "2-3", "student": "x"}, [])
    player.choose(1)
    assert (stored[0].session, stored[0].class_code, stored[0].student) == ("a" * 32, "2-3", "seat-7")
    assert player.who == "2-3 / seat-7"


def test_english_and_furigana(scenario):
    en = ScenarioPlayer(scenario, role="bystander", lang="en")
    assert en.log[1]["html"] == "Ken is so weird." and en.labels["scenario_choose"].startswith("What would you do")
    ruby = ScenarioPlayer(scenario, role="bystander", furigana=True)
    assert "<ruby>先生<rp>(</rp><rt>せんせい</rt>" in ruby.choices[2]["html"]


def test_a_story_can_name_its_roles(scenario):
    from dataclasses import replace

    target = replace(scenario.role("target"), label=Text("作者", "The author"), about=Text("作品を作った人", "Who made the work"))
    story = replace(scenario, roles=(target, scenario.role("bystander")))
    roles = ScenarioPlayer(story, lang="en").scenario["roles"]
    assert (roles[0]["label"], roles[0]["about"]) == ("The author", "Who made the work")
    assert roles[1]["label"] == "The bystander"


def test_a_reload_brings_back_the_path_without_storing_it_again(scenario, kept):
    from kit.store.records import Answer

    token = "b" * 32
    stored = kept.stored
    stored.extend([Answer("demo", "scenario:sample-chat:t-1", (1,), False, "practice", token),
                   Answer("other-lesson", "scenario:sample-chat:t-1", (0,), True, "practice", token),
                   Answer("demo", "quiz-1", (0,), True, "pre", token)])
    first = ScenarioPlayer(scenario, sitting=Sitting(lesson="demo", store=kept))
    first._on_browser_message(first, {"action": "hello", "session": token}, [])
    assert first.role == "target" and [s.index for s in first.walk.steps] == [1]
    assert [m["kind"] for m in first.log][-2:] == ["you", "message"] and len(stored) == 3  # shown, not stored again
    first.choose(0)
    assert len(stored) == 4 and first.summary
    again = ScenarioPlayer(scenario, sitting=Sitting(lesson="demo", store=kept))  # a new kernel, the same browser
    again._on_browser_message(again, {"action": "hello", "session": token}, [])
    assert again.summary == first.summary and again.log == first.log
    unknown = ScenarioPlayer(scenario, sitting=Sitting(lesson="demo", store=kept))
    unknown._on_browser_message(unknown, {"action": "hello", "session": "c" * 32}, [])  # another browser: nothing of this one's
    assert unknown.role == "" and unknown.log == []


def test_a_store_that_cannot_be_read_leaves_a_fresh_story(scenario, kept):
    def broken(**_query):
        raise OSError("locked")

    kept.answers = broken
    player = ScenarioPlayer(scenario, role="bystander", sitting=Sitting(lesson="demo", store=kept))
    player._on_browser_message(player, {"action": "hello", "session": "d" * 32}, [])
    assert player.sitting.identified and player.walk.steps == [] and len(player.choices) == 3


def shown_text(html: str) -> str:
    """What a student reads in kernel-made HTML: the words, without the readings over them."""
    return re.sub(r"<[^>]+>", "", re.sub(r"<rp>.*?</rp>|<rt>.*?</rt>", "", html))


@pytest.mark.parametrize("path", sorted((REPO / "datasets" / "scenarios").glob("*.yaml")), ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_key_hint_names_the_keys_there_are(path, lang):
    """Under three choices 「数字キー 1〜3 でも選べます」, never a key that picks nothing, at every node played."""
    scenario = load_scenario(path)
    player = ScenarioPlayer(scenario, lang=lang, furigana=True)
    counts = set()
    for role in scenario.roles:
        for pick in range(4):  # the first, second, … choice at every node: each role's paths through the story
            player.restart()
            player.pick_role(role.id)
            while player.choices:
                count = len(player.choices)
                counts.add(count)
                shown = shown_text(player.key_hint_html)
                assert shown == key_hint(count, lang)
                assert (f"1〜{count}" if lang == "ja" else f"1–{count}") in shown or count == 1
                assert not any(f"1〜{n}" in shown or f"1–{n}" in shown for n in range(count + 1, 10))
                player.choose(min(pick, count - 1))
            assert player.key_hint_html == ""  # the summary: no choices, no hint
    assert counts
