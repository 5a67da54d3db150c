"""The five 誹謗中傷 lessons: each bank fits its audience with balanced ○× items per phase, each
notebook ends with where to get help, and each has a guide whose minutes fit a school period."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kit.content.forms import forms
from kit.content.guide import load_guide
from kit.content.quiz import QuestionType, load_quiz
from kit.content.vocab import AUDIENCES

REPO = Path(__file__).resolve().parents[2]
SLUGS = {"es34": "小3-4", "es56": "小5-6", "jh": "中学生", "hs": "高校生", "adult": "保護者・教職員"}


def notebook(slug: str) -> dict:
    return json.loads((REPO / "lessons" / "defamation" / f"{slug}.ipynb").read_text("utf-8"))


@pytest.mark.parametrize("slug", SLUGS)
def test_bank_has_pre_and_post_for_its_audience_with_balanced_true_false(slug):
    bank = load_quiz(REPO / "datasets" / "quizzes" / f"defamation_{slug}.yaml")
    assert SLUGS[slug] in AUDIENCES
    assert {q.audience for q in bank.questions} == {SLUGS[slug]}
    by_form = forms(bank.questions)  # matched forms: load_quiz holds them to the same shape
    assert sorted(by_form) == ["A", "B"]
    for form, items in by_form.items():
        assert len(items) >= 4
        marks = Counter(q.answer for q in items if q.type is QuestionType.TRUEFALSE)
        assert marks[(0,)] == marks[(1,)] >= 1, f"{slug} form {form}: ○ {marks[(0,)]} × {marks[(1,)]}"


@pytest.mark.parametrize("slug", SLUGS)
def test_notebook_metadata_and_guide_agree_and_fit_a_period(slug):
    meta = notebook(slug)["metadata"]["netkit"]
    assert meta["id"] == f"defamation-{slug}" and meta["audience"] == SLUGS[slug]
    assert meta["minutes"] == (45 if slug.startswith("es") else 50)
    guide = load_guide(REPO / "datasets" / "guides" / f"defamation-{slug}.yaml")
    assert (guide.lesson, guide.audience, guide.minutes) == (meta["id"], meta["audience"], meta["minutes"])
    assert sum(step.minutes for step in guide.timing if not step.optional) == guide.minutes
    assert len(guide.aims) >= 3 and len(guide.questions) >= 4 and guide.notes


@pytest.mark.parametrize("slug", ["jh", "hs"])
def test_the_long_lessons_mark_what_a_period_can_leave_out(slug):
    """19 cells do not fit 50 minutes: the guide's optional steps and the notebook's （省略可） cells agree."""
    guide = load_guide(REPO / "datasets" / "guides" / f"defamation-{slug}.yaml")
    optional = [s for s in guide.timing if s.optional]
    comments = ["".join(c["source"]).splitlines()[0] for c in notebook(slug)["cells"] if c["cell_type"] == "code"]
    marked = [c for c in comments if "（省略可）" in c]
    assert len(optional) >= 3 and len(marked) >= len(optional)
    assert all(s.activity.ja.startswith("（省略可）") for s in optional)


@pytest.mark.parametrize("slug", SLUGS)
def test_lesson_ends_with_where_to_get_help(slug):
    code = ["".join(c["source"]) for c in notebook(slug)["cells"] if c["cell_type"] == "code"]
    assert "lesson.help" in code[-1]  # help() or help_router(): the last thing a learner sees
    assert sum("lesson.help" in c for c in code) == 1
    assert 'phase="pre"' in code[2] and any('phase="post"' in c for c in code[3:])


def test_young_lessons_show_furigana():
    for slug in ("es34", "es56"):
        first = "".join(notebook(slug)["cells"][1]["source"])
        assert "furigana=True" in first
