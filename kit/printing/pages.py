"""The teacher guide and the student worksheet of a lesson, as self-contained printable HTML.

Guide: title, audience and length, aims, the timing table (with the clock time each step starts),
questions to ask with expected answers, the answer key of every quiz question and lateral-reading task,
notes, and the help desks. Worksheet: name line, aims, every quiz question with a place to answer and no
answer shown, the explanation to read (or a note-taking box where the teacher explains), the techniques of
the 「だます側になってみよう」 game the lesson plays (from its game file), a table to record each
lateral-reading task the lesson shows (who is behind it, what others say, trust it or not), a box for
notes, and the help desks for lessons on online abuse. Both are A4; the Japanese font travels inside the page.
"""

from __future__ import annotations

import html
import random

from kit import __version__
from kit.content.lateral import LateralFile
from kit.content.manipulator import Game
from kit.content.quiz import Question, QuestionType
from kit.content.text import Text
from kit.printing.fonts import FAMILY, font_face_css
from kit.printing.lesson_info import LessonInfo
from kit.text.cli_text import word
from kit.text.markdown import cjk_emphasis
from kit.text.ui import label

YOUNG = ("小3-4", "小5-6")

CSS = """
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: '%(family)s', 'Noto Sans CJK JP', 'Yu Gothic', 'Meiryo', 'Hiragino Sans', sans-serif;
       font-size: 10.5pt; line-height: 1.6; color: #111; margin: 0 auto; max-width: 182mm; }
h1 { font-size: 17pt; margin: 0 0 2mm; line-height: 1.3; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; padding: 1mm 2mm; background: #e8eef4; border-left: 5px solid #1f5f99; }
h3 { font-size: 11pt; margin: 3mm 0 1mm; }
.meta { color: #333; margin: 0 0 3mm; }
.kind { float: right; font-size: 9pt; border: 1px solid #555; padding: 0.5mm 2mm; border-radius: 2mm; }
table { border-collapse: collapse; width: 100%%; }
th, td { border: 1px solid #777; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
th { background: #f1f3f5; }
td.min { width: 22mm; white-space: nowrap; }
.q { break-inside: avoid; page-break-inside: avoid; margin: 3mm 0; padding: 2mm 3mm; border: 1px solid #bbb; border-radius: 2mm; }
.q p { margin: 0 0 1.5mm; }
.how { font-size: 9pt; color: #333; }
ol.choices { margin: 1mm 0 0; padding-left: 7mm; }
ol.choices li { margin: 0.8mm 0; }
.tf { font-size: 16pt; letter-spacing: 10mm; padding-left: 6mm; }
.blanks { font-size: 12pt; letter-spacing: 1mm; }
.answer { color: #8a1c00; font-weight: 700; }
.lines { border: 1px solid #777; border-radius: 2mm; padding: 2mm 3mm; min-height: 45mm;
         background-image: repeating-linear-gradient(to bottom, transparent 0, transparent 8.5mm, #bbb 8.5mm, #bbb 9mm); }
.lines.small { min-height: 30mm; }
.name { clear: right; text-align: right; font-size: 11pt; margin: 0 0 3mm; padding-top: 2mm; }
.name span { display: inline-block; width: 48mm; border-bottom: 1px solid #000; }
.help { border: 2px solid #1b7a3a; border-radius: 2mm; padding: 2mm 4mm; background: #f1faf3; break-inside: avoid; }
.help li { margin: 1mm 0; }
.contact { font-weight: 700; font-size: 11pt; }
.small { font-size: 8.5pt; color: #444; }
.read { break-inside: auto; }
table.game td ul { margin: 0; padding-left: 4mm; }
table.game td.example { width: 40mm; }
table.game tr { break-inside: avoid; page-break-inside: avoid; }
table.lateral td { width: 34mm; height: 24mm; }
table.lateral tr { break-inside: avoid; page-break-inside: avoid; }
.read strong { background: linear-gradient(transparent 60%%, #fff0a8 60%%); }
footer { margin-top: 6mm; font-size: 8pt; color: #666; text-align: right; }
ruby rt { font-size: 0.5em; }
"""


def _t(text: Text, lang: str) -> str:
    from kit.text.furigana import plain_html

    return plain_html(text.get(lang)).replace("\n", "<br>")


def _kids(text: Text, lang: str, furigana: bool) -> str:
    if furigana and lang == "ja":
        from kit.text.furigana import ruby_html

        return ruby_html(text.get(lang)).replace("\n", "<br>")
    return _t(text, lang)


