"""Find the teacher's readings in a text: counters after numbers first, then the longest word.

``Matcher(dictionary).at(text, i)`` says whether a reading from ``datasets/readings`` starts at
``i`` and gives the pieces to show: ``[("1日", "ついたち")]``, ``[("3", None), ("分", "ぷん")]``,
``[("読", "よ"), ("み", None), ("返", "かえ"), ("す", None)]``. Whatever no rule covers is left
to pykakasi. A number is digits (half or full width, with commas or a decimal point) or a
``{placeholder}`` filled in later; 万・億・兆 after a number are counters too, so 50万円 reads
まん and えん.
"""

from __future__ import annotations

import re
import unicodedata

from kit.content.okurigana import KANJI, split_reading
from kit.content.readings import CounterRule, ReadingDictionary

Piece = tuple[str, "str | None"]
_NUMBER = re.compile(r"[0-9０-９](?:[0-9０-９,，.．]*[0-9０-９])?|\{[A-Za-z_][A-Za-z0-9_]*\}")
_DIGIT = re.compile(r"[0-9０-９]")
_BIG = {"十": "0", "百": "00", "千": "000", "万": "0000", "億": "00000000", "兆": "000000000000"}


class Matcher:
    """The readings of one dictionary, indexed for longest-first lookup."""

    def __init__(self, dictionary: ReadingDictionary):
        self.words: dict[str, list[str]] = {}
        for word in sorted(dictionary.words, key=len, reverse=True):
            self.words.setdefault(word[0], []).append(word)
        self.readings = dictionary.words
        self.counters: dict[str, list[CounterRule]] = {}
        for rule in dictionary.counters:
            self.counters.setdefault(rule.counter, []).append(rule)
        self.counter_names = sorted(self.counters, key=len, reverse=True)
        # characters a reading can start with: a quick test before anything else at each position
        self.starts = frozenset(self.words) | (frozenset("0123456789０１２３４５６７８９{") if self.counters else frozenset())

    def at(self, text: str, i: int, after_word: bool = False) -> tuple[int, list[Piece]] | None:
        """``(end, pieces)`` of the reading that starts at ``i``, or None.

        ``after_word``: a reading found here ended at ``i``, so ``i`` starts a word even after kanji.
        """
        if text[i] not in self.starts or (i and _DIGIT.match(text[i - 1])):
            return None  # nothing starts here, or inside a number: 11日 is not 1日
        return self._counted(text, i) or self._word(text, i, after_word)

    def _word(self, text: str, i: int, after_word: bool) -> tuple[int, list[Piece]] | None:
        # A word is not looked for inside a run of kanji: 間に is not in 時間に, 印 not in 印税.
        if i and not after_word and KANJI.match(text[i]) and KANJI.match(text[i - 1]):
            return None
        for word in self.words.get(text[i], ()):
            end = i + len(word)
            if text.startswith(word, i) and not _runs_on(word, text, end):
                return end, split_reading(word, self.readings[word]) or [(word, self.readings[word])]
        return None

    def _counted(self, text: str, i: int) -> tuple[int, list[Piece]] | None:
        number = _NUMBER.match(text, i)
        if number is None or not self.counters:
            return None
        value = _digits(number.group())
        at, pieces = number.end(), [(number.group(), None)]
        while True:
            found = self._counter(text, at, value, before=text[:i], first=len(pieces) == 1)
            if found is None:
                break
            end, reading, whole = found
            if whole:
                pieces = [(text[i:end], reading)]
            else:
                pieces += split_reading(text[at:end], reading) or [(text[at:end], reading)]
            counter = text[at:end]
            at = end
            if counter not in _BIG or whole:
                break
            value = value + _BIG[counter] if value is not None else None
        return (at, pieces) if at > number.end() else None

    def _counter(self, text: str, at: int, value: str | None, before: str, first: bool):
        for name in self.counter_names:
            if not text.startswith(name, at):
                continue
            rule = _choose(self.counters[name], value if first else None, value, before)
            if rule is not None:
                return at + len(name), rule.reading, bool(rule.number)
        return None


def _runs_on(word: str, text: str, end: int) -> bool:
    """Whether a word of kanji only stops inside a longer run of kanji (印 in 印税)."""
    return end < len(text) and KANJI.match(text[end]) is not None and all(KANJI.match(c) for c in word)


def _choose(rules: list[CounterRule], exact: str | None, value: str | None, before: str) -> CounterRule | None:
    """The rule for this number: its own (with a matching ``after`` first), the longest ending, the default."""
    if exact is not None:
        own = [r for r in rules if r.number and r.number == exact.lstrip("0") and (not r.after or before.endswith(r.after))]
        if own:
            return max(own, key=lambda r: len(r.after))
    if value is not None:
        endings = [r for r in rules if r.ending and not r.number and value.endswith(r.ending)
                   and (not r.after or before.endswith(r.after))]
        if endings:
            return max(endings, key=lambda r: (len(r.ending), len(r.after)))
    plain = [r for r in rules if not r.number and not r.ending and (not r.after or before.endswith(r.after))]
    return max(plain, key=lambda r: len(r.after)) if plain else None


def _digits(number: str) -> str | None:
    """The digits of a number as written (None for a placeholder, whose value is not known yet)."""
    if number.startswith("{"):
        return None
    return unicodedata.normalize("NFKC", number).replace(",", "")
