"""Explanation sections and fact cards: the lesson's text with each fact's source and date.

A fact travels as data (``fact_view``: its statement as escaped text with readings, its source
line as plain text); the browser's shared ``factCard()`` in ``widgets/_common.js`` draws it, here
(``FactCard``) and inside the law and download-rule components alike.
"""

from __future__ import annotations

import ipywidgets as ipw
import traitlets

from kit.content.facts import Fact
from kit.content.lesson_text import Section
from kit.content.text import Text
from kit.text.markdown import cjk_emphasis
from kit.text.ui import label, labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._render import text_html


def fact_view(fact: Fact, lang: str, furigana: bool = False) -> dict:
    """One fact as the browser draws it: the statement (HTML with readings) and its source and as-of date (text)."""
    return {"html": text_html(fact.text, lang, furigana),
            "source": f"{label('source', lang)}: {fact.source}{label('as_of', lang, date=fact.as_of)}"}


class FactCard(KitWidget):
    """One fact on its card: the statement, then its source and as-of date in small print."""

    _esm = traitlets.Unicode(asset("fact_card.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("_tokens.css") + asset("_common.css")).tag(sync=True)  # .nk-card-fact, .nk-fact-source

    fact = traitlets.Dict(help="The fact as fact_view() gives it: html (statement) and source (text).").tag(sync=True)

    def __init__(self, fact: Fact, *, lang: str = "ja", furigana: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.fact = fact_view(fact, lang, furigana)


class TeacherExplains(KitWidget):
    """The card students see for a section the teacher explains in person (its body stays hidden)."""

    _esm = traitlets.Unicode(asset("teacher_explains.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("teacher_explains.css")).tag(sync=True)

    heading_html = traitlets.Unicode(help="The section's heading: escaped text with readings if the lesson has furigana.").tag(sync=True)
    note_html = traitlets.Unicode(help="「ここは先生が説明します」 in the lesson's language, the same way.").tag(sync=True)

    def __init__(self, section: Section, *, lang: str = "ja", furigana: bool = False, **kwargs):
        super().__init__(**kwargs)
        both = labels("ja"), labels("en")
        self.heading_html = text_html(section.heading, lang, furigana)
        self.note_html = text_html(Text(both[0]["teacher_explains"], both[1]["teacher_explains"]), lang, furigana)


class SectionView(ipw.VBox):
    """One section of a lesson's explanation: heading, body (Markdown) and its fact cards."""

    def __init__(self, section: Section, facts: dict[str, Fact], *, lang: str = "ja",
                 furigana: bool = False, **kwargs):
        from IPython.display import Markdown

        if section.placeholder:
            super().__init__(children=[TeacherExplains(section, lang=lang, furigana=furigana)], **kwargs)
            self.add_class("nk-section")
            return
        body = ipw.Output()
        heading = section.heading.get(lang)
        text = section.body.get(lang)
        from kit.text.furigana import plain_html

        heading_html = plain_html(heading)  # escaped; hand-written readings left out
        if furigana and lang == "ja":
            from kit.text.furigana import ruby_html

            text = "\n".join(ruby_html(line) for line in text.split("\n"))
            heading_html = ruby_html(heading)  # young readers need the heading's readings too
        elif "《" in text:
            from kit.text.ruby import strip_marks

            text = strip_marks(text)
        text = cjk_emphasis(text)
        body.append_display_data(Markdown(f"### {heading_html}\n\n{text}"))
        cards = [FactCard(facts[f], lang=lang, furigana=furigana) for f in section.facts if f in facts]
        super().__init__(children=[body, *cards], **kwargs)
        self.add_class("nk-section")
