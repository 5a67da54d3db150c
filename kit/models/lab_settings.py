"""The starting values a lesson notebook writes for a lab (``lesson.spread_lab(nudge=0.2)``), and the assumptions an
estimates file gives the estimate explorer, checked as the model checks them.

``netkit validate`` runs these through the component registry (``kit.components``) on calls it has
parsed, not run (``kit.notebook``): a value written as a constant is checked against its range, a
computed one only for its name. The estimates file's assumptions are its kind's ``params`` hook, which
the explorer runs too, so a lesson shows the same sentence on its card.
"""

from __future__ import annotations

from pathlib import Path

from kit.content.errors import ContentProblem
from kit.content.estimates import EstimateSet
from kit.models.parameters import ParamError, check, checked, spec
from kit.notebook import UNKNOWN, Call


def flaming_problems(name: str, place: str, call: Call, file, content, datasets: Path) -> list[ContentProblem]:
    """Starting values a notebook gives the 炎上 simulator."""
    from kit.models.flaming import FlamingParams

    return _param_problems(FlamingParams, name, place, call, skip=("seed",))


def manipulator_problems(name: str, place: str, call: Call, file, content, datasets: Path) -> list[ContentProblem]:
    """Where a notebook starts the fictional account of 「だます側になってみよう」 (``followers=``, ``checkers=`` …)."""
    from kit.models.manipulator import ManipulatorParams

    return _param_problems(ManipulatorParams, name, place, call, skip=("file", "seed"))


def creator_income_problems(name: str, place: str, call: Call, file, content, datasets: Path) -> list[ContentProblem]:
    """Starting values a notebook gives the manga income model (``lesson.creator_income(pirate_share=0.5)``)."""
    from kit.models.creator_income import IncomeParams

    return _param_problems(IncomeParams, name, place, call)


def spread_lab_problems(name: str, place: str, call: Call, file, content, datasets: Path) -> list[ContentProblem]:
    """A spread lab's network file must exist and its starting values be in range."""
    from kit.models.spread import Params

    problems = []
    network = call.text(0) or call.keyword("network")
    if network and network.lower().endswith(".json") and not (datasets / network).is_file():
        problems.append(ContentProblem(name, place, "network", f"「{network}」が datasets にありません。ファイル名を直すか、ファイルを置いてください。",
                                       f"'{network}' is not in datasets; fix the name or add the file."))
    return problems + _param_problems(Params, name, place, call, skip=("network", "compare", "sliders", "network_seed"))


def feed_lab_problems(name: str, place: str, call: Call, file, content, datasets: Path) -> list[ContentProblem]:
    """Starting values a notebook gives the feed lab (``lesson.feed_lab(like="music")``)."""
    from kit.models.feed import FeedParams

    return _param_problems(FeedParams, name, place, call, skip=("file", "seed"))


def _param_problems(params_class, name: str, place: str, call: Call, skip: tuple = ()) -> list[ContentProblem]:
    """Each name known to the model, each value written as a constant allowed."""
    problems = []
    for key, value in call.kwargs.items():
        if key in skip:
            continue
        try:
            if value is UNKNOWN:
                spec(params_class, key)
            else:
                check(params_class, key, value)
        except ParamError as exc:
            problems.append(ContentProblem(name, place, key, exc.ja, exc.en))
    return problems


def assumption_problems(estimates: EstimateSet) -> list[ContentProblem]:
    """The assumptions an estimates file gives the piracy estimate (``assumptions:``), each checked as the model checks it."""
    from kit.models.piracy_estimate import EstimateParams

    problems = []
    for estimate in estimates.estimates:
        if estimate.assumptions is None:
            continue
        try:
            checked(EstimateParams, estimate.assumptions)
        except ParamError as exc:
            problems.append(ContentProblem(estimates.file, estimate.id, "assumptions", exc.ja, exc.en))
    return problems
