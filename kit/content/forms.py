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


def form_problems(bank) -> list[ContentProblem]:
    """Forms of one group that do not match the group's first form, or questions left out of a group's forms."""
    problems = []
    groups: dict[str, list] = {}
    for q in bank.questions:
        groups.setdefault(q.group, []).append(q)
    for group, questions in groups.items():
        by_form = forms(questions)
        if not by_form:
            continue
        where_ja = f"group「{group}」の" if group else ""
        where_en = f"in group '{group}', " if group else ""
        loose = [q for q in questions if not q.form]
        if loose:
            problems.append(ContentProblem(
                bank.file, loose[0].id, "form",
                f"{where_ja}ほかの問題にはフォームがあるのにこの問題にはないので、form に {'・'.join(by_form)} のどれかを書いてください。",
                f"{where_en}the other questions have a form but this one has none; write one of {', '.join(by_form)} in form."))
        if len(by_form) == 1:
            (only,) = by_form
            problems.append(ContentProblem(
                bank.file, by_form[only][0].id, "form",
                f"{where_ja}フォームが{only}だけでは事前と事後で入れかえられないので、同じ形のフォームをもう1つ（例: B）作ってください。",
                f"{where_en}there is only form {only}; add a second form of the same shape (e.g. B) so pre and post can swap."))
            continue
        (first, reference), *others = by_form.items()
        want = profile(reference)
        for name, form in others:
            problems += _mismatch(bank.file, where_ja, where_en, first, want, name, form)
    return problems


def _mismatch(file: str, where_ja: str, where_en: str, first: str, want: Profile, name: str, form) -> list[ContentProblem]:
    got = profile(form)
    item = form[-1].id
    if got.count != want.count:
        return [ContentProblem(
            file, item, "form",
            f"{where_ja}フォーム{name}は{got.count}問でフォーム{first}の{want.count}問と合わないので、問題を足すか form を直して同じ数にしてください。",
            f"{where_en}form {name} has {got.count} questions and form {first} has {want.count}; add questions or fix form so both have as many.")]
    if got.types != want.types:
        changed = next((q for q in form if dict(got.types).get(_type(q), 0) > dict(want.types).get(_type(q), 0)), form[-1])
        return [ContentProblem(
            file, changed.id, "type",
            f"{where_ja}フォーム{name}の問題の形は{got.types_ja()}でフォーム{first}の{want.types_ja()}と合わないので、この問題の type を変えるなどして形の数をそろえてください。",
            f"{where_en}form {name} has {got.types_en()} questions and form {first} has {want.types_en()}; change this question's type (or another's) so the mix matches.")]
    if (got.true, got.false) != (want.true, want.false):
        more = 0 if got.true > want.true else 1
        changed = next((q for q in form if _type(q) == TRUEFALSE and tuple(q.answer) == (more,)), form[-1])
        return [ContentProblem(
            file, changed.id, "answer",
            f"{where_ja}フォーム{name}の○×の答えは○{got.true}・×{got.false}でフォーム{first}の○{want.true}・×{want.false}と合わないので、"
            "この問題の文と answer を逆の答えになるよう書きかえて○と×の数をそろえてください。",
            f"{where_en}form {name}'s true/false answers are {got.true} ○ and {got.false} ×, form {first}'s {want.true} ○ and "
            f"{want.false} ×; rewrite this question and its answer the other way round so the split matches.")]
    return []


def _type(question) -> str:
    kind = question.type
    return getattr(kind, "value", kind)
