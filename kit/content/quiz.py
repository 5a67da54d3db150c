"""Quiz banks: questions with choices, per-choice feedback and an explanation, from CSV/XLSX/YAML.

A bank file holds one question per row (or YAML item). ``load_quiz`` reads it, checks it against
``schema/quiz.schema.json`` and the rules a schema cannot say (the answer must name existing
choices, ○× questions have no choice columns, ids are unique), and raises one ``ContentError``
listing every problem.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from pathlib import Path

from kit.content.errors import ContentError, ContentProblem
from kit.content.forms import form_problems
from kit.content.tables import Row, Table, read_table
from kit.content.text import Text
from kit.content.validate import checked_rows

MAX_CHOICES = 6
TRUE_MARKS = {"○", "〇", "o", "O", "true", "True", "TRUE", "正", "1", "◯"}
OWN_SOURCE = {"", "自作", "先生の作成", "先生作成", "オリジナル", "own"}  # a question the teacher wrote: no fact behind it
OWN_SOURCE_LABEL = Text("先生の作成", "Written by the teacher")
FALSE_MARKS = {"×", "x", "X", "✕", "false", "False", "FALSE", "誤", "2", "✖"}


class QuestionType(str, enum.Enum):
    """How a question is answered."""

    SINGLE = "single"  # one choice
    MULTIPLE = "multiple"  # every correct choice, no wrong one
    TRUEFALSE = "truefalse"  # ○ or ×
    ORDER = "order"  # the choices put in order


@dataclass(frozen=True)
class Choice:
    """One choice and the feedback shown when a student picks it."""

    text: Text
    feedback: Text = Text("")


@dataclass(frozen=True)
class Question:
    """One quiz item. ``answer`` holds 0-based choice indices (for ORDER: the right sequence)."""

    id: str
    type: QuestionType
    audience: str
    text: Text
    choices: tuple[Choice, ...]
    answer: tuple[int, ...]
    explanation: Text
    source: str  # a fact id in datasets/facts; "" for the teacher's own question
    group: str = ""
    form: str = ""  # "A", "B", …: one of the matched forms of a pre/post test (kit.content.forms); "" for none
    place: str = field(default="", compare=False)  # where a message points: 「3行目」, or the YAML item's id
    line: int | None = field(default=None, compare=False)  # YAML: the line of its answer

    @property
    def source_label(self) -> Text:
        """Where the question comes from, for people: the fact id, or 「先生の作成」."""
        return Text(self.source) if self.source else OWN_SOURCE_LABEL


@dataclass(frozen=True)
class QuizBank:
    """The questions of one bank file, in file order."""

    file: str
    questions: tuple[Question, ...] = field(default_factory=tuple)

    def select(self, group: str | None = None, ids: list[str] | None = None) -> QuizBank:
        """The questions of one group (e.g. "pre"), or the named ids in the order given."""
        chosen = self.questions
        if group is not None:
            chosen = tuple(q for q in chosen if q.group == group)
        if ids is not None:
            by_id = {q.id: q for q in chosen}
            missing = [i for i in ids if i not in by_id]
            if missing:
                raise ContentError.single(
                    self.file, f"id {', '.join(missing)} の問題がありません。id を確かめてください。",
                    f"no question with id {', '.join(missing)}; check the ids.", field="id")
            chosen = tuple(by_id[i] for i in ids)
        return QuizBank(self.file, chosen)

    def __len__(self) -> int:
        return len(self.questions)


def load_quiz(path: str | Path) -> QuizBank:
    """Read and check a quiz bank, its matched forms too (``kit.content.forms``); ``ContentError`` lists every problem."""
    bank, problems = read_quiz(path)
    problems += form_problems(bank) if not problems else []
    if problems:
        raise ContentError(problems)
    return bank


def read_quiz(path: str | Path) -> tuple[QuizBank, list[ContentProblem]]:
    """The questions of a bank that are sound, and every problem found in the others.

    A lesson uses this to keep the good questions playable while a teacher fixes a broken row;
    ``netkit validate`` and ``load_quiz`` treat any problem as an error.
    """
    return quiz_from_table(read_table(path, items_key="items"))


def quiz_from_table(table: Table) -> tuple[QuizBank, list[ContentProblem]]:
    """``read_quiz`` for a table already read (e.g. one sheet of a workbook being imported)."""
    rows, problems = checked_rows("quiz", table)
    questions = []
    seen: dict[str, str] = {}
    for row in rows:
        row_problems = [p for p in problems if p.place == row.place]
        qid = str(row.values.get("id", "")).strip()
        if qid and qid in seen:
            row_problems.append(ContentProblem(
                table.file, row.place, "id", f"id「{qid}」は{seen[qid]}でも使われています。別の id にしてください。",
                f"id '{qid}' is already used at {seen[qid]}; use another id."))
            problems.append(row_problems[-1])
        elif qid:
            seen[qid] = row.place
        if row_problems or any(p.place in ("", "2行目") for p in problems):
            continue  # the rules below assume the fields and the header are well formed
        question, rule_problems = _question(table.file, row)
        problems += rule_problems
        if question is not None:
            questions.append(question)
    if not rows and not problems:
        problems.append(ContentProblem(table.file, "", "", "問題が1つもありません。3行目から問題を書いてください。",
                                       "there are no questions; add them from the third row."))
    return QuizBank(table.file, tuple(questions)), problems


def _question(file: str, row: Row) -> tuple[Question | None, list[ContentProblem]]:
    v = row.values
    kind = QuestionType(v["type"])
    problems: list[ContentProblem] = []

    def problem(fld: str, ja: str, en: str) -> None:
        problems.append(ContentProblem(file, row.place, fld, ja, en))

    numbered = sorted({int(m.group(1)) for k in v if (m := re.match(r"choice(\d)_(ja|en)$", k)) and str(v[k]).strip()})
    if kind is QuestionType.TRUEFALSE:
        if numbered:
            problem(f"choice{numbered[0]}_ja", "○×の問題には選択肢を書かないでください（○と×は自動で出ます）。",
                    "leave choices empty for a true/false question (○ and × are added for you).")
        choices = tuple(
            Choice(mark, Text.from_row(v, f"feedback{i}"))
            for i, mark in ((1, Text("○ 正しい", "○ True")), (2, Text("× まちがい", "× False")))
        )
        for i in (1, 2):
            if not str(v.get(f"feedback{i}_ja", "")).strip():
                which = "○" if i == 1 else "×"
                problem(f"feedback{i}_ja", f"{which}を選んだ人へのフィードバックを書いてください。",
                        f"write the feedback for students who pick {which}.")
        answer = _truefalse_answer(v["answer"])
        if answer is None:
            problem("answer", f"「{v['answer']}」は○×の答えになりません。○ か × を書いてください。",
                    f"{v['answer']!r} is not a true/false answer; write ○ or ×.")
    else:
        count = max(numbered) if numbered else 0
        for i in range(1, count + 1):
            if not str(v.get(f"choice{i}_ja", "")).strip():  # English is optional: the Japanese is shown without it
                problem(f"choice{i}_ja", f"選択肢{i}の日本語が空です。書くか、後ろの選択肢を詰めてください。",
                        f"choice {i} has no Japanese text; fill it in or move the later choices up.")
            if kind is not QuestionType.ORDER and not str(v.get(f"feedback{i}_ja", "")).strip():
                problem(f"feedback{i}_ja", f"選択肢{i}を選んだ人へのフィードバックを書いてください。",
                        f"write the feedback for students who pick choice {i}.")
        if count < 2:
            problem("choice1_ja", "選択肢を2つ以上書いてください（choice1_ja, choice2_ja …）。",
                    "write at least two choices (choice1_ja, choice2_ja …).")
        choices = tuple(Choice(Text.from_row(v, f"choice{i}"), Text.from_row(v, f"feedback{i}"))
                        for i in range(1, count + 1))
        answer, why = _numbered_answer(kind, str(v["answer"]), count)
        if why:
            problem("answer", *why)
    if problems:
        return None, problems
    return Question(
        id=v["id"], type=kind, audience=v["audience"], text=Text.from_row(v, "text"),
        choices=choices, answer=answer, explanation=Text.from_row(v, "explanation"),
        source=_source(v.get("source")), group=str(v.get("group") or ""),
        form=str(v.get("form") or "").strip().upper(), place=row.place, line=row.lines.get("answer"),
    ), []


def _source(raw) -> str:
    value = str(raw or "").strip()
    return "" if value in OWN_SOURCE else value


def _truefalse_answer(raw: str) -> tuple[int, ...] | None:
    raw = str(raw).strip()
    if raw in TRUE_MARKS:
        return (0,)
    if raw in FALSE_MARKS:
        return (1,)
    return None


def _numbered_answer(kind: QuestionType, raw: str, count: int):
    parts = [p.strip() for p in re.split(r"[;；,、\s]+", raw.strip()) if p.strip()]
    try:
        numbers = [int(p.translate(str.maketrans("０１２３４５６７８９", "0123456789"))) for p in parts]
    except ValueError:
        return (), (f"「{raw}」は番号になっていません。選択肢の番号を書いてください（例: 2 や 1;3）。",
                    f"{raw!r} is not choice numbers; write numbers such as 2 or 1;3.")
    bad = [n for n in numbers if not 1 <= n <= count]
    if bad:
        return (), (f"選択肢{bad[0]}はありません。1から{count}までの番号にしてください。",
                    f"there is no choice {bad[0]}; use numbers from 1 to {count}.")
    if len(set(numbers)) != len(numbers):
        return (), ("同じ番号が2回あります。", "a number appears twice.")
    if kind is QuestionType.SINGLE and len(numbers) != 1:
        return (), ("single の問題の正解は1つだけ書いてください。複数なら type を multiple に。",
                    "a single-choice question has one answer; use type multiple for more.")
    if kind is QuestionType.ORDER and sorted(numbers) != list(range(1, count + 1)):
        return (), (f"並べかえの正解は、1から{count}の番号を全部、正しい順に並べてください（例: 3;1;2）。",
                    f"for an order question list all numbers 1 to {count} in the right order (e.g. 3;1;2).")
    return tuple(n - 1 for n in numbers), None


def source_problems(bank: QuizBank, facts: dict) -> list[ContentProblem]:
    """Questions whose ``source`` names no fact in datasets/facts (a teacher's own question names none)."""
    return [ContentProblem(
        bank.file, q.id, "source", f"事実「{q.source}」が datasets/facts にありません。id を直すか事実を加えてください。"
        "先生が自分で作った問題なら、source は空のまま（または「自作」）にしてください。",
        f"fact '{q.source}' is not in datasets/facts; fix the id or add the fact. For a question of your own, "
        "leave source empty (or write 自作).") for q in bank.questions if facts and q.source and q.source not in facts]
