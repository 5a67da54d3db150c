"""The PostChecker's lexicon: words and patterns a teacher can edit (``datasets/lexicon/*.yaml``).

A lexicon file has ``categories`` (the name, a kind explanation and a kinder way to say it for each
of the eleven kinds of problem), ``entries`` (a word in its dictionary form, a regular expression
on the post in hiragana, or both), ``help_and_report`` (patterns of a post that reports abuse or
asks for help: its words are not flagged), ``care`` (concern or kindness: the classifier stays quiet)
``friendly`` (clear signs of friendship: ``mild`` words there get a gentle note, not a flag) and ``hearsay`` (signs of
passing on what was heard, らしい, って噂: ``hearsay`` entries, rumours about a person, need one) and ``things`` (things, days, food, weather: a strong word about
one, in a post that names no one, is not aimed at a person). Every problem is reported at once, like every other
content file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kit.content import schema
from kit.content.errors import ContentError, ContentProblem
from kit.content.tables import Row, read_table
from kit.content.text import Text
from kit.content.validate import checked_rows

# Stored answers give categories by their index here: new kinds are added at the end, never in between.
CATEGORIES = ("insult", "threat", "appearance", "personal_info", "pile_on", "exclusion", "contempt", "mockery",
              "sexual", "self_harm", "rumour")
FORMS = ("any", "imperative", "volitional")
MILD_CATEGORIES = ("insult", "mockery")  # the only kinds a friendly post may soften to a note (severity 1–2)


@dataclass(frozen=True)
class Category:
    """One kind of problem: its name, why it matters and what to say instead."""

    id: str
    label: Text
    why: Text
    suggestion: Text


@dataclass(frozen=True)
class Entry:
    """One thing to look for in a post and what to tell the student when it is found."""

    id: str
    category: str
    lemma: str = ""
    form: str = "any"
    pattern: re.Pattern | None = None
    near: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()  # words that, anywhere in the post, make the entry silent (自分: talking about oneself)
    unless: tuple[str, ...] = ()  # phrases (in hiragana) in which a match is fine
    severity: int = 2
    always: bool = False  # flagged even when quoted, negated or in a post asking for help (a phone number)
    aimed: bool = False  # only when the post points at someone: one of the lexicon's ``people`` words or a name
    mild: bool = False  # a mild word (バカ, アホ, 草): in a post with a clear friendly signal, a gentle note instead of a flag
    hearsay: bool = False  # only in a post passing on what was heard (らしい, って噂, みんな言ってる): a rumour
    why: Text = Text("")
    suggestion: Text = Text("")


@dataclass(frozen=True)
class Lexicon:
    """Every category and entry of one lexicon file."""

    file: str
    categories: dict[str, Category]
    entries: tuple[Entry, ...]
    help_and_report: tuple[re.Pattern, ...] = ()
    learned_why: Text = Text("")  # said before the category's reason when the classifier, not a rule, flags a post
    people: tuple[re.Pattern, ...] = ()  # words or patterns that point at someone (お前, あいつ, 〜くん), for ``aimed`` entries
    care: tuple[re.Pattern, ...] = ()  # posts that show concern or kindness: the classifier stays quiet on them
    friendly: tuple[re.Pattern, ...] = ()  # clear signs of friendship (好きやで, 仲良し, 俺もだけど): mild words get a note, not a flag
    hearsay: tuple[re.Pattern, ...] = ()  # signs of passing on what was heard (らしい, って噂, 拡散して): for ``hearsay`` entries
    things: tuple[re.Pattern, ...] = ()  # things, days, food, weather (月曜日, ピーマン, 雨): strong words about them are not aimed at a person

    def why(self, entry: Entry) -> Text:
        """The entry's own explanation, else its category's."""
        return entry.why if entry.why.ja else self.categories[entry.category].why

    def suggestion(self, entry: Entry) -> Text:
        """The entry's own kinder wording, else its category's."""
        return entry.suggestion if entry.suggestion.ja else self.categories[entry.category].suggestion


def kana_fold(text: str) -> str:
    """Katakana turned into hiragana (patterns and posts are compared in hiragana)."""
    return "".join(chr(ord(ch) - 0x60) if 0x30A1 <= ord(ch) <= 0x30F6 else ch for ch in text)


def load_lexicon(path: str | Path) -> Lexicon:
    """Read a lexicon file; raise ``ContentError`` listing every problem."""
    table = read_table(path, items_key="entries")
    rows, problems = checked_rows("lexicon-entry", table)
    categories, category_problems = _categories(table.file, table.meta.get("categories"))
    problems += category_problems
    help_and_report, help_problems = _patterns(table.file, table.meta.get("help_and_report"))
    problems += help_problems
    care, care_problems = _patterns(table.file, table.meta.get("care"), "care")
    problems += care_problems
    friendly, friendly_problems = _patterns(table.file, table.meta.get("friendly"), "friendly")
    problems += friendly_problems
    hearsay, hearsay_problems = _patterns(table.file, table.meta.get("hearsay"), "hearsay")
    problems += hearsay_problems
    things, things_problems = _patterns(table.file, table.meta.get("things"), "things")
    problems += things_problems
    people, people_problems = _words(table.file, table.meta.get("people"))
    problems += people_problems
    learned_why, learned_problems = _learned_why(table.file, table.meta.get("learned_why"))
    problems += learned_problems
    bad = {p.place for p in problems}
    entries: dict[str, Entry] = {}
    for row in rows:
        v = row.values
        if row.place in bad:
            continue
        if v["id"] in entries:
            problems.append(ContentProblem(table.file, row.place, "id", f"id「{v['id']}」が2回あります。片方の id を変えてください。",
                                           f"id '{v['id']}' appears twice; rename one."))
            continue
        if not v.get("lemma") and not v.get("pattern"):
            problems.append(ContentProblem(table.file, row.place, "lemma", "lemma（言葉）か pattern（正規表現）のどちらかを書いてください。",
                                           "write a lemma (a word) or a pattern (a regular expression)."))
            continue
        if v.get("mild") is True and (v["category"] not in MILD_CATEGORIES or int(v.get("severity") or 2) > 2):
            problems.append(ContentProblem(table.file, row.place, "mild",
                                           "mild: true は、悪口（insult）とからかい（mockery）の強さ 1・2 のことばだけに書けます。おどし・個人情報・仲間はずれ・存在の否定・みんなで攻撃や強いことばには書かないでください。",
                                           "mild: true is only for insult or mockery entries of severity 1 or 2; never for threats, personal information, exclusion, contempt, pile-ons or strong words."))
            continue
        pattern = None
        if v.get("pattern"):
            pattern, problem = _compile(table.file, row.place, "pattern", v["pattern"])
            if problem:
                problems.append(problem)
                continue
        entries[v["id"]] = Entry(
            id=v["id"], category=v["category"], lemma=str(v.get("lemma") or ""), form=v.get("form") or "any",
            pattern=pattern, near=tuple(str(w) for w in v.get("near") or ()),
            not_near=tuple(str(w) for w in v.get("not_near") or ()),
            unless=tuple(kana_fold(unicodedata.normalize("NFKC", str(w))).lower() for w in v.get("unless") or ()), severity=int(v.get("severity") or 2),
            always=v.get("always") is True, aimed=v.get("aimed") is True, mild=v.get("mild") is True,
            hearsay=v.get("hearsay") is True, why=Text.from_row(v, "why"), suggestion=Text.from_row(v, "suggestion"))
    if problems:
        raise ContentError(problems)
    return Lexicon(table.file, categories, tuple(entries.values()), help_and_report, learned_why, people, care=care, friendly=friendly,
                   hearsay=hearsay, things=things)


def _learned_why(file: str, raw) -> tuple[Text, list[ContentProblem]]:
    """``learned_why: {ja: …, en: …}`` (optional); ``{label}`` becomes the kind of harm's name."""
    if raw is None:
        return Text(""), []
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) and raw[k].strip() for k in ("ja", "en")):
        return Text(""), [ContentProblem(file, "learned_why", "learned_why",
                                         "「learned_why:」には ja と en の両方を書いてください（{label} は種類の名前になります）。",
                                         "write both ja and en under 'learned_why:' ({label} becomes the kind's name).")]
    try:
        raw["ja"].format(label=""), raw["en"].format(label="")
    except (KeyError, IndexError, ValueError):
        return Text(""), [ContentProblem(file, "learned_why", "learned_why",
                                         "{ } の中には label だけが書けます。{label} 以外の { } を消してください。",
                                         "only {label} may stand in braces; remove any other { }.")]
    return Text(raw["ja"].strip(), raw["en"].strip()), []


