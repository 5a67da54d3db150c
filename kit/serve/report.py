"""From stored answers to what the teacher's page and the exports show, via ``kit.analysis``.

Question texts come from the quiz banks the answers name (each stored answer keeps its ``bank``,
the content file it came from), so a report names questions as the students saw them. A bank is
read once while it is unchanged, not once per request; answers stored before answers kept their
bank are looked up in every bank under ``datasets/quizzes``. A bank with broken rows still lends
its sound questions.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from kit.text.ui import label


def is_quiz_item(item: str) -> bool:
    """Whether ``item`` is a quiz question's id: other components name theirs ``<component>:…``."""
    return ":" not in item


def answer_words(answers, datasets: Path, lang: str = "ja"):
    """``item_table``'s ``describe``: another component's item and response (\"1;3\") in words, each worded once.

    The words come from the component's own ``describe`` in the registry (``kit.components``),
    reading the content file the item's answers name; a quiz question gets None (its bank names it).
    """
    from kit.analysis.describe.answers import describe_answer
    from kit.analysis.frame import parse_response

    banks: dict[str, str] = {}
    for a in answers:
        if not is_quiz_item(a.item) and a.bank:
            banks.setdefault(a.item, a.bank)
    said: dict = {}

    def describe(item: str, response: str):
        if is_quiz_item(item):
            return None
        if (item, response) not in said:
            said[item, response] = describe_answer(item, parse_response(response), banks.get(item, ""), datasets, lang)
        return said[item, response]

    return describe


@lru_cache(maxsize=128)
def _bank_questions(path: str, mtime_ns: int, size: int) -> dict:
    from kit.content.errors import ContentError
    from kit.content.quiz import read_quiz

    try:
        bank, _problems = read_quiz(path)
    except ContentError:
        return {}
    return {q.id: q for q in bank.questions}


def bank_questions(path: Path) -> dict:
    """The sound questions of the quiz bank at ``path`` by id, read again only when the file changed."""
    try:
        stat = Path(path).stat()
    except OSError:
        return {}  # moved or deleted since: its answers keep their choice numbers
    return _bank_questions(str(path), stat.st_mtime_ns, stat.st_size)


def questions_for(answers, datasets: Path) -> dict:
    """The questions ``answers`` were given to, by id: from the banks they name (first one wins)."""
    datasets = Path(datasets)
    quiz = [a for a in answers if is_quiz_item(a.item)]
    found: dict = {}
    for bank in dict.fromkeys(a.bank for a in quiz if a.bank):
        path = Path(bank)
        for qid, question in bank_questions(path if path.is_absolute() else datasets / path).items():
            found.setdefault(qid, question)
    if any(not a.bank and a.item not in found for a in quiz):  # stored before answers kept their bank
        from kit.content.check import content_files

        for path in content_files(datasets / "quizzes"):
            for qid, question in bank_questions(path).items():
                found.setdefault(qid, question)
    return found


@lru_cache(maxsize=32)
def _feed_truths(path: str, mtime_ns: int, size: int) -> dict:
    from kit.content.discernment import load_discernment
    from kit.content.errors import ContentError

    try:
        return load_discernment(path).truths()
    except ContentError:
        return {}


def discernment_truths(answers, datasets: Path) -> dict[str, bool]:
    """The discernment posts ``answers`` judged, item id → true, from the feeds they name (read again only when changed)."""
    datasets = Path(datasets)
    found: dict[str, bool] = {}
    for bank in dict.fromkeys(a.bank for a in answers if a.item.startswith("discern:") and a.bank):
        path = Path(bank) if Path(bank).is_absolute() else datasets / bank
        try:
            stat = path.stat()
        except OSError:
            continue
        found.update(_feed_truths(str(path), stat.st_mtime_ns, stat.st_size))
    return found


