"""A class experiment a lesson declares: two arms students are assigned to at random, and what is compared.

A lesson notebook's metadata may hold, under ``netkit.experiment``::

    {"id": "accuracy-prompt", "on": true, "outcome": "careful",
     "title_ja": "シェアの前に「正確かな？」と問いかけると…", "title_en": "…",
     "arms": [{"id": "control", "label_ja": "ふつうのタイムライン", "label_en": "…"},
              {"id": "accuracy_prompt", "label_ja": "シェアの前に「正確かな？」", "label_en": "…"}]}

With ``on`` true, each student is assigned one arm when they join (the least filled in the class,
kept across reloads: ``kit.sitting.Sitting.arm``); the student is not told, the teacher's page is.
An arm's id is the *treatment* the lesson's components give (``TREATMENTS``: ``control`` changes
nothing; ``accuracy_prompt`` asks "is it accurate?" before each sharing choice of the timeline),
and ``outcome`` is what the teacher's page compares between arms (``OUTCOMES``). ``experiment_problems``
is what ``netkit validate`` says about a declaration, one sentence per problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kit.content.errors import ContentProblem
from kit.content.text import Text

TREATMENTS = {"control": None, "accuracy_prompt": "timeline"}  # treatment → the component that gives it
OUTCOMES = ("careful", "post_score")  # share of careful timeline choices; post-test score
FIELD = "netkit.experiment"


@dataclass(frozen=True)
class Arm:
    id: str
    label: Text


@dataclass(frozen=True)
class Experiment:
    """A lesson's declared experiment; ``design`` is the name students' arms are stored under."""

    id: str
    on: bool
    title: Text
    arms: tuple[Arm, ...]
    outcome: str

    @property
    def design(self) -> str:
        return f"experiment:{self.id}"

    @property
    def arm_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.arms)


def read_experiment(meta: Mapping | None) -> Experiment | None:
    """The experiment a notebook's ``netkit`` metadata declares, or None (none declared, or not sound)."""
    raw = (meta or {}).get("experiment") if isinstance(meta, Mapping) else None
    if raw is None or experiment_problems("", meta):
        return None
    arms = tuple(Arm(str(a["id"]), Text(str(a.get("label_ja", a["id"])), str(a.get("label_en", "")))) for a in raw["arms"])
    return Experiment(str(raw["id"]), raw.get("on") is True, Text(str(raw.get("title_ja", raw["id"])), str(raw.get("title_en", ""))),
                      arms, str(raw.get("outcome", "careful")))


def experiment_problems(name: str, meta: Mapping | None, methods: Iterable[str] | None = None) -> list[ContentProblem]:
    """What is wrong with ``netkit.experiment`` in notebook ``name`` (whose calls are ``methods``), one sentence each."""
    raw = meta.get("experiment") if isinstance(meta, Mapping) else None
    if raw is None:
        return []

    def problem(field: str, ja: str, en: str) -> list[ContentProblem]:
        return [ContentProblem(name, "metadata", f"{FIELD}.{field}" if field else FIELD, ja, en)]

    if not isinstance(raw, Mapping):
        return problem("", "実験は {\"id\": …, \"arms\": […]} の形で書いてください（docs/content-format.md）。",
                       "write the experiment as {\"id\": …, \"arms\": […]} (see docs/content-format.md).")
    if not isinstance(raw.get("id"), str) or not raw["id"].strip() or len(raw["id"]) > 40:
        return problem("id", "実験の id を40字以内で書いてください（例: accuracy-prompt）。",
                       "give the experiment an id of at most 40 characters (e.g. accuracy-prompt).")
    if "on" in raw and not isinstance(raw["on"], bool):
        return problem("on", "on は true（実験する）か false（しない）にしてください。", "set on to true (run it) or false.")
    arms = raw.get("arms")
    if not isinstance(arms, list) or len(arms) != 2 or not all(isinstance(a, Mapping) for a in arms):
        return problem("arms", "arms には群を2つ、{\"id\": \"control\"} と {\"id\": \"accuracy_prompt\"} のように書いてください。",
                       "list exactly two arms in arms, such as {\"id\": \"control\"} and {\"id\": \"accuracy_prompt\"}.")
    ids = [a.get("id") for a in arms]
    unknown = [i for i in ids if i not in TREATMENTS]
    if unknown:
        return problem("arms", f"群「{unknown[0]}」はありません。{'・'.join(TREATMENTS)} のどれかにしてください。",
                       f"there is no arm '{unknown[0]}'; use one of {', '.join(TREATMENTS)}.")
    if len(set(ids)) != 2:
        return problem("arms", "2つの群が同じです。ちがう群を2つ書いてください（例: control と accuracy_prompt）。",
                       "the two arms are the same; give two different ones (e.g. control and accuracy_prompt).")
    if raw.get("outcome", "careful") not in OUTCOMES:
        return problem("outcome", f"outcome は {'・'.join(OUTCOMES)} のどれかにしてください（careful: タイムラインで慎重に選んだ割合、post_score: 事後テストの点数）。",
                       f"outcome must be one of {', '.join(OUTCOMES)} (careful: share of careful timeline choices, post_score: post-test score).")
    called = set(methods or ())
    for arm in ids:
        needs = TREATMENTS[arm]
        if methods is not None and needs and needs not in called:
            return problem("arms", f"群「{arm}」は lesson.{needs}(…) で行う実験ですが、この授業にはありません。lesson.{needs}(…) のセルを加えるか、群を変えてください。",
                           f"arm '{arm}' is given by lesson.{needs}(…), which this lesson does not call; add that cell or change the arm.")
    return []
