"""A class that took a lesson, made up: answers to a real quiz bank from students who learn something.

For the browser test of the teacher's page and ``benchmarks/teacher``: each student takes one form
of the bank before and the other after (or its pre and post groups), and has an ability
(normal, seeded); the chance of a right answer is logistic in ability minus the question's
difficulty, raised by ``learning`` after the lesson; a wrong answer picks a wrong choice, the first
one more often (so a "most chosen wrong answer" stands out). Between the tests each student answers
timeline posts (``timeline:<id>:<n>``) until they reach ``per_student`` answers. Times run from
``start``, a student a few seconds after another, as a class does.

``booster=(lesson, bank)`` adds the topic's booster ``BOOSTER_AFTER`` later: the first ``boosted`` (all when
None) of the same students (same nickname and browser) answer that bank's ``delayed`` questions (all of them when it
has no such group) in phase ``delayed``, keeping ``kept`` of what the lesson added to their ability.

``arm_of(session, name)`` puts each student in an arm of a class experiment (for a served class, the store's own
``assign``, so students are assigned as the lesson assigns them), and ``arm_lift`` raises the log-odds of a careful
timeline choice in an arm (``{"accuracy_prompt": 0.8}``: the prompt works); without them nothing changes.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kit.content.quiz import QuestionType, read_quiz
from kit.store.records import Answer

START = datetime(2026, 11, 30, 0, 40, tzinfo=timezone.utc)  # 9:40 in Japan, second period
BOOSTER_AFTER = timedelta(days=28)  # within the 2–6 weeks of kit.analysis.delayed


def _forms(questions, student: int):
    """The questions a student takes before and after: matched forms A and B, AB for even students and BA for
    odd ones as the lesson counterbalances them; else the bank's pre and post groups; else its two halves."""
    forms = sorted({q.form for q in questions if q.form})
    if len(forms) >= 2:
        first, second = ([q for q in questions if q.form == f] for f in forms[:2])
        return (first, second) if student % 2 == 0 else (second, first)
    pre = [q for q in questions if "pre" in q.group]
    post = [q for q in questions if "post" in q.group]
    if not pre or not post:
        half = len(questions) // 2
        pre, post = list(questions[:half]), list(questions[half:])
    return pre, post


def _response(q, right: bool, rng: random.Random) -> tuple[int, ...]:
    if right:
        return tuple(q.answer)
    if q.type is QuestionType.ORDER:
        return tuple(reversed(q.answer))
    wrong = [i for i in range(len(q.choices)) if (i,) != tuple(q.answer)]
    if q.type is QuestionType.MULTIPLE:
        return (wrong[0],)
    weights = [3] + [1] * (len(wrong) - 1)
    return (rng.choices(wrong, weights)[0],)


def simulated_class(datasets: Path, bank: str, lesson: str, class_code: str, students: int = 40, per_student: int = 30,
                    seed: int = 0, learning: float = 1.0, start: datetime = START, names: list[str] | None = None,
                    timeline: str = "tl-demo", booster: tuple[str, str] | None = None, boosted: int | None = None,
                    kept: float = 0.5, arm_of: Callable[[str, str], str] | None = None,
                    arm_lift: Mapping[str, float] | None = None) -> list[Answer]:
    """The answers of ``students`` students of ``class_code`` to ``lesson``, pre-test, timeline, post-test
    (and, with ``booster``, the delayed test of the topic's booster weeks later)."""
    quiz, _problems = read_quiz(Path(datasets) / bank)
    rng = random.Random(seed)
    difficulty = {q.id: rng.gauss(-0.3, 0.8) for q in quiz.questions}
    later = random.Random(seed + 1)  # its own draws: the lesson's answers stay as they were without a booster
    delayed = []
    if booster is not None:
        booster_quiz, _problems = read_quiz(Path(datasets) / booster[1])
        delayed = [q for q in booster_quiz.questions if q.group == "delayed"] or list(booster_quiz.questions)
        difficulty.update({q.id: later.gauss(-0.3, 0.8) for q in delayed})
    out = []
    for s in range(students):
        name = names[s] if names and s < len(names) else f"{s + 1}"
        session = f"{seed:04x}{s:04x}".ljust(32, "0")
        ability = rng.gauss(0, 1)
        lift_in_arm = (arm_lift or {}).get(arm_of(session, name), 0.0) if arm_of is not None else 0.0
        pre, post = _forms(quiz.questions, s)
        when = start + timedelta(seconds=5 * s)
        middle = max(per_student - len(pre) - len(post), 0)
        steps = [("pre", q) for q in pre] + [("practice", None)] * middle + [("post", q) for q in post]
        for k, (phase, q) in enumerate(steps[:per_student]):
            when += timedelta(seconds=rng.randint(15, 45))
            if q is None:
                careful = rng.random() < 1 / (1 + math.exp(-ability - 0.5 - lift_in_arm))
                out.append(Answer(lesson, f"timeline:{timeline}:{k}", (0 if careful else 1,), careful, phase, session,
                                  name, class_code, when.isoformat(timespec="milliseconds"), "timelines/demo.yaml"))
                continue
            lift = learning if phase == "post" else 0.0
            right = rng.random() < 1 / (1 + math.exp(-(ability + lift - difficulty[q.id])))
            out.append(Answer(lesson, q.id, _response(q, right, rng), right, phase, session, name, class_code,
                              when.isoformat(timespec="milliseconds"), bank))
        if delayed and (boosted is None or s < boosted):
            when = start + BOOSTER_AFTER + timedelta(seconds=5 * s)
            for q in delayed:
                when += timedelta(seconds=later.randint(15, 45))
                right = later.random() < 1 / (1 + math.exp(-(ability + kept * learning - difficulty[q.id])))
                out.append(Answer(booster[0], q.id, _response(q, right, later), right, "delayed", session, name,
                                  class_code, when.isoformat(timespec="milliseconds"), booster[1]))
    return out
