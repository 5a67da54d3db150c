"""The answers as a table: one row per counted answer, the input of every other analysis here.

A student answers an item once per phase; should the store still hold a second answer for the
same session, item and phase (a double click, a re-run cell), only the first by ``answered_at``
counts, as it would in class. Responses are written 1-based and joined with ";" ("1;3"), the way
a teacher numbers choices and the way quiz banks write answers.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from kit.store.records import Answer

COLUMNS = ("lesson", "item", "response", "correct", "phase", "session", "student_key", "student",
           "class_code", "answered_at")
PHASES = ("pre", "post", "delayed", "practice")  # delayed: a booster lesson's test weeks later


def answers_frame(answers: Iterable[Answer]) -> pd.DataFrame:
    """One row per counted answer, first answers only.

    Args:
        answers: Answers as the store returns them, in any order.

    Returns:
        A frame with the columns of ``COLUMNS``, ordered by time. ``student_key`` is the nickname
        when one was given, else the session id; group by it together with ``class_code``.
    """
    rows = [(a.lesson, a.item, format_response(a.response), bool(a.correct), a.phase, a.session,
             a.student.strip() or a.session, a.student, a.class_code, a.answered_at) for a in answers]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["correct"] = frame["correct"].astype(bool)
    when = pd.to_datetime(frame["answered_at"], utc=True, errors="coerce", format="ISO8601")
    order = when.sort_values(kind="stable", na_position="last").index
    frame = frame.loc[order].drop_duplicates(["lesson", "session", "item", "phase"], keep="first")
    return frame.reset_index(drop=True)


def format_response(response: Iterable[int]) -> str:
    """0-based choice indices as 1-based numbers for people: ``(0, 2)`` → ``"1;3"``."""
    return ";".join(str(int(i) + 1) for i in response)


def parse_response(text: str) -> tuple[int, ...]:
    """The inverse of ``format_response``: ``"1;3"`` → ``(0, 2)``."""
    return tuple(int(part) - 1 for part in str(text).split(";") if part.strip())
