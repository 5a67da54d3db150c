"""One parameter system for every model: each spec complete, every range enforced with one message."""

from __future__ import annotations

import dataclasses

import pytest

from kit.models.cascades import CascadeParams
from kit.models.creator_income import IncomeParams
from kit.models.flaming import FlamingParams
from kit.models.parameters import ParamError, _texts, check, checked, spec, specs
from kit.models.piracy_estimate import EstimateParams
from kit.models.spread import Params

MODELS = (FlamingParams, Params, CascadeParams, IncomeParams, EstimateParams)
EVERY = [(cls, s) for cls in MODELS for s in specs(cls)]


def _id(pair):
    return f"{pair[0].TEXT}.{pair[1].name}"


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.TEXT)
def test_every_model_declares_one_spec_per_field_with_labels_from_the_content_file(cls):
    assert [s.name for s in specs(cls)] == [f.name for f in dataclasses.fields(cls)]
    assert set(_texts()[cls.TEXT]) == {s.name for s in specs(cls)}  # no label without a parameter
    default = cls()
    for s in specs(cls):
        assert s.label.ja and s.label.en, s.name
        assert getattr(default, s.name) == s.default
        if s.kind == "choice":
            assert s.default in s.choices and len(s.choice_labels) == len(s.choices)
            assert all(t.ja and t.en for t in s.choice_labels)
        else:
            assert s.min <= s.default <= s.max and s.step > 0
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(default, specs(cls)[0].name, s.default)


@pytest.mark.parametrize("pair", [p for p in EVERY if p[1].kind != "choice"], ids=_id)
def test_every_range_is_enforced_with_a_message_naming_the_parameter_and_its_range(pair):
    cls, s = pair
    for outside in (s.max + s.step, s.min - s.step):
        with pytest.raises(ParamError) as err:
            cls(**{s.name: outside})
        assert err.value.name == s.name
        assert s.label.ja in err.value.ja and s.name in err.value.ja and s.allowed("ja") in err.value.ja
        assert s.label.en in err.value.en and f"between {s.allowed('en')}" in err.value.en
    assert check(cls, s.name, s.max) == s.max and check(cls, s.name, s.min) == s.min


def test_messages_read_as_the_lab_shows_the_values():
    with pytest.raises(ParamError) as err:
        checked(IncomeParams, pirate_share=1.5)
    assert "0%〜95% の間" in err.value.ja and "between 0% and 95% (got 150%)" in err.value.en
    with pytest.raises(ParamError) as err:
        FlamingParams(join=0.9)
    assert "「見た人が加わる割合」（join）は 0〜0.5 の間にしてください（いまの値: 0.9）" in err.value.ja
    with pytest.raises(ParamError) as err:
        checked(IncomeParams, price=20)
    assert "100円〜1500円" in err.value.ja and "100 yen and 1500 yen" in err.value.en


@pytest.mark.parametrize("value, words", [
    (2.5, "whole number"), ("many", "whole number"), (True, "whole number"), (None, "whole number"),
    (float("nan"), "whole number"), ({"a": 1}, "whole number"), ("9" * 5000, "whole number"), (10**30, "between"),
])
def test_what_is_not_a_whole_number_in_range_is_refused(value, words):
    with pytest.raises(ParamError, match=words):
        Params(seeds=value)


def test_numbers_a_teacher_writes_as_text_or_with_a_point_are_taken():
    assert checked(IncomeParams, readers="30000").readers == 30000
    assert type(Params(seeds=3.0).seeds) is int and type(Params(share_false=1).share_false) is float
    with pytest.raises(ParamError, match="must be a number"):
        Params(nudge=float("inf"))


def test_choices_and_unknown_names():
    with pytest.raises(ParamError) as err:
        Params(prebunk_target="teachers")
    assert "random・hubs のどれか" in err.value.ja and "one of random, hubs" in err.value.en
    with pytest.raises(ParamError) as err:
        checked(FlamingParams, speed=2)
    assert err.value.name == "speed" and "使えるのは users" in err.value.ja
    with pytest.raises(ParamError):
        Params().with_changes(no_such=1)
    assert spec(IncomeParams, "price").source and spec(IncomeParams, "royalty_rate").assumption


def test_measures_switch_off_for_the_comparison_run():
    p = Params(nudge=0.4, prebunk_target="hubs", fact_checkers=5, bots=0.1)
    base = p.without_interventions()
    assert (base.nudge, base.prebunk_target, base.fact_checkers, base.bots) == (0.0, "random", 0, 0.1)
    flaming = FlamingParams(report_rate=0.2, mute_share=0.5, join=0.1).without_measures()
    assert (flaming.report_rate, flaming.mute_share, flaming.join) == (0.0, 0.0, 0.1)
