"""A class experiment a lesson declares: two arms students are assigned to at random, and what is compared.

A lesson notebook's metadata may hold, under ``netkit.experiment``::

    {"id": "accuracy-prompt", "on": true, "outcome": "careful",
     "title_ja": "シェアの前に「正確かな？」と問いかけると…", "title_en": "…",
     "arms": [{"id": "control", "label_ja": "ふつうのタイムライン", "label_en": "…"},
              {"id": "accuracy_prompt", "label_ja": "シェアの前に「正確かな？」", "label_en": "…"}]}

With ``on`` true, each student is assigned one arm when they join (the least filled in the class,
kept across reloads: ``kit.sitting.Sitting.arm``); the student is not told, the teacher's page is.
An arm's id is either a *treatment* a lesson's component gives (``TREATMENTS``: ``control`` changes
nothing; ``accuracy_prompt`` asks "is it accurate?" before each sharing choice of the timeline), or
the name of the parts of the lesson shown to that arm only: a cell ``lesson.section(file, id,
arm="prebunk_first")`` is shown to students of that arm only (``ARM_METHODS``), so a section can come
before the role-play for one arm and after it for the other. While the experiment is off, the lesson is
as its first arm sees it. ``outcome`` is what the teacher's page compares between arms (``OUTCOMES``).
``experiment_problems`` is what ``netkit validate`` says about a declaration and its ``arm=`` cells,
one sentence per problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kit.content.errors import ContentProblem
from kit.content.text import Text

TREATMENTS = {"control": None, "accuracy_prompt": "timeline"}  # treatment → the component that gives it
OUTCOMES = ("careful", "post_score")  # share of careful timeline choices; post-test score
FIELD = "netkit.experiment"
ARM_METHODS = ("section",)  # the lesson's parts that can be shown to one arm only (``arm=``)
ARM_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")


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


def experiment_problems(name: str, meta: Mapping | None, methods: Iterable[str] | None = None,
                        calls: Sequence | None = None) -> list[ContentProblem]:
    """What is wrong with ``netkit.experiment`` in notebook ``name`` (whose calls are ``methods``), one sentence each.

    ``calls`` (``kit.notebook.Call``, when known) are checked too: each ``arm=`` names an arm of the
    declaration, on a part that can be shown to one arm only; and each arm that is no treatment has such a part.
    """
    raw = meta.get("experiment") if isinstance(meta, Mapping) else None
    parts = [c for c in calls or () if "arm" in c.kwargs]
    if raw is None:
        return [_part_problem(name, c, f"arm「{_shown(c)}」のセルがありますが、この授業には実験（netkit.experiment）がないので、メタデータに実験を書くか arm= を消してください。",
                              f"this cell has arm '{_shown(c)}' but the lesson declares no experiment (netkit.experiment); declare one in the metadata or remove arm=.")
                for c in parts[:1]]

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
    unknown = [i for i in ids if not isinstance(i, str) or ARM_ID.fullmatch(i) is None]
    if unknown:
        return problem("arms", f"群の id「{unknown[0]}」は、小文字の英字で始まる英数字と _ の40字以内にしてください（例: control、prebunk_first）。",
                       f"arm id '{unknown[0]}' must be lowercase letters, digits and _ starting with a letter, at most 40 (e.g. control, prebunk_first).")
    if len(set(ids)) != 2:
        return problem("arms", "2つの群が同じです。ちがう群を2つ書いてください（例: control と accuracy_prompt）。",
                       "the two arms are the same; give two different ones (e.g. control and accuracy_prompt).")
    if raw.get("outcome", "careful") not in OUTCOMES:
        return problem("outcome", f"outcome は {'・'.join(OUTCOMES)} のどれかにしてください（careful: タイムラインで慎重に選んだ割合、post_score: 事後テストの点数）。",
                       f"outcome must be one of {', '.join(OUTCOMES)} (careful: share of careful timeline choices, post_score: post-test score).")
    for call in parts:
        arm = call.kwargs["arm"]
        if call.method not in ARM_METHODS:
            return [_part_problem(name, call, f"arm= は lesson.{'(…)・lesson.'.join(ARM_METHODS)}(…) にだけ書けるので、lesson.{call.method}(…) からは消してください。",
                                  f"arm= is only for lesson.{'(…), lesson.'.join(ARM_METHODS)}(…); remove it from lesson.{call.method}(…).")]
        if arm not in ids:
            return [_part_problem(name, call, f"arm「{_shown(call)}」は netkit.experiment.arms にないので、{'・'.join(ids)} のどちらかにしてください。",
                                  f"arm '{_shown(call)}' is not in netkit.experiment.arms; use {' or '.join(ids)}.")]
    called = set(methods if methods is not None else (c.method for c in calls or ()))
    known = methods is not None or calls is not None
    for arm in ids:
        needs = TREATMENTS.get(arm)
        if known and needs and needs not in called:
            return problem("arms", f"群「{arm}」は lesson.{needs}(…) で行う実験ですが、この授業にはありません。lesson.{needs}(…) のセルを加えるか、群を変えてください。",
                           f"arm '{arm}' is given by lesson.{needs}(…), which this lesson does not call; add that cell or change the arm.")
        if known and arm not in TREATMENTS and arm not in {c.kwargs["arm"] for c in parts}:
            return problem("arms", f"群「{arm}」はこの授業のどこも変えないので、lesson.section(…, arm=\"{arm}\") でこの群だけに見せる節を加えるか、{'・'.join(t for t in TREATMENTS if t != 'control')} にしてください。",
                           f"arm '{arm}' changes nothing in this lesson; add a part shown to it only with lesson.section(…, arm=\"{arm}\"), or use {', '.join(t for t in TREATMENTS if t != 'control')}.")
    return []


def _shown(call) -> str:
    arm = call.kwargs.get("arm")
    return arm if isinstance(arm, str) else "?"


def _part_problem(name: str, call, ja: str, en: str) -> ContentProblem:
    return ContentProblem(name, f"{call.cell}番目のセル", "arm", ja, en)
