"""answers_frame: first answers only, 1-based responses, a student key per class."""

from __future__ import annotations

from kit.analysis.frame import COLUMNS, answers_frame, format_response, parse_response
from tests.analysis.factories import answer


def test_the_first_answer_counts_even_when_stored_later():
    # the store may return rows out of time order; the 01:00 answer came first and counts
    late = answer(response=(2,), correct=False, at="2024-05-01T01:05:00.000+00:00")
    first = answer(response=(0,), correct=True, at="2024-05-01T01:00:00.000+00:00")
    frame = answers_frame([late, first])
    assert len(frame) == 1
    assert frame.loc[0, "response"] == "1" and bool(frame.loc[0, "correct"]) is True


def test_the_same_item_in_another_phase_or_session_is_kept():
    frame = answers_frame([answer(phase="pre"), answer(phase="post"), answer(session="s2"), answer(phase="pre")])
    assert len(frame) == 3
    assert sorted(zip(frame["session"], frame["phase"], strict=True)) == [("s1", "post"), ("s1", "pre"), ("s2", "pre")]


def test_student_key_is_the_nickname_else_the_session():
    frame = answers_frame([answer(session="s1", student="3番"), answer(session="s2", student="")])
    assert list(frame["student_key"]) == ["3番", "s2"]
    assert tuple(frame.columns) == COLUMNS


def test_responses_are_written_one_based_for_people():
    assert format_response((0, 2)) == "1;3"
    assert parse_response("1;3") == (0, 2)
    assert answers_frame([answer(response=(2, 0, 1))]).loc[0, "response"] == "3;1;2"


def test_no_answers_give_an_empty_frame_with_every_column():
    frame = answers_frame([])
    assert frame.empty and tuple(frame.columns) == COLUMNS
