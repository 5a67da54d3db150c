"""Content as data: quiz banks, facts, help desks and lesson texts read from teachers' files.

Every loader returns frozen dataclasses or raises ``ContentError`` naming file, place, field and
the fix for every problem at once.

The names below are imported when first used (PEP 562), so that a lesson which reads only a quiz
does not import the loaders, schemas and libraries of every other kind of content.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "ContentError": "errors", "ContentProblem": "errors",
    "Fact": "facts", "load_all_facts": "facts", "load_facts": "facts",
    "HelpDesk": "help", "load_help": "help",
    "LessonText": "lesson_text", "Section": "lesson_text", "load_lesson_text": "lesson_text",
    "Choice": "quiz", "Question": "quiz", "QuestionType": "quiz", "QuizBank": "quiz", "load_quiz": "quiz",
    "Text": "text",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'kit.content' has no attribute {name!r}")
    return getattr(importlib.import_module(f"kit.content.{_WHERE[name]}"), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
