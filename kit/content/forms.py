"""Matched forms of a pre/post test: which form a student takes before and after, and whether forms match.

A bank's questions may carry a ``form`` (A, B, …) within their ``group``. The forms of a group are
parallel: the same number of questions, the same mix of question types and the same split of ○ and ×
answers, so that a student's change from pre to post is not the difference between two tests. Each
student gets an *order* (``orders``: ``"AB"`` or ``"BA"`` for two forms, a rotation for more),
decided when they join and kept in the results store (``kit.sitting.Sitting.assigned``); the pre test
shows the order's first form and the post test its second (``form_for``). ``form_problems`` is what
``netkit validate`` says about forms that do not match, one sentence per difference.

Questions are read duck-typed (``group``, ``form``, ``type``, ``answer``, ``id``), so the quiz loader
can import this module.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kit.content.errors import ContentProblem

FORMS_DESIGN = "forms"  # the name an order is stored under, one per student and lesson
PAIR_ORDERS = ("AB", "BA")  # the orders of a pair of forms (``orders("AB")``): what a two-form quiz stores too
TRUEFALSE = "truefalse"
TYPE_NAMES = {"single": "1つ選ぶ", "multiple": "いくつでも選ぶ", "truefalse": "○×", "order": "並べかえ"}


@dataclass(frozen=True)
class Profile:
    """What two matched forms must share: how many questions, of which types, with how many ○ and ×."""

    count: int
    types: tuple[tuple[str, int], ...]
    true: int
    false: int

    def types_ja(self) -> str:
        return "・".join(f"{TYPE_NAMES.get(t, t)}{n}" for t, n in self.types)

    def types_en(self) -> str:
        return ", ".join(f"{n} {t}" for t, n in self.types)


def profile(questions) -> Profile:
    """The count, type mix and ○/× split of a form's questions."""
    types = Counter(_type(q) for q in questions)
    marks = Counter(tuple(q.answer) for q in questions if _type(q) == TRUEFALSE)
    return Profile(len(questions), tuple(sorted(types.items())), marks[(0,)], marks[(1,)])


def forms(questions) -> dict[str, tuple]:
    """The questions by form name (sorted A, B, …); {} when none of them names a form."""
    named: dict[str, list] = {}
    for q in questions:
        if q.form:
            named.setdefault(q.form, []).append(q)
    return {name: tuple(named[name]) for name in sorted(named)}


def orders(names) -> tuple[str, ...]:
    """The orders students are spread over: each form once first, followed by the next (AB, BA; AB, BC, CA)."""
    names = sorted(names)
    if len(names) < 2:
        return tuple(names)
    return tuple(names[i] + names[(i + 1) % len(names)] for i in range(len(names)))


def form_for(order: str, phase: str) -> str:
    """The form a student with ``order`` takes in ``phase``: the first before the lesson, the second after it."""
    if not order:
        return ""
    return order[1] if phase == "post" and len(order) > 1 else order[0]


def form_in_pair(order: str, pair: tuple[str, str], declared: str) -> str:
    """The form of ``pair`` a student with ``order`` takes where the lesson declares ``declared``.

    A lesson declares a pair as it would run it for the first order (``pair[0]`` before, ``pair[1]``
    after); a student whose order is swapped (BA: its first form comes after its second) gets the
    pair's other form, so half the class sees the pair the other way round. The order is the
    student's one order of forms in the lesson (``FORMS_DESIGN``), the same a matched quiz uses.
    """
    first, second = pair
    if declared not in pair or len(order) < 2 or order[0] < order[1]:
        return declared
    return second if declared == first else first


PRE_POST_GROUPS = {"pre", "post", "事前", "事後"}  # what a teacher writes in group when they mean forms


def form_problems(bank) -> list[ContentProblem]:
    """Forms of one group that do not match the group's first form, or questions left out of a group's forms."""
    problems = []
    groups: dict[str, list] = {}
    for q in bank.questions:
        groups.setdefault(q.group, []).append(q)
    named = forms(bank.questions)
    split = next((q for q in bank.questions if q.group.strip().lower() in PRE_POST_GROUPS), None)
    if named and split is not None:  # group pre/post with forms: every other sentence would mislead
        return [_problem(bank.file, split, "group", "group_pre_post", group=split.group, **_pair(named))]
    for group, questions in groups.items():
        by_form = forms(questions)
        if not by_form:
            continue
        where = {"where": f"group「{group}」の" if group else "", "where_en": f"in group '{group}', " if group else ""}
        loose = [q for q in questions if not q.form]
        if loose:
            problems.append(_problem(bank.file, loose[0], "form", "loose", **where, **_pair(by_form)))
        if len(by_form) == 1:
            (only,) = by_form
            other = "B" if only != "B" else "A"
            problems.append(_problem(bank.file, by_form[only][0], "form", "lone", only=only, other=other, **where))
            continue
        (first, reference), *others = by_form.items()
        for name, form in others:
            problems += _mismatch(bank.file, where, _pair({first: 0, name: 0}), (first, reference), (name, form))
    return problems