def _markdown(body: str, furigana: bool = False) -> str:
    import mistune

    if furigana:
        from kit.text.furigana import ruby_html

        body = "\n".join(ruby_html(line) for line in body.split("\n"))
    else:
        from kit.text.ruby import strip_marks

        body = strip_marks(body)
    return mistune.html(cjk_emphasis(body))


def _document(title: str, kind: str, body: str, lang: str, embed_font: bool) -> str:
    fonts = font_face_css(html.unescape(title + kind + body)) if embed_font else ""
    footer = html.escape(word("p_generated", lang, version=__version__))
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)} — {html.escape(kind)}</title>"
            f"<style>{fonts}\n{CSS % {'family': FAMILY}}</style></head>"
            f'<body><span class="kind">{html.escape(kind)}</span>{body}<footer>{footer}</footer></body></html>\n')


def _title(info: LessonInfo, lang: str) -> str:
    if info.guide is not None:
        return info.guide.title.get(lang)
    return info.meta.get(f"title_{lang}") or info.meta.get("title_ja") or info.id


def _header(info: LessonInfo, lang: str) -> str:
    minutes = info.guide.minutes if info.guide else info.meta.get("minutes", "")
    audience = info.guide.audience if info.guide else info.meta.get("audience", "")
    return (f"<h1>{html.escape(_title(info, lang))}</h1>"
            f'<p class="meta">{html.escape(word("p_audience", lang))}: {html.escape(str(audience))}　／　'
            f'{html.escape(word("p_minutes", lang, minutes=minutes))}　／　{html.escape(info.id)}</p>')


def _help(info: LessonInfo, lang: str) -> str:
    if not info.desks:
        return ""
    items = "".join(
        f'<li><strong>{_t(d.name, lang)}</strong> — {_t(d.purpose, lang)}<br><span class="contact">{html.escape(d.contact)}</span>'
        + (f"　{_t(d.hours, lang)}" if d.hours.get(lang) else "")
        + f' <span class="small">（{html.escape(word("p_checked", lang))}: {html.escape(d.checked)}）</span></li>'
        for d in info.desks)
    return (f'<h2>{html.escape(word("p_help", lang))}</h2><div class="help"><p>{html.escape(word("p_help_note", lang))}</p>'
            f"<ul>{items}</ul></div>")


def _answer(q: Question, lang: str) -> str:
    if q.type is QuestionType.TRUEFALSE:
        return "○" if q.answer == (0,) else "×"
    if q.type is QuestionType.ORDER:  # labelled as on the worksheet (ア, イ, … in its shuffled order)
        labels, shown = _order_labels(lang), _order_shown(q)
        return " → ".join(f"{labels[shown.index(i)]}. {q.choices[i].text.get(lang)}" for i in q.answer)
    return "、".join(f"{i + 1}. {q.choices[i].text.get(lang)}" for i in q.answer)


def guide_html(info: LessonInfo, lang: str = "ja", embed_font: bool = True) -> str:
    """The teacher guide of the lesson as one printable HTML page."""
    parts = [_header(info, lang)]
    g = info.guide
    if g is None:
        parts.append(f'<p class="answer">{html.escape(word("p_no_guide", lang, lesson=info.id))}</p>')
    else:
        parts.append(f'<h2>{html.escape(word("p_aims", lang))}</h2><ul>'
                     + "".join(f"<li>{_t(a, lang)}</li>" for a in g.aims) + "</ul>")
        rows, start = [], 0
        for step in g.timing:
            if step.optional:  # outside the period's clock: done when time allows, or in a second lesson
                rows.append(f'<tr><td class="min">{html.escape(word("p_optional", lang, minutes=step.minutes))}</td>'
                            f"<td>{_t(step.activity, lang)}</td></tr>")
                continue
            rows.append(f'<tr><td class="min">{start}–{start + step.minutes}{html.escape(word("p_minutes", lang, minutes="")).strip()}</td>'
                        f"<td>{_t(step.activity, lang)}</td></tr>")
            start += step.minutes
        parts.append(f'<h2>{html.escape(word("p_timing", lang))}（{html.escape(word("p_minutes", lang, minutes=g.minutes))}）</h2>'
                     f'<table><tr><th>{html.escape(word("p_time", lang))}</th><th>{html.escape(word("p_activity", lang))}</th></tr>'
                     + "".join(rows) + "</table>")
        parts.append(f'<h2>{html.escape(word("p_questions", lang))}</h2>')
        for n, q in enumerate(g.questions, start=1):
            parts.append(f'<div class="q"><p><strong>{html.escape(word("p_ask", lang))} {n}.</strong> {_t(q.ask, lang)}</p>'
                         f'<p><span class="answer">{html.escape(word("p_answer", lang))}:</span> {_t(q.answer, lang)}</p></div>')
    placeholders = [s for text in info.texts for s in text.sections if s.placeholder]
    for s in placeholders:
        parts.append(f"<h3>{_t(s.heading, lang)}</h3><p>{html.escape(word('p_placeholder_guide', lang))}</p>")
    if info.quizzes:
        parts.append(f'<h2>{html.escape(word("p_key", lang))}</h2>')
        number = 0
        for part in info.quizzes:
            parts.append(f"<h3>{html.escape(word('p_' + part.phase if part.phase in ('pre', 'post') else 'p_practice', lang))}</h3>")
            for q in part.questions:
                number += 1
                parts.append(f'<div class="q"><p><strong>{number}.</strong> {_t(q.text, lang)}</p>'
                             f'<p><span class="answer">{html.escape(word("p_correct", lang))}: {html.escape(_answer(q, lang))}</span></p>'
                             f'<p class="small">{_t(q.explanation, lang)}</p></div>')
    if info.feeds:
        parts.append(_feed_key(info, lang))
    parts += [_lateral_key(lateral, lang) for lateral in info.laterals]
    if g is not None and g.notes:
        parts.append(f'<h2>{html.escape(word("p_notes", lang))}</h2><ul>' + "".join(f"<li>{_t(n, lang)}</li>" for n in g.notes) + "</ul>")
    parts.append(_help(info, lang))
    return _document(_title(info, lang), word("p_guide", lang), "".join(parts), lang, embed_font)