def phase_name(value: str, lang: str = "ja") -> str:
    """A stored phase as the teacher's page and the exports name it: "pre" → 「事前」, "delayed" → 「数週間後」.

    The names are ``ui.yaml``'s ``phase_<phase>``; a phase the kit does not know keeps its code.
    """
    from kit.text.ui import labels

    return labels(lang).get(f"phase_{value}", value)


def _score(value) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value * 100:.0f}%"


def booster_lessons(entries, lesson: str) -> list[str]:
    """The booster lessons of ``lesson``'s topic (none when ``lesson`` is itself a booster or unknown)."""
    entry = next((e for e in entries if e.lesson_id == lesson), None)
    if entry is None or entry.booster:
        return []
    return list(dict.fromkeys(e.lesson_id for e in entries if e.booster and e.topic == entry.topic and e.lesson_id))


def lesson_topic(entries, lesson: str) -> str | None:
    """The catalogue's topic of ``lesson`` (by its id), None when no entry has it."""
    entry = next((e for e in entries if e.lesson_id == lesson), None)
    return entry.topic if entry is not None else None


def build_report(answers: list, datasets: Path, lang: str = "ja", names: bool = True,
                 items_shown: int | None = None, later: list | None = None, topic: str | None = None) -> dict:
    """The dashboard's figures and pictures for the answers of one class and one lesson.

    ``names=False`` leaves nicknames out of the pictures (a printed report that leaves the room);
    ``items_shown`` draws only that many of the hardest questions. ``later`` are the class's answers
    to the topic's booster: each student's delayed test becomes the slope chart's third point and a
    column of the students' table (``delayed_taken`` says whether anyone took it). ``topic`` is the
    lesson's (``lesson_topic``): the d′ plot marks a published effect only from a study of that topic.
    """
    from kit.analysis import (
        answers_frame,
        explain_change,
        explain_sdt,
        explain_sittings,
        item_table,
        participation_table,
        prepost_table,
        sdt_change_table,
        sdt_table,
        student_table,
    )
    from kit.analysis.charts.from_tables import class_pictures, reference
    from kit.analysis.students import delayed_scores, with_delayed_scores

    frame = answers_frame(answers)
    if frame.empty:
        return {"participation": [], "items": [], "students": [], "delayed_taken": False, "prepost": None, "sdt": None,
                "pictures": {},
                "discern": None}
    questions = questions_for(answers, datasets)
    part = participation_table(frame).iloc[0]
    participation = [(label("part_students", lang), int(part["students"])),
                     (label("part_answers", lang), int(part["answers"])),
                     (label("part_pre", lang), int(part.get("students_pre", 0))),
                     (label("part_post", lang), int(part.get("students_post", 0)))]
    item_rows = item_table(frame, questions, lang, answer_words(answers, datasets, lang))
    item_rows["text"] = [_named(text, lang, item) for text, item in zip(item_rows["text"], item_rows["item"], strict=True)]
    student_rows = with_delayed_scores(student_table(frame), delayed_scores(answers_frame(later or [])))
    change_table = sdt_change_table(frame, questions)
    items = [_item(row, lang) for _, row in item_rows.iterrows()]
    students = [
        {"name": row["student"] or row["student_key"][:8], "answered": int(row["answered"]),
         "pre": _score(row["pre_score"]), "post": _score(row["post_score"]), "delayed": _score(row["delayed_score"]),
         "needs_help": bool(row["needs_help"]),
         "sittings": int(row["sittings"]), "several": explain_sittings(lang) if row["several_sittings"] else ""}
        for _, row in student_rows.sort_values(["needs_help", "student_key"], ascending=[False, True]).iterrows()
    ]
    return {"participation": participation, "items": items, "students": students,
            "delayed_taken": bool(student_rows["delayed_score"].notna().any()),
            "prepost": _prepost(prepost_table(frame).iloc[0], lang, explain_change),
            "sdt": _sdt(sdt_table(frame, questions), change_table, lang, explain_sdt),
            "pictures": class_pictures(item_rows, student_rows, None if change_table.empty else change_table.iloc[0],
                                       lambda p: phase_name(p, lang), reference(datasets, topic), lang, names, items_shown),
            "discern": _discern(frame, discernment_truths(answers, datasets), lang)}


