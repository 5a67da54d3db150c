"""Japanese morphological analysis for the PostChecker: fugashi (MeCab) with the unidic-lite dictionary.

``analyse`` turns a text into ``Token`` words; ``fold`` writes katakana as hiragana, so that a word
matches however it was typed. The dictionary is loaded on first use only, so a lesson that never
checks a post never pays for it (about 70 MB and 10 ms per kernel; see docs/architecture.md for the
comparison with janome and SudachiPy).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Token:
    """One word as the analyser found it; ``start``/``end`` are offsets into the analysed text."""

    surface: str
    start: int
    end: int
    lemma: str  # dictionary form as the dictionary writes it (馬鹿, 殺す)
    reading: str  # reading of the dictionary form, in hiragana (ばか, ころす)
    pos: str  # part of speech (名詞, 動詞, 形容詞, 助詞, …)
    form: str = ""  # conjugation (命令形, 意志推量形, …)
    person: bool = False  # a person's name (佐藤, ゆい), as far as the dictionary knows it


def fold(text: str) -> str:
    """Katakana to hiragana and ASCII to lower case, keeping the length (so offsets stay valid)."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0x30A1 <= code <= 0x30F6:
            out.append(chr(code - 0x60))
        elif "A" <= ch <= "Z":
            out.append(ch.lower())
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=1)
def _tagger():
    import fugashi  # with unidic-lite installed, fugashi finds the dictionary by itself

    return fugashi.Tagger()


def analyse(text: str) -> list[Token]:
    """The words of ``text`` with their dictionary form, reading, part of speech and conjugation."""
    tokens = []
    position = 0
    for word in _tagger()(text):
        position += len(word.white_space)
        start = text.find(word.surface, position) if not text.startswith(word.surface, position) else position
        if start < 0:  # cannot happen with MeCab, but never let a span point outside the text
            start = position
        end = start + len(word.surface)
        feature = word.feature
        lemma = getattr(feature, "lemma", None) or word.surface
        reading = getattr(feature, "kanaBase", None) or word.surface
        person = getattr(feature, "pos2", "") == "固有名詞" and getattr(feature, "pos3", "") == "人名"
        tokens.append(Token(word.surface, start, end, lemma, fold(reading), getattr(feature, "pos1", "") or "",
                            getattr(feature, "cForm", "") or "", person))
        position = end
    return tokens


def warm() -> None:
    """Load the dictionary now (for a preheated kernel whose lesson checks posts)."""
    analyse("準備")
