"""Did it last: when a class's booster is due, and the post-test beside the delayed test with intervals."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

from kit.analysis import answers_frame
from kit.analysis.delayed import (
    booster_schedule,
    booster_status,
    discernment_retention,
    explain_discernment_kept,
    explain_retention,
    score_retention,
)
from kit.content.discernment import load_discernment
from kit.serve.report import build_retention, is_quiz_item
from kit.store.records import Answer

ROOT = Path(__file__).resolve().parents[2]
FEED = load_discernment(ROOT / "datasets" / "discernment" / "everyday.yaml")


def test_a_booster_is_due_two_to_six_weeks_after_the_post_test():
    lesson_day = date(2026, 10, 1)
    assert booster_status(lesson_day, date(2026, 10, 10)) == ("early", 5)
    assert booster_status(lesson_day, date(2026, 10, 15)) == ("due", 28)
    assert booster_status(lesson_day, date(2026, 11, 12)) == ("due", 0)
    assert booster_status(lesson_day, date(2026, 11, 13)) == ("late", 0)
    assert booster_status(lesson_day, date(2026, 11, 20), boosted_at=date(2026, 10, 20)) == ("done", 0)
    # a booster answered before this lesson (a class that took the topic again) does not count
    assert booster_status(lesson_day, date(2026, 10, 20), boosted_at=date(2026, 9, 1))[0] == "due"


def test_the_schedule_takes_each_class_s_last_lesson_of_a_topic_and_lists_due_classes_first():
    rows = [
        ("2-1", "misinformation", False, datetime(2026, 9, 1, 10)),
        ("2-1", "misinformation", False, datetime(2026, 10, 20, 10)),  # the class took a second lesson later
        ("2-2", "misinformation", False, datetime(2026, 10, 5, 10)),
        ("2-2", "piracy", False, datetime(2026, 10, 1, 10)),
        ("2-2", "piracy", True, datetime(2026, 10, 29, 10)),
    ]
    schedule = booster_schedule(rows, today=date(2026, 10, 25))
    assert [(d.class_code, d.topic, d.status) for d in schedule] == [
        ("2-2", "misinformation", "due"), ("2-1", "misinformation", "early"), ("2-2", "piracy", "done")]
    first = schedule[1]
    assert (first.post_at, first.due_from, first.due_until) == (date(2026, 10, 20), date(2026, 11, 3), date(2026, 12, 1))


def _class(students: int, post_right: float, delayed_right: float, seed: int = 3) -> list[Answer]:
    """A class's answers: the lesson's post-test (quiz and feed form b) and the booster's delayed test (feed form c)."""
    rng, answers = random.Random(seed), []
    for s in range(students):
        session = f"{s:032x}"
        for lesson, phase, form, right in (("misinformation-jh", "post", "b", post_right),
                                           ("misinformation-booster", "delayed", "c", delayed_right)):
            for post in FEED.form(form):
                ok = rng.random() < right
                answers.append(Answer(lesson, FEED.item(post), (0 if ok == post.truth else 1,), ok, phase, session,
                                      str(s + 1), "2-1", "2026-10-01T01:00:00Z", "discernment/everyday.yaml"))
            for q in range(4):
                answers.append(Answer(lesson, f"{lesson}-q{q}", (0,), rng.random() < right, phase, session, str(s + 1),
                                      "2-1", "2026-10-01T01:00:00Z", "quizzes/x.yaml"))
    return answers


def test_scores_that_faded_are_said_to_have_dropped_with_their_interval():
    kept = score_retention(answers_frame(_class(30, 0.9, 0.55)), is_quiz_item)
    assert kept.paired == 30 and kept.students_delayed == 30
    assert kept.high < 0 < kept.immediate - kept.delayed
    assert explain_retention(kept).startswith("数週間後には、授業の直後より点数が下がりました")
    assert "-0" not in explain_retention(kept)


def test_scores_that_held_are_said_to_have_lasted_and_a_small_class_is_not_judged():
    held = score_retention(answers_frame(_class(30, 0.8, 0.8)), is_quiz_item)
    assert held.low < 0 < held.high and "続いているようです" in explain_retention(held)
    few = score_retention(answers_frame(_class(4, 0.9, 0.5)), is_quiz_item)
    assert explain_retention(few).startswith("事後テストと数週間後のテストの両方に答えた生徒が 4 人だけ")


def test_discernment_weeks_later_beside_right_after():
    change = discernment_retention(answers_frame(_class(30, 0.9, 0.55)), FEED.truths())
    assert change["students_both"] == 30 and change["d_prime_change_high"] < 0
    assert explain_discernment_kept(change).startswith("数週間後には、本当とうそを見分ける力が授業の直後より下がった")
    assert explain_discernment_kept(None, "en").startswith("The discernment test can be compared")


def test_the_teacher_page_shows_right_after_and_weeks_later_side_by_side():
    shown = build_retention(_class(30, 0.9, 0.55), ROOT / "datasets")
    assert shown["header"] == ["はかったもの", "授業の直後（事後）", "数週間後（ブースター）", "変化"]
    score, d_prime, c = shown["rows"]
    assert score[0] == "正答率（変化はポイント）" and score[1].endswith("%") and "（" in score[3]
    assert d_prime[0] == "見分ける力 d′" and "（" in d_prime[1] and c[0].startswith("かたより c")
    assert len(shown["sentences"]) == 2
    assert build_retention([a for a in _class(5, 0.9, 0.5) if a.phase == "post"], ROOT / "datasets") is None