def _feed_key(info: LessonInfo, lang: str) -> str:
    """The discernment feeds' answers: each post's account and text, whether it is true, and the clue that shows it."""
    parts = [f'<h2>{html.escape(word("p_feed_key", lang))}</h2>']
    for part in info.feeds:
        parts.append(f"<h3>{html.escape(word('p_feed_' + part.phase, lang))}</h3>")
        for n, post in enumerate(part.posts, start=1):
            truth = word("p_feed_true" if post.truth else "p_feed_false", lang)
            parts.append(f'<div class="q"><p><strong>{n}.</strong> {html.escape(post.author.handle)}: {_t(post.text, lang)}</p>'
                         f'<p><span class="answer">{html.escape(truth)}</span>（{html.escape(label("dc_clue_" + post.clue, lang))}）</p>'
                         f'<p class="small">{_t(post.reason, lang)}</p></div>')
    return "".join(parts)


def _lateral_key(lateral: LateralFile, lang: str) -> str:
    """The lateral-reading tasks' answers: each post, the right answer, and who was behind it."""
    parts = [f'<h2>{html.escape(word("p_lateral_key", lang))}: {_t(lateral.title, lang)}</h2>']
    for n, task in enumerate(lateral.tasks, start=1):
        right = task.options[task.option_index(task.answer)]
        parts.append(f'<div class="q"><p><strong>{n}.</strong> {html.escape(task.handle)}: {_t(task.text, lang)}</p>'
                     f'<p><span class="answer">{html.escape(word("p_correct", lang))}: {_t(right.text, lang)}</span></p>'
                     f'<p class="small">{_t(task.behind, lang)}</p></div>')
    return "".join(parts)


def _order_labels(lang: str) -> str:
    return "アイウエオカ" if lang == "ja" else "ABCDEF"


def _order_shown(q: Question) -> list[int]:
    """The choices of an order question as printed: shuffled the same way every time, never already right."""
    shown = list(range(len(q.choices)))
    random.Random(q.id).shuffle(shown)
    if tuple(shown) == q.answer:
        shown = shown[1:] + shown[:1]
    return shown


def _worksheet_question(number: int, q: Question, lang: str, furigana: bool) -> str:
    how = {QuestionType.TRUEFALSE: "p_truefalse", QuestionType.SINGLE: "p_single",
           QuestionType.MULTIPLE: "p_multiple", QuestionType.ORDER: "p_order"}[q.type]
    head = (f'<div class="q"><p><strong>{number}.</strong> {_kids(q.text, lang, furigana)}</p>'
            f'<p class="how">{html.escape(word(how, lang))}</p>')
    if q.type is QuestionType.TRUEFALSE:
        return head + '<p class="tf">○　×</p></div>'
    if q.type is QuestionType.ORDER:
        labels, shown = _order_labels(lang), _order_shown(q)
        items = "".join(f"<li>{labels[k]}. {_kids(q.choices[i].text, lang, furigana)}</li>" for k, i in enumerate(shown))
        blanks = " → ".join("（　　）" for _ in shown)
        return head + f'<ul class="choices" style="list-style:none;padding-left:2mm">{items}</ul><p class="blanks">{blanks}</p></div>'
    items = "".join(f"<li>{_kids(c.text, lang, furigana)}</li>" for c in q.choices)
    return head + f'<ol class="choices">{items}</ol></div>'