def _item(row, lang: str) -> dict:
    """One row of the page's 問題ごと table: an item without a right answer has no rate, only its most chosen answer."""
    shown = {"text": row["text"], "phase": phase_name(row["phase"], lang), "n": int(row["n"])}
    if math.isnan(row["correct_rate"]):
        share = f"{row['top_choice_share'] * 100:.0f}%"
        return {**shown, "rate": None, "wrong": label("item_unscored", lang, answer=row["top_choice"], share=share)}
    top = row["top_wrong"] if isinstance(row["top_wrong"], str) else ""  # a table read back may hold NaN
    share = f"{row['top_wrong_share'] * 100:.0f}%"
    wrong = (f"{top}（{share}）" if lang == "ja" else f"{top} ({share})") if top and row["top_wrong_share"] > 0 \
        else label("item_nobody_wrong", lang)  # as the chart above says, never an empty answer with (0%)
    return {**shown, "rate": float(row["correct_rate"]), "wrong": wrong}


def progress_picture(answers: list, lang: str = "ja") -> dict:
    """Who is on which part of the lesson now, as a picture and the time it was drawn (Japan time)."""
    from datetime import datetime, timezone

    from kit.analysis.charts import progress_chart
    from kit.analysis.progress import live_progress
    from kit.text.times import japan

    now = datetime.now(timezone.utc)
    return {"svg": progress_chart(live_progress(answers, now, lang), lang),
            "at": now.astimezone(japan()).strftime("%H:%M:%S")}


def _discern(frame, truth: dict, lang: str) -> dict | None:
    """The discernment test: its one sentence first, then d′ and c per phase as in the ○× table."""
    if not truth:
        return None
    from kit.analysis.discernment import discernment_tables, explain_discernment

    table, change_table = discernment_tables(frame, truth)
    shown = _sdt(table, change_table, lang, lambda change, _lang: [])
    if shown is None:
        return None
    change = None if change_table.empty else change_table.iloc[0]
    header = [label(k, lang) for k in ("sdt_phase", "dc_h", "dc_f", "sdt_d", "dc_c")]
    return {**shown, "header": header, "headline": explain_discernment(change, lang),
            "meanings": [label("dc_d_means", lang), label("dc_c_means", lang)]}


def _prepost(row, lang: str, explain) -> dict | None:
    from kit.analysis import tidy

    pre, post = row["pre_mean"], row["post_mean"]
    # a phase nobody took has no bar: a 「事後 0%」 before the post-test would read as a failed class
    bars = [(label(key, lang), float(value)) for key, value in (("prepost_pre", pre), ("prepost_post", post))
            if not math.isnan(value)]
    if math.isnan(post):
        return {"bars": bars, "summary": label("prepost_post_none", lang), "verdict": ""}
    if int(row["paired"]) == 0:
        return {"bars": bars, "summary": label("prepost_unpaired", lang), "verdict": ""}
    summary = label("prepost_summary", lang, paired=int(row["paired"]), change=tidy(row["change_mean"] * 100, 0),
                    pre=pre * 100, post=post * 100)
    if not math.isnan(row["normalized_gain"]):
        summary += " " + label("prepost_gain", lang, gain=tidy(row["normalized_gain"]))
    return {"bars": bars, "summary": summary, "verdict": explain(row, lang)}


