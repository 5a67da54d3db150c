"""ManipulatorGame driven from code, as its buttons would: storing order, what the browser holds, resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kit.content.manipulator import load_game
from kit.lesson import Lesson
from kit.models.manipulator import ManipulatorModel, ManipulatorParams, Move, game_seed
from kit.sitting import Sitting
from kit.store.records import Answer
from kit.widgets.manipulator_game import ManipulatorGame

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "e" * 32


@pytest.fixture(scope="module")
def game():
    return load_game(ROOT / "datasets" / "games" / "manipulator.yaml")


def synced(widget) -> str:
    state = {k: v for k, v in widget.get_state().items() if k not in ("_esm", "_css", "labels")}
    return json.dumps(state, ensure_ascii=False)


def hello(widget, token=TOKEN):
    widget._on_browser_message(widget, {"action": "hello", "session": token, "class_code": "2-1", "student": "7"}, [])


def test_the_choice_is_stored_before_anything_of_its_outcome_is_shown(game, kept):
    seen = []
    widget = ManipulatorGame(game, sitting=Sitting(lesson="demo", store=kept), bank="games/manipulator.yaml")
    hello(widget)
    kept.on_record = lambda answer: seen.append((answer, synced(widget)))
    outcome = widget.choose(1)
    [(stored, page_then)] = seen
    assert (stored.item, stored.response, stored.correct, stored.phase, stored.bank, stored.session) == (
        "game:manipulator:impersonation", (1,), True, "practice", "games/manipulator.yaml", TOKEN)
    water = game.stages[0].choices[1]
    assert water.result.ja not in page_then and "found_out" not in page_then  # nothing of the outcome yet
    assert widget.phase == "result" and widget.result["why_html"] and widget.result["spot"]
    assert widget.score["followers"] == outcome.followers and widget.score["credibility"] == outcome.credibility
    assert widget.feed[0]["post_html"] == widget.result["post_html"]


def test_the_browser_never_holds_a_posts_hook_risk_or_explanation_before_the_choice(game):
    widget = ManipulatorGame(game)
    page = synced(widget)
    for choice in game.stages[0].choices:
        assert choice.result.ja not in page
    assert set(widget.stage["choices"][0]) == {"index", "html"}
    assert "hook" not in page and "risk" not in page


def test_a_whole_game_plays_the_model_with_the_students_seed_and_ends_with_every_way_to_spot(game, kept):
    widget = ManipulatorGame(game, ManipulatorParams(checkers=0.7), seed=3, sitting=Sitting(lesson="demo", store=kept))
    hello(widget)
    picks = [2, 0, 1, 1, 2, 0]
    outcomes = []
    for stage, pick in zip(game.stages, picks, strict=True):
        assert widget.stage["id"] == stage.id
        outcomes.append(widget.choose(pick))
        widget.next()
    model = ManipulatorModel(ManipulatorParams(checkers=0.7), game_seed(3, TOKEN))
    expected = model.run([Move(s.choices[p].hook, s.choices[p].risk) for s, p in zip(game.stages, picks, strict=True)])
    assert outcomes == expected
    assert widget.phase == "done" and widget.stage == {}
    assert [len(t["spot"]) for t in widget.summary["techniques"]] == [len(s.spot) for s in game.stages]
    assert str(expected[-1].followers) in widget.summary["totals"]
    assert [a.response for a in kept.stored] == [(p,) for p in picks]


def test_double_clicks_wrong_indexes_and_early_next_store_nothing_more(game, kept):
    widget = ManipulatorGame(game, sitting=Sitting(lesson="demo", store=kept))
    hello(widget)
    widget.next()  # nothing chosen yet
    assert widget.number == 0 and widget.phase == "choose"
    for index in (-1, 3, 10**30, 1.0, True, None, "0"):
        assert widget.choose(index) is None
    assert widget.choose(0) is not None
    assert widget.choose(0) is None and widget.choose(1) is None  # one choice per technique
    assert len(kept.stored) == 1


def test_a_reload_replays_the_stored_choices_to_the_same_numbers_without_storing_them_again(game, kept):
    first = ManipulatorGame(game, sitting=Sitting(lesson="demo", store=kept))
    hello(first)
    for pick in (1, 2, 0):
        first.choose(pick)
        first.next()
    first.choose(2)  # the fourth technique chosen, the page reloaded before "next"
    stored = len(kept.stored)
    again = ManipulatorGame(game, sitting=Sitting(lesson="demo", store=kept))  # a new kernel, the same browser
    hello(again)
    assert len(kept.stored) == stored == 4
    assert (again.number, again.phase) == (3, "result")
    assert again.score == first.score and again.feed == first.feed and again.result == first.result
    again.next()
    assert again.stage["id"] == game.stages[4].id
    other = ManipulatorGame(game, sitting=Sitting(lesson="demo", store=kept))
    hello(other, "f" * 32)  # another browser: nothing of this one's
    assert other.number == 0 and other.feed == [] and other.phase == "choose"


def test_a_reload_after_next_lands_on_the_last_result_and_a_finished_game_on_its_last_result(game, kept):
    token = "9" * 32
    kept.stored.extend(Answer("demo", f"game:manipulator:{s.id}", (0,), True, "practice", token, "7", "2-1") for s in game.stages)
    widget = ManipulatorGame(game, sitting=Sitting(lesson="demo", store=kept))
    hello(widget, token)
    assert (widget.number, widget.phase, widget.result["last"]) == (5, "result", True)
    widget.next()
    assert widget.phase == "done" and len(kept.stored) == 6


def test_a_failed_store_says_so_on_the_result_and_the_game_goes_on(game, kept):
    kept.failing = True
    widget = ManipulatorGame(game, sitting=Sitting(lesson="demo", store=kept))
    hello(widget)
    widget.choose(0)
    assert widget.result["not_saved"] and not widget.saved_all
    widget.next()
    assert widget.number == 1


def test_the_browsers_buttons_and_forged_messages(game, kept):
    widget = ManipulatorGame(game, sitting=Sitting(lesson="demo", store=kept))
    sent = []
    widget.send = sent.append
    for message in (None, "x", {"action": ["choose"]}, {"action": "choose", "index": "1"}, {"action": "choose"},
                    {"action": "restart"}, {"action": "set", "name": "number", "value": 5}):
        widget._on_browser_message(widget, message, [])
    assert kept.stored == [] and widget.number == 0
    hello(widget)
    widget._on_browser_message(widget, {"action": "choose", "index": 1}, [])
    widget._on_browser_message(widget, {"action": "choose", "index": 1}, [])
    widget._on_browser_message(widget, {"action": "next"}, [])
    assert len(kept.stored) == 1 and widget.number == 1
    assert sent.count({"event": "done"}) >= 4


def test_english_and_furigana(game):
    english = ManipulatorGame(game, lang="en")
    assert english.stage["technique_html"] == "Impersonation" and english.labels["mg_next"] == "Next technique"
    ruby = ManipulatorGame(game, furigana=True)
    assert "<ruby>" in ruby.stage["explain_html"] and "__ruby" in ruby.labels


def test_the_lesson_method_reads_the_default_file_and_refuses_a_start_out_of_range(tmp_path, monkeypatch):
    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path))
    lesson = Lesson("misinformation-game", params={})
    assert isinstance(lesson.manipulator_game(), ManipulatorGame)
    card = lesson.manipulator_game(credibility=150)
    assert type(card).__name__ == "ProblemCard" and "credibility" in json.dumps(card.get_state(), ensure_ascii=False)
    assert type(lesson.manipulator_game("games/nope.yaml")).__name__ == "ProblemCard"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_key_hint_names_the_keys_there_are(game, lang):
    """Three posts to choose from: 「数字キー 1〜3 でも選べます」 (it said 1〜4, and 4 picked nothing)."""
    import re

    from kit.text.ui import key_hint

    widget = ManipulatorGame(game, lang=lang, furigana=True, sitting=Sitting(TOKEN))
    for stage in game.stages:
        shown = re.sub(r"<[^>]+>", "", re.sub(r"<rp>.*?</rp>|<rt>.*?</rt>", "", widget.stage["key_hint_html"]))
        count = len(stage.choices)
        assert shown == key_hint(count, lang) and (f"1〜{count}" if lang == "ja" else f"1–{count}") in shown
        assert str(count + 1) not in shown  # no key that picks nothing
        widget.choose(0)
        widget.next()
    assert widget.stage == {}
