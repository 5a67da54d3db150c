"""What the store keeps: one ``Answer`` per question a student answered."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    """One graded answer. ``response`` holds the chosen choice indices as the kernel graded them."""

    lesson: str
    item: str
    response: tuple[int, ...]
    correct: bool
    phase: str  # "pre", "post" or "practice"
    session: str  # the browser's token (kit.sitting): one per browser, kept across reloads
    student: str = ""  # nickname or seat number, never a real name required
    class_code: str = ""
    answered_at: str = ""  # ISO time in UTC; the store fills it in when empty
    bank: str = ""  # the content file the item came from, as the lesson names it ("quizzes/x.csv"); "" if unknown
    key: str = ""  # unique per answer (the sitting's): written twice, it is stored once; not read back