def _sdt(table, change_table, lang: str, explain) -> dict | None:
    """The d′ and c table, each pre and post value with its interval, a row for the change, and the sentences."""
    from kit.analysis.bootstrap import DRAWS

    if table.empty:
        return None
    change = None if change_table.empty else change_table.iloc[0]
    rows = [[phase_name(r["phase"], lang), _num(r["hit_rate"]), _num(r["false_alarm_rate"]),
             _with_interval(change, "d_prime", r["phase"], r["d_prime"], "{:.2f}", lang),
             _with_interval(change, "c", r["phase"], r["c"], "{:+.2f}", lang)]
            for _, r in table.sort_values("phase", key=lambda p: p.map(_ORDER)).iterrows()]
    if change is not None and not math.isnan(change["d_prime_change"]):
        rows.append([label("sdt_change_row", lang), "—", "—",
                     _with_interval(change, "d_prime", "change", change["d_prime_change"], "{:+.2f}", lang),
                     _with_interval(change, "c", "change", change["c_change"], "{:+.2f}", lang)])
    return {"header": [label(k, lang) for k in ("sdt_phase", "sdt_h", "sdt_f", "sdt_d", "sdt_c")], "rows": rows,
            "explanation": explain(change, lang), "interval_note": label("sdt_interval_note", lang, draws=DRAWS),
            "meanings": [label("sdt_d_means", lang), label("sdt_c_means", lang)]}


def build_retention(answers: list, datasets: Path, lang: str = "ja") -> dict | None:
    """Right after the lesson beside weeks later, for one class: its answers to the topic's lessons and booster.

    Quiz scores (post-test → delayed test) and, when the booster has the discernment feed, d′ and c;
    each change with its interval and a sentence. None before anyone took the delayed test.
    """
    from kit.analysis import answers_frame
    from kit.analysis.delayed import discernment_retention, explain_discernment_kept, explain_retention, score_retention

    frame = answers_frame(answers)
    if frame.empty or not (frame["phase"] == "delayed").any():
        return None
    header = [label(k, lang) for k in ("kept_measure", "kept_immediate", "kept_delayed", "kept_change")]
    rows, sentences = [], []
    kept = score_retention(frame, is_quiz_item)
    if kept.students_delayed:
        interval = label("with_interval", lang, value=f"{tidy_points(kept.change)}", low=tidy_points(kept.low),
                         high=tidy_points(kept.high)) if not math.isnan(kept.low) else tidy_points(kept.change)
        rows.append([label("kept_score", lang), _score(kept.immediate), _score(kept.delayed), interval])
        sentences.append(explain_retention(kept, lang))
    truth = discernment_truths(answers, datasets)
    change = discernment_retention(frame, truth) if truth else None
    if change is not None:
        for measure, key, fmt in (("d_prime", "sdt_d", "{:.2f}"), ("c", "dc_c", "{:+.2f}")):
            rows.append([label(key, lang), _with_interval(change, measure, "pre", change[f"{measure}_pre"], fmt, lang),
                         _with_interval(change, measure, "post", change[f"{measure}_post"], fmt, lang),
                         _with_interval(change, measure, "change", change[f"{measure}_change"], "{:+.2f}", lang)])
        sentences.append(explain_discernment_kept(change, lang))
    return {"header": header, "rows": rows, "sentences": sentences} if rows else None


def booster_rows(summary, entries, today, lang: str = "ja") -> list[dict]:
    """The dashboard's booster list: per class and topic, the lesson day, the 2–6-week window and where it stands.

    Args:
        summary: The store's summary rows ``(class, lesson id, students, answers, first, last)``.
        entries: The catalogue's entries (topic and whether a lesson is a booster, by lesson id).
        today: The day in Japan.
    """
    from kit.analysis.delayed import booster_schedule
    from kit.text.times import in_japan

    lessons = {e.lesson_id: e for e in entries if e.lesson_id and e.topic not in ("teacher", "other")}
    rows = []
    for class_code, lesson, *_counts, last in summary:
        entry, moment = lessons.get(lesson), in_japan(last)
        if entry is not None and moment is not None and class_code:
            rows.append((class_code, entry.topic, entry.booster, moment.date()))
    shown = []
    for due in booster_schedule(rows, today):
        shown.append({"class_code": due.class_code, "topic": label(f"topic_{due.topic}", lang), "status": due.status,
                      "post": due.post_at.isoformat(), "state": label(f"booster_{due.status}", lang, days=due.days_left),
                      "window": label("booster_window", lang, start=due.due_from.isoformat(), end=due.due_until.isoformat())})
    return shown


