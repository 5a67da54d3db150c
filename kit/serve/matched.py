"""The teacher's page on matched forms: the change with the forms' difficulty taken out, and questions that stand out.

The class's answers give the balanced change and the form gap (``kit.analysis.forms``); every
class's answers to the lesson give each question's difficulty (``kit.analysis.difficulty``), so a
question that is too easy, too hard or answered the wrong way round by strong students is named in
one sentence. Both are sentences and small tables, so the page's pictures can draw from the same rows.
"""

from __future__ import annotations

from pathlib import Path

from kit.serve.report import questions_for


def matched_report(answers: list, lesson_answers: list, datasets: Path, lang: str = "ja") -> dict:
    """Sentences for one class and lesson (``forms``) and for the lesson over every class (``difficulty``)."""
    from kit.analysis.difficulty import difficulty_notes, difficulty_table
    from kit.analysis.forms import balanced_table, explain_forms, form_of_items
    from kit.analysis.frame import answers_frame

    questions = questions_for(lesson_answers, datasets)
    form_of = form_of_items(questions)
    frame = answers_frame(answers)
    sentences = []
    if form_of and not frame.empty:
        table = balanced_table(frame, form_of)
        sentences = explain_forms(table.iloc[0].to_dict() if not table.empty else None, lang)
    whole = answers_frame(lesson_answers)
    notes = [] if whole.empty else difficulty_notes(
        difficulty_table(whole, form_of), {qid: q.text.get(lang) for qid, q in questions.items()}, lang)
    return {"forms": sentences, "difficulty": notes}
