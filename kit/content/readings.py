"""The readings a teacher gives for furigana (``datasets/readings``), read before pykakasi guesses.

``readings.csv`` (or any other file in the folder) holds words and how they read (お金 おかね, 今日 きょう, 読み返す よみかえす);
``counters.csv`` (a name starting with ``counters``) holds how a counter reads after a number, where the number changes it (1日
ついたち, 2人 ふたり, 1分 いっぷん). A row with ``number`` gives the reading of the number and the
counter together; a row with ``ending`` the counter's reading after numbers ending in those digits;
a row with neither the counter's reading after any other number. Every problem is reported at
once, each naming the file, the row, the column and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.content.errors import ContentError, ContentProblem, display_name
from kit.content.okurigana import split_reading
from kit.content.tables import Row, read_table
from kit.content.validate import checked_rows


@dataclass(frozen=True)
class CounterRule:
    """How ``counter`` reads after a number: for one ``number``, after numbers ending in ``ending``, or else."""

    counter: str
    reading: str
    number: str = ""  # the reading then covers the number and the counter: 1日 ついたち
    ending: str = ""
    after: str = ""  # only when these characters come right before the number: 6月1日


@dataclass(frozen=True)
class ReadingDictionary:
    """Every word and counter reading of a ``datasets/readings`` folder."""

    words: dict[str, str]
    counters: tuple[CounterRule, ...] = ()


def load_words(path: str | Path) -> dict[str, str]:
    """``{word: reading}`` from a readings file; ``ContentError`` listing every problem."""
    table = read_table(path)
    rows, problems = checked_rows("reading", table)
    words: dict[str, str] = {}
    seen: dict[str, str] = {}
    for row in rows:
        word, reading = str(row.values.get("word") or "").strip(), str(row.values.get("reading") or "").strip()
        if not word or not reading or _has_problem(problems, row):
            continue
        if word in seen:
            problems.append(ContentProblem(
                table.file, row.place, "word", f"「{word}」は{seen[word]}にもあります。どちらか1行にしてください。",
                f"'{word}' is also in {seen[word]}; keep one row."))
            continue
        if split_reading(word, reading) is None:
            problems.append(ContentProblem(
                table.file, row.place, "reading",
                f"読み「{reading}」が「{word}」のかな（送りがな）と合いません。言葉のかなの部分を読みにもそのまま書いてください。",
                f"the reading '{reading}' does not match the kana written in '{word}'; write those kana in the reading too."))
            continue
        seen[word] = row.place
        words[word] = reading
    if problems:
        raise ContentError(problems)
    return words


def load_counters(path: str | Path) -> tuple[CounterRule, ...]:
    """The counter rules of a counters file; ``ContentError`` listing every problem."""
    table = read_table(path)
    rows, problems = checked_rows("counter_reading", table)
    rules: list[CounterRule] = []
    seen: dict[tuple[str, str, str, str], str] = {}
    for row in rows:
        v = {k: str(row.values.get(k) or "").strip() for k in ("counter", "reading", "number", "ending", "after")}
        if not v["counter"] or not v["reading"] or _has_problem(problems, row):
            continue
        if v["number"] and v["ending"]:
            problems.append(ContentProblem(
                table.file, row.place, "ending", "number と ending は片方だけ書いてください（1つの数なら number、終わりの数字なら ending）。",
                "fill in number or ending, not both (number for one number, ending for last digits)."))
            continue
        key = (v["counter"], v["number"], v["ending"], v["after"])
        if key in seen:
            problems.append(ContentProblem(
                table.file, row.place, "counter", f"「{v['counter']}」の同じ決まりが{seen[key]}にもあります。どちらか1行にしてください。",
                f"the same rule for '{v['counter']}' is also in {seen[key]}; keep one row."))
            continue
        seen[key] = row.place
        rules.append(CounterRule(**v))
    if problems:
        raise ContentError(problems)
    return tuple(rules)


def reading_files(folder: str | Path) -> list[Path]:
    """The readings files of a folder: word lists and counter rules, as CSV, Excel or YAML."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".tsv", ".xlsx", ".yaml", ".yml")
                  and not p.name.startswith((".", "~$")))


def load_reading_dictionary(folder: str | Path) -> ReadingDictionary:
    """The words and counters of every readings file in ``folder`` (none: an empty dictionary)."""
    problems: list[ContentProblem] = []
    words: dict[str, str] = {}
    counters: list[CounterRule] = []
    for path in reading_files(folder):
        try:
            if is_counters_file(path):
                counters += load_counters(path)
                continue
            for word, reading in load_words(path).items():
                if word in words and words[word] != reading:
                    problems.append(ContentProblem(
                        display_name(path), "", "word", f"「{word}」の読みがほかのファイルにもあります（{words[word]}）。どちらか1つにしてください。",
                        f"'{word}' has a reading in another file too ({words[word]}); keep one."))
                words.setdefault(word, reading)
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    return ReadingDictionary(words, tuple(counters))


def is_counters_file(path: Path) -> bool:
    """Whether ``path`` is a counter-rules file rather than a word list."""
    return path.stem.lower().startswith("counters")


def _has_problem(problems: list[ContentProblem], row: Row) -> bool:
    return any(p.place == row.place for p in problems)