def _words(file: str, raw) -> tuple[tuple[re.Pattern, ...], list[ContentProblem]]:
    """``people``: a list of words or regular expressions (optional)."""
    if raw is None:
        return (), []
    if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
        return (), [ContentProblem(file, "people", "people", "「people:」には、人を指す言葉を [お前, あいつ] のようにならべてください（空の言葉はだめです）。",
                                   "under 'people:' list words that point at someone, like [お前, あいつ] (no empty word).")]
    patterns, problems = [], []
    for n, word in enumerate(raw, start=1):
        pattern, problem = _compile(file, f"people {n}番目", "people", word.strip())
        if problem:
            problems.append(problem)
        else:
            patterns.append(pattern)
    return tuple(patterns), problems


def _compile(file: str, place: str, field: str, source) -> tuple[re.Pattern | None, ContentProblem | None]:
    try:
        return re.compile(kana_fold(unicodedata.normalize("NFKC", str(source))), re.IGNORECASE), None
    except re.error as exc:
        return None, ContentProblem(file, place, field,
                                    f"正規表現として読めません（{exc.msg}、{exc.pos}文字目）。かっこの数などを確かめてください。",
                                    f"not a valid regular expression ({exc.msg} at {exc.pos}); check brackets.")


def _patterns(file: str, raw, key: str = "help_and_report") -> tuple[tuple[re.Pattern, ...], list[ContentProblem]]:
    """``help_and_report``, ``care``, ``friendly`` or ``hearsay``: a list of regular expressions (optional)."""
    if raw is None:
        return (), []
    if not isinstance(raw, list):
        return (), [ContentProblem(file, key, key,
                                   f"「{key}:」の下には、正規表現を「- 」で1行ずつならべてください。",
                                   f"under '{key}:' list regular expressions, one per '- ' line.")]
    patterns, problems = [], []
    for n, source in enumerate(raw, start=1):
        place = f"{key} {n}番目"
        if not isinstance(source, str) or not source.strip():
            problems.append(ContentProblem(file, place, key, "空です。正規表現を書くか、この行を消してください。",
                                           "empty; write a regular expression or delete the line."))
            continue
        pattern, problem = _compile(file, place, key, source)
        if problem:
            problems.append(problem)
        else:
            patterns.append(pattern)
    return tuple(patterns), problems


