"""SpreadLab driven from code, as its sliders and buttons would; no browser."""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pytest

from kit.lesson import Lesson
from kit.models.networks import read_network_file
from kit.models.parameters import spec
from kit.models.spread import Params
from kit.widgets.problem_card import ProblemCard
from kit.widgets.spread_lab import SpreadLab, slider_names
from tests.conftest import FIXTURES, REPO


@pytest.fixture(scope="module")
def school():
    return read_network_file(REPO / "datasets" / "networks" / "school.json")


@pytest.fixture
def lab(school):
    return SpreadLab(school)


def test_sliders_come_from_the_parameter_metadata(lab):
    assert [c["name"] for c in lab.controls] == list(slider_names())
    assert "seed" not in slider_names()
    for c in lab.controls:
        meta = spec(Params, c["name"])
        assert meta.label.ja in c["label_html"] or c["label_html"].count("<ruby>")
        if "choices" in c:
            assert [ch["value"] for ch in c["choices"]] == list(meta.choices)
        else:
            assert (c["min"], c["max"], c["step"]) == (meta.min, meta.max, meta.step)
    defaults = {f.name: f.default for f in fields(Params) if f.name in slider_names()}
    assert lab.values == defaults


def test_network_is_sent_once_as_compact_arrays(lab, school):
    assert len(lab.positions) == school.n * 2 * 4 and len(lab.links) == len(school.edges) * 2 * 4
    states = np.frombuffer(lab.states_with, dtype=np.uint8).reshape(lab.last_round + 1, school.n)
    assert np.array_equal(states[-1], lab.history_with.states[-1])
    positions, links, version = lab.positions, lab.links, lab.version
    lab.set(share_false=0.5)
    assert lab.positions is positions and lab.links is links  # not sent again
    assert lab.version == version + 1 and lab.round == lab.last_round


def test_two_runs_side_by_side_differ_only_by_the_measures(school):
    lab = SpreadLab(school, Params(nudge=0.6, prebunked=0.3))
    without, with_ = lab.panels
    assert (without["heading"], with_["heading"]) == ("対策なし", "対策あり（あなたの設定）")
    assert lab.history_with.final_size < lab.history_without.final_size
    assert len(without["believers"]) == len(with_["believers"]) == lab.last_round + 1
    assert "人中" in with_["summary"] and str(lab.history_with.final_size) in with_["summary"]
    single = SpreadLab(school, compare=False)
    assert len(single.panels) == 1 and single.states_without == b""


def test_out_of_range_value_is_refused_with_a_message(lab):
    version, values = lab.version, dict(lab.values)
    assert lab.set(share_false=1.7) is False
    assert "0%〜100%" in lab.error and "share_false" in lab.error
    assert lab.values == values and lab.version == version
    assert lab.set(friction=0.3) is True and lab.error == ""
    assert lab.set(no_such=1) is False and "no_such" in lab.error
    lab._on_browser_message(lab, {"action": "set", "values": {"seeds": "many"}}, [])
    assert "整数" in lab.error


def test_buttons_step_reset_run(lab):
    lab.reset()
    assert lab.round == 0
    lab.step()
    lab.step()
    assert lab.round == 2
    lab._on_browser_message(lab, {"action": "run"}, [])
    assert lab.round == lab.last_round
    lab.step()
    assert lab.round == lab.last_round


def test_browser_messages_move_sliders_and_defaults(lab):
    lab._on_browser_message(lab, {"action": "set", "values": {"nudge": 0.4, "prebunk_target": "hubs"}}, [])
    assert lab.params.nudge == 0.4 and lab.values["prebunk_target"] == "hubs"
    lab._on_browser_message(lab, {"action": "defaults"}, [])
    assert lab.params == Params()
    lab.values = {**lab.values, "bots": 0.05}  # a teacher's code may set values directly
    assert lab.params.bots == 0.05


def test_english_and_chosen_sliders(school):
    lab = SpreadLab(school, lang="en", sliders=("share_false", "nudge"))
    assert [c["label"] for c in lab.controls] == [spec(Params, "share_false").label.en, spec(Params, "nudge").label.en]
    assert lab.panels[0]["heading"] == "Without measures" and lab.labels["spread_run"].startswith("▶")


def test_furigana_on_slider_labels(school):
    lab = SpreadLab(school, furigana=True, sliders=("share_false",))
    assert "<ruby>" in lab.controls[0]["label_html"]


# --- through the lesson --------------------------------------------------------------------


def test_lesson_builds_the_lab_in_one_line(datasets, monkeypatch):
    monkeypatch.setenv("NETKIT_DATASETS", str(datasets))
    lab = Lesson("demo", params={"lang": "en"}).spread_lab("networks/tiny.json", share_false=0.6)
    assert isinstance(lab, SpreadLab) and lab.nodes == 6 and lab.params.share_false == 0.6
    assert lab.title == "Six people"
    assert isinstance(Lesson("demo", params={}).spread_lab("scale-free:300"), SpreadLab)


@pytest.mark.parametrize("call, words", [
    (dict(network="networks/tiny.json", share_false=3), "0%〜100%"),
    (dict(network="networks/tiny.json", sharefalse=0.3), "「sharefalse」という設定はありません"),
    (dict(network="networks/missing.json"), "ファイルがありません"),
    (dict(network="networks/tiny.json", sliders=("volume",)), "volume"),
])
def test_lesson_shows_a_card_for_bad_input(datasets, monkeypatch, call, words):
    monkeypatch.setenv("NETKIT_DATASETS", str(datasets))
    card = Lesson("demo", params={}).spread_lab(**call)
    assert isinstance(card, ProblemCard) and words in " ".join(card.sentences) and "Traceback" not in str(card.get_state())


def test_lesson_card_for_a_malformed_network_file(datasets, monkeypatch):
    monkeypatch.setenv("NETKIT_DATASETS", str(datasets))
    (datasets / "networks" / "tiny.json").write_text((FIXTURES / "datasets/networks/tiny.json").read_text()[:-20], "utf-8")
    card = Lesson("demo", params={}).spread_lab("networks/tiny.json")
    assert isinstance(card, ProblemCard) and "JSON として読めません" in " ".join(card.sentences)


def test_warm_reads_the_networks_and_ignores_broken_ones(datasets, monkeypatch):
    from kit.models.networks import _read_cached
    from kit.widgets import spread_lab

    monkeypatch.setenv("NETKIT_DATASETS", str(datasets))
    (datasets / "networks" / "broken.json").write_text("{", "utf-8")
    _read_cached.cache_clear()
    spread_lab.warm()  # a broken file is left for the lesson's card, never an error here
    assert _read_cached.cache_info().currsize == 1  # tiny.json is read and kept