def tidy_points(share: float) -> str:
    """A change of shares (0–1) as signed points: 0.123 → "+12", never "-0"."""
    from kit.analysis import tidy

    return "—" if math.isnan(share) else f"{tidy(share * 100, 0):+.0f}"


def _with_interval(change, measure: str, phase: str, value, fmt: str, lang: str) -> str:
    """``value`` and, for pre, post and the change, its 95% interval: 「0.52（0.10〜0.95）」, "0.52 (0.10 to 0.95)"."""
    shown = _num(value, fmt)
    key = f"{measure}_{phase}"
    if change is None or f"{key}_low" not in change or math.isnan(change[f"{key}_low"]):
        return shown
    return label("with_interval", lang, value=shown, low=_num(change[f"{key}_low"], fmt),
                 high=_num(change[f"{key}_high"], fmt))


_ORDER = {"pre": 0, "post": 1, "delayed": 2, "practice": 3}.get


def _num(value, fmt: str = "{:.2f}") -> str:
    """``value`` for people: "—" when unknown, and a value that rounds to zero as 0.00, never -0.00."""
    from kit.analysis import tidy

    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else fmt.format(tidy(value))


# Shares from 0 to 1: an export writes them as numbers Excel shows as percentages.
RATE_COLUMNS = ("correct_rate", "top_wrong_share", "top_choice_share", "pre_score", "post_score", "hit_rate",
                "false_alarm_rate", "first_mean", "second_mean", "arm_difference", "arm_difference_low", "arm_difference_high")
MARK_COLUMNS = ("correct", "needs_help", "several_sittings")  # True/False shown as ○/×
TABLES = ("answers", "items", "students")
EXPERIMENT_TABLES = ("experiment", "experiment_summary")  # kit.serve.matched.experiment_sheets


def export_tables(answers: list, datasets: Path, lang: str = "ja") -> dict:
    """The answers, items and students tables as a teacher reads them, headed for people, for CSV or XLSX.

    Named as the teacher's page names them: phases as 「事前」「事後」 (``phase_name``), each answer in
    words (``with_answer_words``; its choice numbers in the last column, for scripts). Times are Japan
    time (real dates in XLSX), true/false are ○/×, seat numbers are numbers, and shares are rounded
    numbers (``percent_headings`` names the columns to show as %).
    """
    from kit.analysis import answers_frame, item_table, student_table, with_headings

    frame = answers_frame(answers)
    questions = questions_for(answers, datasets)
    describe = answer_words(answers, datasets, lang)
    items = item_table(frame, questions, lang, describe)
    items["text"] = [_named(text, lang) for text in items["text"]]
    named = with_answer_words(with_item_names(frame, items, lang), questions, describe, lang)
    tables = {"answers": named, "items": items, "students": student_table(frame)}
    return {name: with_headings(_for_people(table, lang), lang) for name, table in tables.items()}


def with_answer_words(frame, questions: dict, describe, lang: str = "ja"):
    """``frame`` with each ``response`` in words, as the page's 問題ごと table words it, and the numbers in ``response_code``.

    A quiz question's answer is its chosen choices' texts from the bank (「○ 正しい」, 「A・C」); another
    component's is its ``describe`` words (``answer_words``); an answer no file explains keeps its
    numbers (「選んだ番号 2」). ``response_code`` ("1;3", the last column) is what a script reads.
    """
    from kit.analysis.describe.words import numbers
    from kit.analysis.frame import parse_response
    from kit.analysis.items import response_words

    def words(item: str, response: str) -> str:
        if item in questions:
            return response_words(response, questions[item], lang)
        said = describe(item, response)
        return said.answer if said is not None else numbers(parse_response(response), lang)

    said = {key: words(*key) for key in dict.fromkeys(zip(frame["item"], frame["response"], strict=True))}
    worded = frame.assign(response_code=frame["response"])
    worded["response"] = [said[key] for key in zip(frame["item"], frame["response"], strict=True)]
    return worded


