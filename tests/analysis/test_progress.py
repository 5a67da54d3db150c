"""Who is where now: each student at the part of their latest answer, parts in the order the class reached them."""

from __future__ import annotations

from datetime import datetime, timezone

from kit.analysis.progress import live_progress, part_label, part_of
from tests.analysis.factories import answer

NOW = datetime(2024, 5, 1, 1, 20, tzinfo=timezone.utc)


def at(minute: int) -> str:
    return f"2024-05-01T01:{minute:02d}:00.000+00:00"


def test_a_quiz_question_is_its_phase_and_a_component_its_first_word():
    assert part_of("mis-pre-1", "pre") == "pre" and part_of("timeline:tl-1:p3", "practice") == "timeline"
    assert part_label("timeline") == "タイムライン" and part_label("post", "en") == "Post-test"
    assert part_label("newlab") == "newlab"


def test_each_student_is_at_their_latest_answer_and_parts_follow_the_class_order():
    answers = [answer("q1", student="あき", session="a", at=at(1)), answer("q1", student="ゆう", session="b", at=at(2)),
               answer("timeline:t:1", phase="practice", student="あき", session="a", at=at(10)),
               answer("q9", phase="post", student="あき", session="a", at=at(19)),
               answer("timeline:t:1", phase="practice", student="りん", session="c", at=at(5))]
    parts = live_progress(answers, NOW)
    assert [p.label for p in parts] == ["事前テスト", "タイムライン", "事後テスト"]
    assert parts[0].students == (("ゆう", 18),) and parts[1].students == (("りん", 15),)
    assert parts[2].students == (("あき", 1),)


def test_a_student_without_a_nickname_is_their_token_s_start():
    parts = live_progress([answer(session="0123456789abcdef", student=" ", at=at(19))], NOW)
    assert parts[0].students == (("01234567", 1),)


def test_no_answers_no_parts():
    assert live_progress([], NOW) == []
