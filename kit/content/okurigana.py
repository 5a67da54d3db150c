"""One reading over kanji only: 読み返す with よみかえす becomes 読(よ)み返(かえ)す, never 読み返(よみかえ)す.

A word's reading is split along the kana written in the word (okurigana and the like): each run
of kanji gets the part of the reading between the kana around it. Katakana in the word matches
the same sound in hiragana (ネット上 → ねっとじょう). A teacher's reading that does not split so is refused
when ``datasets/readings`` is read (``kit.content.readings``); furigana (``kit.text.furigana``) splits by it.
"""

from __future__ import annotations

import re

KANJI_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ"
KANJI = re.compile(f"[{KANJI_CHARS}]")
_RUNS = re.compile(f"[{KANJI_CHARS}]+|[^{KANJI_CHARS}]+")


def hiragana(text: str) -> str:
    """``text`` with katakana turned into hiragana (ヶ, a kanji-like mark, stays)."""
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" and c != "ヶ" else c for c in text)


def split_reading(word: str, reading: str) -> list[tuple[str, str | None]] | None:
    """``word`` cut into (text, reading) pieces, a reading only on kanji runs; None if they do not fit.

    ``split_reading("読み返す", "よみかえす")`` → ``[("読", "よ"), ("み", None), ("返", "かえ"), ("す", None)]``.
    """
    runs = _RUNS.findall(word)
    pattern = "".join("(.+?)" if KANJI.match(run) else f"({re.escape(hiragana(run))})" for run in runs)
    found = re.fullmatch(pattern, hiragana(reading))
    if found is None:
        return None
    return [(run, found.group(i) if KANJI.match(run) else None) for i, run in enumerate(runs, start=1)]
