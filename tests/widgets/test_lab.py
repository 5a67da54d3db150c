"""The lab shell: controls from a model's spec, the value wording, and every value checked by the model."""

from __future__ import annotations

from kit.models.cascades import CascadeParams
from kit.models.creator_income import IncomeParams
from kit.models.flaming import FlamingParams
from kit.models.parameters import spec, specs
from kit.models.spread import Params
from kit.widgets.lab import Lab, lab_asset, shown_value


class TwoRates(Lab):
    """The smallest lab: the cascade model's two rates and a reset button."""

    params_class = CascadeParams
    BUTTONS = (("reset", "lab_reset", "nk-test-reset"),)


def test_controls_carry_every_limit_the_browser_needs():
    lab = TwoRates(lang="en")
    assert lab.controls == [{"name": s.name, "kind": "float", "label": s.label.en, "label_html": s.label.en,
                             "help_html": "", "group": "main", "min": s.min, "max": s.max, "step": s.step}
                            for s in specs(CascadeParams)]
    assert lab.buttons == [{"action": "reset", "label": "Back to the starting values", "class": "nk-test-reset"}]
    assert lab.values == {"false_rate": 0.15, "true_rate": 0.1} and lab.shown == {"false_rate": "15%", "true_rate": "10%"}


def test_the_browser_module_gets_the_shell_and_no_limit_of_its_own():
    module = lab_asset("cascade_lab.js")
    assert "function labShell(" in module and "function h(" in module  # the shell and _common.js in front
    own = module[module.index("// Browser half of kit.widgets.cascade_lab"):]
    assert "0.4" not in own and "0.02" not in own and "min:" not in own
    assert ".nk-param-range" in lab_asset("cascade_lab.css")


def test_values_are_worded_as_the_lab_shows_them():
    assert shown_value(spec(IncomeParams, "readers"), 20000, "ja") == "2万人"
    assert shown_value(spec(IncomeParams, "readers"), 20000, "en") == "20,000 people"
    assert shown_value(spec(IncomeParams, "pirate_share"), 0.3, "ja") == "30%"
    assert shown_value(spec(FlamingParams, "join"), 0.06, "ja") == "0.06"
    assert shown_value(spec(FlamingParams, "users"), 5000, "ja") == "5000"
    assert shown_value(spec(Params, "prebunk_target"), "hubs", "en") == "Best-connected first"


def test_a_forged_state_or_message_is_checked_like_a_slider_and_reset_goes_back():
    lab = TwoRates(CascadeParams(false_rate=0.3))
    lab.values = {**lab.values, "false_rate": 7}  # a browser writing the synced state itself
    assert "（false_rate）は 2%〜40% の間" in lab.error and lab.values["false_rate"] == 0.3
    lab._on_browser_message(lab, {"action": "set", "values": {"true_rate": 0.2}}, [])
    assert lab.error == "" and lab.params == CascadeParams(false_rate=0.3, true_rate=0.2)
    for forged in ({"action": "set", "values": ["x"]}, {"action": "__init__"}, {"action": "set"}, "set", None):
        lab._on_browser_message(lab, forged, [])
    assert lab.params == CascadeParams(false_rate=0.3, true_rate=0.2)
    lab._on_browser_message(lab, {"action": "reset"}, [])
    assert lab.params == CascadeParams(false_rate=0.3) and lab.shown["true_rate"] == "10%"