def _mismatch(file: str, where: dict, pair: dict, first: tuple[str, tuple], later: tuple[str, tuple]) -> list[ContentProblem]:
    """How form ``later`` differs from ``first``, told at the form that is off: the rows to look at and the fix."""
    (a, a_items), (b, b_items) = first, later
    want, got = profile(a_items), profile(b_items)
    if got.count != want.count:
        return [_problem(file, b_items[-1], "form", "count", off=b, other=a, got=got.count, want=want.count,
                         **_rows(b_items), **where, **pair)]
    if got.types != want.types:
        changed = next((q for q in b_items if dict(got.types).get(_type(q), 0) > dict(want.types).get(_type(q), 0)), b_items[-1])
        return [_problem(file, changed, "type", "types", off=b, other=a, got=got.types_ja(), want=want.types_ja(),
                         got_en=got.types_en(), want_en=want.types_en(), **_rows(b_items), **where, **pair)]
    if (got.true, got.false) == (want.true, want.false):
        return []
    # The form whose ○ and × are further apart is the one a teacher most likely changed; on a tie, the later one.
    if abs(want.true - want.false) > abs(got.true - got.false):
        (off, off_items, off_p), (other, other_p) = (a, a_items, want), (b, got)
    else:
        (off, off_items, off_p), (other, other_p) = (b, b_items, got), (a, want)
    more = 0 if off_p.true > other_p.true else 1
    candidates = [q for q in off_items if _type(q) == TRUEFALSE and tuple(q.answer) == (more,)]
    mark, flip = ("○", "×") if more == 0 else ("×", "○")
    return [_problem(file, candidates[0], "answer", "truefalse", off=off, other=other, off_true=off_p.true,
                     off_false=off_p.false, other_true=other_p.true, other_false=other_p.false, mark=mark, flip=flip,
                     n=abs(off_p.true - other_p.true), **_rows(candidates), **where, **pair)]


def _pair(by_form) -> dict:
    names = list(by_form)
    joined = " と ".join(names) if len(names) == 2 else "・".join(names)
    return {"pair": _text("pair", "ja", names=joined), "pair_en": _text("pair", "en", names=" and ".join(names)),
            "names": "・".join(names), "names_en": ", ".join(names)}


def _rows(questions) -> dict:
    """Where each question is, as a teacher finds it: 「3行目の def-pre-1」 in a spreadsheet, 「def-pre-1（12行目）」 in YAML."""
    def at(q, lang):
        place, line = getattr(q, "place", ""), getattr(q, "line", None)
        if place.endswith("行目"):
            return f"{place}の {q.id}" if lang == "ja" else f"row {place.removesuffix('行目')} ({q.id})"
        if line:
            return f"{q.id}（{line}行目）" if lang == "ja" else f"{q.id} (line {line})"
        return q.id
    return {"rows": "、".join(at(q, "ja") for q in questions), "rows_en": ", ".join(at(q, "en") for q in questions)}


def _problem(file: str, question, field: str, key: str, **values) -> ContentProblem:
    ja = {k: v for k, v in values.items() if not k.endswith("_en")}
    en = {**ja, **{k.removesuffix("_en"): v for k, v in values.items() if k.endswith("_en")}}
    return ContentProblem(file, getattr(question, "place", "") or question.id, field, _text(key, "ja", **ja),
                          _text(key, "en", **en), getattr(question, "line", None))


@cache
def _messages() -> dict:
    import yaml

    return yaml.safe_load(resources.files("kit.content").joinpath("form_messages.yaml").read_text("utf-8"))


def _text(key: str, lang: str, **values) -> str:
    return _messages()[key][lang].format(**values)


def _type(question) -> str:
    kind = question.type
    return getattr(kind, "value", kind)
