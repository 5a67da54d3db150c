"""Furigana (ruby) over kanji, with readings from pykakasi rather than written by hand.

The output is HTML: the text is escaped first, and only runs that contain kanji get a ``<rt>``.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆]")

# pykakasi reads a lone counter kanji as its counting reading: 「読む人」→ にん, 「休みの日」→ にち,
# 「見えない分」→ ふん. After a number that is right (3人, 7日, 5分); anywhere else the word reads so.
_LONE_READINGS = {"人": "ひと", "日": "ひ", "分": "ぶん"}


@lru_cache(maxsize=1)
def _kakasi():
    import pykakasi  # loads its dictionary: only lessons that show furigana pay for it

    return pykakasi.kakasi()


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
    parts = []
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
            parts.append(_ruby_token(orig, reading))
        else:
            parts.append(html.escape(orig))
    if at != len(text):  # tokens that do not add up to the text: no readings rather than other words
        return html.escape(text)
    return "".join(parts)


def _ruby_token(orig: str, reading: str) -> str:
    # Keep trailing kana (okurigana) outside the ruby: 「送る」→ 送<rt>おく</rt>る.
    tail = ""
    while orig and reading and not _KANJI.search(orig[-1]) and orig[-1] == reading[-1]:
        tail = orig[-1] + tail
        orig, reading = orig[:-1], reading[:-1]
    head = ""
    while orig and reading and not _KANJI.search(orig[0]) and orig[0] == reading[0]:
        head += orig[0]
        orig, reading = orig[1:], reading[1:]
    core = f"<ruby>{html.escape(orig)}<rp>(</rp><rt>{html.escape(reading)}</rt><rp>)</rp></ruby>"
    return html.escape(head) + core + html.escape(tail)


def plain_html(text: str) -> str:
    """``text`` escaped for HTML, with no readings (hand-written ones are left out)."""
    if "《" in text:
        from kit.text.ruby import strip_marks

        text = strip_marks(text)
    return html.escape(text)
