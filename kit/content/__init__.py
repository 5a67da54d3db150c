"""Content as data: quiz banks, facts, help desks and lesson texts read from teachers' files.

Every loader returns frozen dataclasses or raises ``ContentError`` naming file, place, field and
the fix for every problem at once.
"""

from kit.content.errors import ContentError, ContentProblem
from kit.content.facts import Fact, load_all_facts, load_facts
from kit.content.help import HelpDesk, load_help
from kit.content.lesson_text import LessonText, Section, load_lesson_text
from kit.content.quiz import Choice, Question, QuestionType, QuizBank, load_quiz
from kit.content.text import Text

__all__ = [
    "Choice", "ContentError", "ContentProblem", "Fact", "HelpDesk", "LessonText", "Question",
    "QuestionType", "QuizBank", "Section", "Text", "load_all_facts", "load_facts", "load_help",
    "load_lesson_text", "load_quiz",
]
