"""The queries every results store runs, in SQL that SQLite and PostgreSQL both read.

A backend (``SQLiteStore``, ``PostgresStore``) opens its connection, applies the numbered migrations
and runs one statement with ``_run(sql, args)``; the statements here write ``?`` for each argument
and the backend puts its own placeholder in.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from kit.store.assignments import choose_arm
from kit.store.classes import merged_spellings, normalise_class
from kit.store.district import DistrictQueries
from kit.store.records import Answer


class SQLStore(DistrictQueries):
    """Answers and checked posts (and a district's class owners and pins), read and written through one backend's ``_run``."""

    def _run(self, sql: str, args=()):
        """Run one statement (committed at once) and return its cursor."""
        raise NotImplementedError

    def record(self, answer: Answer) -> None:
        """Write one answer and commit it before returning; an answer whose ``key`` is already stored is not stored again."""
        at = answer.answered_at or datetime.now(timezone.utc).isoformat(timespec="milliseconds")
        self._run(
            "INSERT INTO answers (lesson, item, response, correct, phase, session, student,"
            " class_code, answered_at, bank, answer_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (answer.lesson, answer.item, json.dumps(list(answer.response)), int(answer.correct),
             answer.phase, answer.session, answer.student, answer.class_code, at, answer.bank, answer.key),
        )

    def record_post(self, post: dict) -> None:
        """Keep one checked post (only called when the teacher chose ``store_text``)."""
        at = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
        self._run(
            "INSERT INTO checked_posts (lesson, item, text, categories, session, student, class_code, checked_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (post.get("lesson", ""), post.get("item", ""), str(post["text"]), post.get("categories", ""),
             post.get("session", ""), post.get("student", ""), post.get("class_code", ""), at))

    def assign(self, lesson: str, design: str, arms, session: str, class_code: str = "", student: str = "") -> str:
        """The arm of ``design`` this browser was given in this lesson; given now if it has none.

        A new arm is the least filled one in the class (``choose_arm``), stored at once: a reload or
        another kernel of the same student reads it back. When two kernels of one student ask at the
        same moment, the first stored wins and both return it.
        """
        arms = tuple(arms)
        stored = self._assigned(lesson, design, session)
        if stored in arms:
            return stored
        where, args = _filters(lesson=lesson, design=design, class_code=self._spelt(class_code, "assignments"))
        counts = dict(self._run(f"SELECT arm, COUNT(*) FROM assignments{where} GROUP BY arm", args).fetchall())
        arm = choose_arm(arms, counts, session, design)
        if stored is not None:
            return arm  # the lesson's arms changed since: use a current one, keep the record of the old
        at = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
        self._run("INSERT INTO assignments (lesson, design, session, arm, student, class_code, assigned_at)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                  (lesson, design, session, arm, student, class_code, at))
        return self._assigned(lesson, design, session) or arm

    def _assigned(self, lesson: str, design: str, session: str) -> str | None:
        row = self._run("SELECT arm FROM assignments WHERE lesson = ? AND design = ? AND session = ?",
                        (lesson, design, session)).fetchone()
        return None if row is None else row[0]

    def assignments(self, lesson: str | None = None, class_code: str | None = None,
                    design: str | None = None) -> list[dict]:
        """Stored assignments, oldest first: lesson, design, session, arm, student, class_code, assigned_at."""
        where, args = _filters(lesson=lesson, design=design, class_code=self._spelt(class_code, "assignments"))
        names = ("lesson", "design", "session", "arm", "student", "class_code", "assigned_at")
        rows = self._run(f"SELECT {', '.join(names)} FROM assignments{where} ORDER BY id", args).fetchall()
        return [{**dict(zip(names, row, strict=True)), "class_code": normalise_class(row[5])} for row in rows]

    def spellings(self, class_code: str, table: str = "answers") -> list[str]:
        """Every way ``class_code`` was typed in ``table`` (「2-1」 finds 「２－１」 and 「2年1組」 too)."""
        wanted = normalise_class(class_code)
        raw = [r[0] for r in self._run(f"SELECT DISTINCT class_code FROM {table}").fetchall()]
        return [code for code in raw if normalise_class(code) == wanted] or [class_code]

    def merged_classes(self) -> dict[str, list[str]]:
        """Classes typed in more than one way: one spelling → the spellings that were merged into it."""
        return merged_spellings(r[0] for r in self._run("SELECT DISTINCT class_code FROM answers").fetchall())

    def posts(self, lesson: str | None = None, class_code: str | None = None) -> list[dict]:
        """Checked posts kept with ``store_text``, oldest first."""
        where, args = _filters(lesson=lesson, class_code=self._spelt(class_code, "checked_posts"))
        cur = self._run(
            "SELECT lesson, item, text, categories, session, student, class_code, checked_at"
            f" FROM checked_posts{where} ORDER BY id", args)
        names = ("lesson", "item", "text", "categories", "session", "student", "class_code", "checked_at")
        return [{**dict(zip(names, row, strict=True)), "class_code": normalise_class(row[6])} for row in cur.fetchall()]

    def _spelt(self, class_code: str | None, table: str = "answers") -> list[str] | None:
        return None if class_code is None else self.spellings(class_code, table)

    def answers(self, lesson: str | None = None, class_code: str | None = None,
                session: str | None = None) -> list[Answer]:
        """Stored answers, oldest first, optionally of one lesson, one class, one session."""
        where, args = _filters(lesson=lesson, class_code=self._spelt(class_code), session=session)
        rows = self._run(
            "SELECT lesson, item, response, correct, phase, session, student, class_code, answered_at, bank"
            f" FROM answers{where} ORDER BY id", args).fetchall()
        return [Answer(r[0], r[1], tuple(json.loads(r[2])), bool(r[3]), r[4], r[5], r[6], normalise_class(r[7]), r[8],
                       r[9]) for r in rows]

    def summary(self) -> list[tuple[str, str, int, int, str, str]]:
        """(class, lesson, students, answers, first, last answer time) for every class and lesson.

        Classes typed in different ways (「２－１」, 「2年1組」) are counted as one (``normalise_class``).
        """
        rows = self._run(
            "SELECT class_code, lesson, CASE WHEN student != '' THEN 's:' || student ELSE 't:' || session END,"
            " COUNT(*), MIN(answered_at), MAX(answered_at) FROM answers GROUP BY 1, 2, 3").fetchall()
        merged: dict[tuple[str, str], list] = {}
        for code, lesson, who, count, first, last in rows:
            entry = merged.setdefault((normalise_class(code), lesson), [set(), 0, first, last])
            entry[0].add(who)
            entry[1] += count
            entry[2], entry[3] = min(entry[2], first), max(entry[3], last)
        return [(c, lesson, len(e[0]), e[1], e[2], e[3]) for (c, lesson), e in sorted(merged.items())]

    def count(self, class_code: str | None = None, before: str | None = None) -> int:
        """How many answers ``purge`` with the same arguments would delete."""
        where, args = _filters(class_code=self._spelt(class_code), before=before)
        return self._run(f"SELECT COUNT(*) FROM answers{where}", args).fetchone()[0]

    def purge(self, class_code: str | None = None, before: str | None = None) -> int:
        """Delete the answers of one class and/or answered before a date; return how many.

        Checked posts kept with ``store_text`` and the students' assignments (forms, experiment arms) for the
        same class and dates go with them.
        """
        where, args = _filters(class_code=self._spelt(class_code), before=before)
        cur = self._run(f"DELETE FROM answers{where}", args)
        deleted = cur.rowcount
        where, args = _filters(class_code=self._spelt(class_code, "checked_posts"), before=before, time_column="checked_at")
        self._run(f"DELETE FROM checked_posts{where}", args)
        where, args = _filters(class_code=self._spelt(class_code, "assignments"), before=before, time_column="assigned_at")
        self._run(f"DELETE FROM assignments{where}", args)
        return deleted


def _filters(time_column: str = "answered_at", **values) -> tuple[str, list]:
    clauses, args = [], []
    for key, value in values.items():
        if value is None:
            continue
        if key == "before":
            clauses.append(f"{time_column} < ?")
        elif isinstance(value, list):
            clauses.append(f"{key} IN ({', '.join('?' * len(value))})")
            args.extend(value)
            continue
        else:
            clauses.append(f"{key} = ?")
        args.append(value)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args