def _categories(file: str, raw) -> tuple[dict[str, Category], list[ContentProblem]]:
    if not isinstance(raw, dict):
        return {}, [ContentProblem(file, "categories", "categories",
                                   f"「categories:」の下に {', '.join(CATEGORIES)} の{len(CATEGORIES)}つを書いてください。",
                                   f"put the {len(CATEGORIES)} categories {', '.join(CATEGORIES)} under 'categories:'.")]
    problems = []
    categories = {}
    for key in raw:
        if key not in CATEGORIES:
            problems.append(ContentProblem(file, f"categories.{key}", "", f"知らない種類です。{', '.join(CATEGORIES)} のどれかにしてください。",
                                           f"unknown category; use one of {', '.join(CATEGORIES)}."))
    for key in CATEGORIES:
        values = raw.get(key)
        if not isinstance(values, dict):
            problems.append(ContentProblem(file, f"categories.{key}", "", "この種類の名前・理由・かわりの言い方がありません。",
                                           "this category's label, why and suggestion are missing."))
            continue
        row = Row({k: schema.coerce("lexicon-category", k, v) for k, v in values.items()}, f"categories.{key}", 0)
        found = schema.check_row("lexicon-category", file, row)
        problems += found
        if not found:
            categories[key] = Category(key, Text.from_row(values, "label"), Text.from_row(values, "why"),
                                       Text.from_row(values, "suggestion"))
    return categories, problems
