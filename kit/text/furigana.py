"""Furigana (ruby) over kanji: the teacher's readings first, then pykakasi's guess.

The readings in ``datasets/readings`` (words such as お金 おかね, and counters after numbers such
as 1日 ついたち, see ``kit.content.readings``) are looked for first, longest first; pykakasi reads
the rest. A reading sits over kanji only, never over okurigana (``kit.content.okurigana``). The
output is HTML: the text is escaped first, and only runs that contain kanji get a ``<rt>``.
"""

from __future__ import annotations

import html
import logging
from functools import lru_cache

from kit.content.okurigana import KANJI as _KANJI
from kit.content.okurigana import split_reading

log = logging.getLogger(__name__)

# pykakasi reads a lone counter kanji as its counting reading: 「読む人」→ にん, 「休みの日」→ にち,
# 「見えない分」→ ふん. After a number that is right (3人, 7日, 5分); anywhere else the word reads so.
_LONE_READINGS = {"人": "ひと", "日": "ひ", "分": "ぶん"}


@lru_cache(maxsize=1)
def _kakasi():
    import pykakasi  # loads its dictionary: only lessons that show furigana pay for it

    return pykakasi.kakasi()


@lru_cache(maxsize=1)
def _matcher():
    """The readings of the lesson's ``datasets/readings``, else the kit's own (a broken file is logged)."""
    from kit.content.errors import ContentError
    from kit.content.paths import bundled_root, datasets_root
    from kit.content.readings import ReadingDictionary, load_reading_dictionary
    from kit.text.readings import Matcher

    for folder in dict.fromkeys((datasets_root() / "readings", bundled_root() / "datasets" / "readings")):
        try:
            return Matcher(load_reading_dictionary(folder))
        except ContentError as exc:  # netkit validate names the problem; the lesson goes on
            log.warning("furigana readings not used: %s", exc)
    return Matcher(ReadingDictionary({}))


def reload_readings() -> None:
    """Read ``datasets/readings`` again (after a teacher edited it) and forget the texts already shown."""
    _matcher.cache_clear()
    ruby_html.cache_clear()


@lru_cache(maxsize=4096)
def ruby_html(text: str) -> str:
    """``text`` as escaped HTML with ``<ruby>`` readings over every run containing kanji.

    Readings a teacher wrote by hand (``｜漢字《かんじ》``, see ``kit.text.ruby``) are used as written.
    """
    if "《" in text:
        from kit.text.ruby import has_marks, marked_html

        if has_marks(text):
            return marked_html(text, ruby_html)
    if "\n" in text:  # pykakasi repeats the punctuation before a line break after it: one line at a time
        return "\n".join(ruby_html(line) for line in text.split("\n"))
    return "".join(_piece_html(base, reading) for base, reading in pieces(text))


def pieces(line: str) -> list[tuple[str, str | None]]:
    """``line`` cut into (text, reading) pieces: the dictionary's where it has one, pykakasi's elsewhere."""
    matcher = _matcher() if _KANJI.search(line) else None
    found: list[tuple[str, str | None]] = []
    start = i = 0
    while matcher is not None and i < len(line):
        hit = matcher.at(line, i, after_word=bool(found) and i == start)
        if hit is None:
            i += 1
            continue
        if start < i:
            found += _guessed(line[start:i])
        i = start = hit[0]
        found += hit[1]
    if start < len(line):
        found += _guessed(line[start:])
    return found


def _guessed(text: str) -> list[tuple[str, str | None]]:
    """pykakasi's readings of ``text``, split so that only kanji carry them."""
    if not _KANJI.search(text):
        return [(text, None)]
    found: list[tuple[str, str | None]] = []
    previous = ""
    at = 0
    for token in _kakasi().convert(text):
        orig, reading = token["orig"], token["hira"]
        if not text.startswith(orig, at):
            # pykakasi sometimes rewrites a symbol (「30分＝500円」 comes back as 30分分500円): the
            # text as written stands, without a reading.
            orig, reading = text[at:at + len(orig)], ""
        at += len(orig)
        if orig in _LONE_READINGS and not previous[-1:].isdigit():
            reading = _LONE_READINGS[orig]
        previous = orig
        if _KANJI.search(orig) and reading and reading != orig:
            found += split_reading(orig, reading) or _trimmed(orig, reading)
        else:
            found.append((orig, None))
    if at != len(text):  # tokens that do not add up to the text: no readings rather than other words
        return [(text, None)]
    return found


def _trimmed(orig: str, reading: str) -> list[tuple[str, str | None]]:
    # A reading that does not fit the kana in the word: keep at least the kana at either end outside.
    tail = ""
    while orig and reading and not _KANJI.search(orig[-1]) and orig[-1] == reading[-1]:
        tail = orig[-1] + tail
        orig, reading = orig[:-1], reading[:-1]
    head = ""
    while orig and reading and not _KANJI.search(orig[0]) and orig[0] == reading[0]:
        head += orig[0]
        orig, reading = orig[1:], reading[1:]
    return [(part, r) for part, r in ((head, None), (orig, reading), (tail, None)) if part]


def _piece_html(base: str, reading: str | None) -> str:
    if not reading or reading == base or not _KANJI.search(base):
        return html.escape(base)
    return f"<ruby>{html.escape(base)}<rp>(</rp><rt>{html.escape(reading)}</rt><rp>)</rp></ruby>"


def text_html(text: str, ruby: bool) -> str:
    """``text`` as escaped HTML with its line breaks, and with readings if ``ruby``: what a component's
    browser half sets as an element's HTML (the one kind of HTML the kernel sends)."""
    return (ruby_html(text) if ruby else plain_html(text)).replace("\n", "<br>")


def plain_html(text: str) -> str:
    """``text`` escaped for HTML, with no readings (hand-written ones are left out)."""
    if "《" in text:
        from kit.text.ruby import strip_marks

        text = strip_marks(text)
    return html.escape(text)
