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


def lesson_experiment(lessons: Path | None, lesson: str):
    """The experiment lesson ``lesson``'s notebook declares (on or off), or None."""
    from kit import notebook
    from kit.content.experiment import read_experiment

    if lessons is None or not lesson:
        return None
    meta = notebook.by_id(lessons).get(lesson)
    return read_experiment(meta) if meta is not None else None


def experiment_report(answers: list, assignments: list, experiment, lang: str = "ja") -> dict | None:
    """The teacher's view of a class experiment: title, each arm's students and mean, the difference with its
    interval, and one sentence."""
    if experiment is None:
        return None
    from kit.analysis.experiment import arm_effect, experiment_figures, experiment_rows, explain_experiment
    from kit.analysis.frame import answers_frame

    rows = experiment_rows(answers_frame(answers), assignments, experiment.design, experiment.outcome)
    if rows.empty and not experiment.on:
        return None
    names = {arm.id: arm.label.get(lang) for arm in experiment.arms}
    result = arm_effect(rows, experiment.arm_ids)
    figures = experiment_figures(result, names, experiment.outcome, lang)
    arms = [{"label": names[arm], "students": int((rows["arm"] == arm).sum()), "mean": mean, "shown": shown}
            for arm, mean, shown in zip(experiment.arm_ids, result["means"], figures["means"], strict=True)]
    return {"title": experiment.title.get(lang), "on": experiment.on, "arms": arms, "mean_heading": figures["mean_heading"],
            "difference_heading": figures["difference_heading"], "difference": figures["difference"],
            "sentence": explain_experiment(result, names, experiment.outcome, lang)}


def experiment_table(answers: list, assignments: list, experiment, lang: str = "ja"):
    """The export for a school's research report: one row per assigned student, headed for people."""
    from kit.analysis.experiment import experiment_rows
    from kit.analysis.frame import answers_frame
    from kit.analysis.headings import with_headings

    rows = experiment_rows(answers_frame(answers), assignments, experiment.design, experiment.outcome)
    return with_headings(rows.assign(session=rows["session"].str[:8]), lang)


def experiment_sheets(answers: list, assignments: list, lessons: Path | None, lang: str = "ja") -> dict:
    """The research export of each lesson among ``answers`` whose notebook declares a class experiment.

    ``experiment``: one row per assigned student (arm, outcome value); ``experiment_summary``: one row per
    class and lesson with each arm's students and mean, the difference and its 95% interval, and the
    teacher's sentence, the lesson named by its title. Empty when no lesson of ``answers`` has an assigned student.
    """
    import pandas as pd

    from kit import notebook
    from kit.analysis.experiment import experiment_rows, experiment_summary
    from kit.analysis.frame import answers_frame
    from kit.analysis.headings import with_headings
    from kit.content.experiment import read_experiment

    metas = notebook.by_id(lessons) if lessons is not None and lessons.is_dir() else {}
    frame = answers_frame(answers)
    students, summaries = [], []
    for lesson in sorted({a.lesson for a in answers}):
        meta = metas.get(lesson)
        experiment = read_experiment(meta) if meta is not None else None
        if experiment is None:
            continue
        rows = experiment_rows(frame, [a for a in assignments if a["lesson"] == lesson], experiment.design,
                               experiment.outcome)
        if rows.empty:
            continue
        labels = {arm.id: arm.label.get(lang) for arm in experiment.arms}
        title = str(meta.get(f"title_{lang}") or meta.get("title_ja") or lesson)
        students.append(rows.assign(session=rows["session"].str[:8]))
        summaries.append(experiment_summary(rows, experiment.arm_ids, labels, experiment.outcome, {lesson: title}, lang))
    if not students:
        return {}
    summary = pd.concat(summaries, ignore_index=True)
    shares = ["first_mean", "second_mean", "arm_difference", "arm_difference_low", "arm_difference_high"]
    summary[shares] = summary[shares].astype(float).round(4)
    return {"experiment": with_headings(pd.concat(students, ignore_index=True), lang),
            "experiment_summary": with_headings(summary, lang)}
