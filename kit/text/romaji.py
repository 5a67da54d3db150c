"""Romaji to hiragana: ``shine`` and ``korosuzo`` read as しね and ころすぞ.

Hepburn and kunrei spellings both (shi/si, chi/ti, tsu/tu, fu/hu, ji/zi, ja/jya/zya, sha/sya, cho/tyo),
a doubled consonant as っ (``yatta``, ``matcha``), ``n``, ``nn`` and ``n'`` as ん, long vowels as written
(``ou``, ``oo``). A word that is not romaji from its first letter to its last (``nice``, ``lol``, ``www``, ``ok``)
gives None: nothing is guessed.
"""

from __future__ import annotations

_VOWELS = "aiueo"
_ROWS = {
    "": "あいうえお", "k": "かきくけこ", "g": "がぎぐげご", "s": "さしすせそ", "z": "ざじずぜぞ",
    "t": "たちつてと", "d": "だぢづでど", "n": "なにぬねの", "h": "はひふへほ", "b": "ばびぶべぼ",
    "p": "ぱぴぷぺぽ", "m": "まみむめも", "r": "らりるれろ",
}
_SMALL = {"a": "ゃ", "u": "ゅ", "o": "ょ"}


def _syllables() -> dict[str, str]:
    table: dict[str, str] = {}
    for consonant, kana in _ROWS.items():
        for vowel, k in zip(_VOWELS, kana, strict=True):
            table[consonant + vowel] = k
    table.update({"ya": "や", "yu": "ゆ", "yo": "よ", "wa": "わ", "wo": "を",
                  "shi": "し", "chi": "ち", "tsu": "つ", "fu": "ふ", "ji": "じ"})
    for vowel, small in _SMALL.items():
        for consonant in "kgsztdnhbpmr":
            table[consonant + "y" + vowel] = table[consonant + "i"] + small  # kya, sya, zya, tya, nya …
        table["sh" + vowel] = "し" + small
        table["ch" + vowel] = "ち" + small
        table["j" + vowel] = "じ" + small
        table["jy" + vowel] = "じ" + small
    return table


_TABLE = _syllables()
_LONGEST = max(map(len, _TABLE))


def to_hiragana(word: str) -> list[tuple[str, int, int]] | None:
    """The hiragana of ``word`` (ASCII letters, any case), one ``(kana, start, end)`` per hiragana character,
    ``word[start:end]`` being the letters it was read from; None when ``word`` is not entirely romaji."""
    w = word.lower()
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(w):
        ch = w[i]
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if ch == "n" and (not nxt or nxt not in _VOWELS + "y"):  # ん: before a consonant, at the end, nn, n'
            end = i + 1
            if nxt == "'" or (nxt == "n" and (i + 2 >= len(w) or w[i + 2] not in _VOWELS + "y")):
                end = i + 2
            out.append(("ん", i, end))
            i = end
            continue
        if ch not in _VOWELS and ch != "n" and (nxt == ch or (ch == "t" and w.startswith("ch", i + 1))):
            out.append(("っ", i, i + 1))  # a doubled consonant (kitte, matcha)
            i += 1
            continue
        for size in range(min(_LONGEST, len(w) - i), 0, -1):
            kana = _TABLE.get(w[i:i + size])
            if kana is not None:
                out.extend((k, i, i + size) for k in kana)
                i += size
                break
        else:
            return None
    return out


__all__ = ["to_hiragana"]