def with_item_names(frame, items, lang: str = "ja"):
    """``frame`` with each answer's item named as the teacher's page names it (``text``, right after ``item``).

    The names are the items table's (``item_table``: the question's text from its bank, another
    component's item in its words, or its kind and ids when no file names it); a quiz question no
    bank has any more is 「（削除された問題）」. The raw id stays in ``item``, so a script reading the
    export still finds it.
    """
    names = {(lesson, item): text for lesson, item, text in items[["lesson", "item", "text"]].itertuples(index=False)
             if text}
    named = frame.copy()
    texts = [names.get((lesson, item)) or label("item_deleted", lang)
             for lesson, item in zip(named["lesson"], named["item"], strict=True)]
    named.insert(named.columns.get_loc("item") + 1, "text", texts)
    return named


def _named(text, lang: str, item: str = "") -> str:
    """An item's name, or 「（削除された問題）」 when its bank no longer has it; the page adds its id (``item``)."""
    if isinstance(text, str) and text:
        return text
    deleted = label("item_deleted", lang)
    return f"{deleted}{'' if lang == 'ja' else ' '}{item}" if item else deleted


def table_counts(tables: dict, lang: str = "ja") -> dict[str, int]:
    """What each exported table holds, for the line that says what was written.

    Answers and the experiment's tables by rows; ``items`` by questions (a question asked before and
    after is one); ``students`` by students (class and nickname).
    """
    from kit.analysis.headings import headings

    found = headings(lang)

    def distinct(table, *columns) -> int:
        named = [found.get(c, c) for c in columns]
        return len(table.drop_duplicates(named)) if all(c in table for c in named) else len(table)

    counts = {name: len(table) for name, table in tables.items()}
    if "items" in tables:
        counts["items"] = distinct(tables["items"], "lesson", "item")
    if "students" in tables:
        counts["students"] = distinct(tables["students"], "class_code", "student_key")
    return counts


def percent_headings(lang: str = "ja") -> set[str]:
    """The headings of the share columns (``RATE_COLUMNS``) in ``lang``."""
    from kit.analysis.headings import headings

    found = headings(lang)
    return {found.get(c, c) for c in RATE_COLUMNS}


def sheet_titles(lang: str = "ja") -> dict[str, str]:
    """Each table's worksheet name in ``lang`` (回答・問題ごと・生徒ごと, and 実験・実験のまとめ for a class experiment)."""
    return {name: label(f"sheet_{name}", lang) for name in (*TABLES, *EXPERIMENT_TABLES)}


def _for_people(table, lang: str = "ja"):
    import pandas as pd

    from kit.text.times import japan

    table = table.copy()
    if "phase" in table:
        table["phase"] = table["phase"].map({p: phase_name(p, lang) for p in table["phase"].unique()})  # once per phase
    if "answered_at" in table:
        when = pd.to_datetime(table["answered_at"], utc=True, errors="coerce", format="ISO8601")
        table["answered_at"] = when.dt.tz_convert(japan()).dt.tz_localize(None).dt.floor("s")
    for column in MARK_COLUMNS:
        if column in table and table[column].dtype == bool:
            table[column] = table[column].map({True: "○", False: "×"})
    for column in ("student", "student_key"):
        if column in table:
            table[column] = table[column].map(_seat_number)
    for column in RATE_COLUMNS:
        if column in table:
            table[column] = pd.to_numeric(table[column], errors="coerce").round(4)
    for column in ("d_prime", "c", "change_mean", "normalized_gain"):
        if column in table:
            table[column] = pd.to_numeric(table[column], errors="coerce").round(2)
    return table


def _seat_number(value):
    """A nickname that is a seat number (「12」「１２」) as a number, so Excel sorts 5 before 12."""
    import unicodedata

    text = unicodedata.normalize("NFKC", str(value)).strip()
    return int(text) if text.isdigit() and len(text) <= 4 else value