def _game_table(game: Game, lang: str, furigana: bool) -> str:
    """The game's techniques as the game file names them: what each does, how to spot it, and a blank for an example."""
    head = "".join(f"<th>{html.escape(word(k, lang))}</th>"
                   for k in ("p_technique", "p_technique_does", "p_technique_spot", "p_technique_example"))
    rows = "".join(
        f"<tr><th>{_kids(s.technique, lang, furigana)}</th><td>{_kids(s.explain, lang, furigana)}</td>"
        f"<td><ul>{''.join(f'<li>{_kids(tip, lang, furigana)}</li>' for tip in s.spot)}</ul></td>"
        '<td class="example"></td></tr>'
        for s in game.stages)
    return (f'<h2>{html.escape(word("p_game_table", lang))}: {_kids(game.title, lang, furigana)}</h2>'
            f'<p class="how">{html.escape(word("p_game_note", lang))}</p>'
            f'<table class="game"><tr>{head}</tr>{rows}</table>')


def _lateral_table(lateral: LateralFile, lang: str, furigana: bool) -> str:
    """A row per lateral-reading task the lesson shows: the post, then blanks for what the student found out."""
    head = "".join(f"<th>{html.escape(word(k, lang))}</th>"
                   for k in ("p_lateral_post", "p_lateral_who", "p_lateral_others", "p_lateral_trust"))
    rows = "".join(f"<tr><th>{html.escape(task.handle)}: {_kids(task.text, lang, furigana)}</th><td></td><td></td><td></td></tr>"
                   for task in lateral.tasks)
    return (f'<h2>{html.escape(word("p_lateral_table", lang))}: {_kids(lateral.title, lang, furigana)}</h2>'
            f'<p class="how">{html.escape(word("p_lateral_note", lang))}</p>'
            f'<table class="lateral"><tr>{head}</tr>{rows}</table>')


def worksheet_html(info: LessonInfo, lang: str = "ja", embed_font: bool = True) -> str:
    """The student worksheet of the lesson (no answers) as one printable HTML page."""
    audience = info.guide.audience if info.guide else info.meta.get("audience", "")
    furigana = audience in YOUNG
    parts = [f'<p class="name">{html.escape(word("p_name", lang))}<span></span></p>', f"<h1>{html.escape(_title(info, lang))}</h1>"]
    if info.guide is not None:
        parts.append(f'<h2>{html.escape(word("p_aims_student", lang))}</h2><ul>'
                     + "".join(f"<li>{_kids(a, lang, furigana)}</li>" for a in info.guide.aims) + "</ul>")
    number = 0
    pre = [p for p in info.quizzes if p.phase != "post"]
    post = [p for p in info.quizzes if p.phase == "post"]
    for part in pre:
        parts.append(f"<h2>{html.escape(word('p_pre' if part.phase == 'pre' else 'p_practice', lang))}</h2>")
        for q in part.questions:
            number += 1
            parts.append(_worksheet_question(number, q, lang, furigana))
    for text in info.texts:
        for s in text.sections:
            if s.placeholder:
                parts.append(f"<h2>{_kids(s.heading, lang, furigana)}</h2><p>{html.escape(word('p_placeholder', lang))}</p>"
                             '<div class="lines"></div>')
            elif s.id != "aims":
                body = _markdown(s.body.get(lang), furigana and lang == "ja")
                parts.append(f'<h2>{html.escape(word("p_read", lang))}: {_kids(s.heading, lang, furigana)}</h2><div class="read">{body}</div>')
    parts += [_game_table(game, lang, furigana) for game in info.games]
    parts += [_lateral_table(lateral, lang, furigana) for lateral in info.laterals]
    for part in post:
        parts.append(f"<h2>{html.escape(word('p_post', lang))}</h2>")
        for q in part.questions:
            number += 1
            parts.append(_worksheet_question(number, q, lang, furigana))
    parts.append(f'<h2>{html.escape(word("p_notes_box", lang))}</h2><div class="lines small"></div>')
    parts.append(_help(info, lang))
    return _document(_title(info, lang), word("p_worksheet", lang), "".join(parts), lang, embed_font)
