"""Explanation sections and fact cards: the lesson's text with each fact's source and date."""

from __future__ import annotations

import html

import ipywidgets as ipw

from kit.content.facts import Fact
from kit.content.lesson_text import Section
from kit.content.text import Text
from kit.text.markdown import cjk_emphasis
from kit.text.ui import label
from kit.widgets._render import text_html


def fact_html(fact: Fact, lang: str, furigana: bool = False) -> str:
    """One fact as a card: the statement, then its source and as-of date in small print."""
    return (
        '<aside class="nk-fact" style="border-left:6px solid #1f5f99;background:#f2f6fa;'
        'padding:0.6rem 1rem;margin:0.6rem 0;border-radius:6px;color:#1a1a1a">'
        f"<p style=\"margin:0\">{text_html(fact.text, lang, furigana)}</p>"
        f"<p style=\"margin:0.3rem 0 0;font-size:0.85rem;color:#3d4f5c\">{html.escape(label('source', lang))}: "
        f"{html.escape(fact.source)}{html.escape(label('as_of', lang, date=fact.as_of))}</p>"
        "</aside>"
    )


class SectionView(ipw.VBox):
    """One section of a lesson's explanation: heading, body (Markdown) and its fact cards."""

    def __init__(self, section: Section, facts: dict[str, Fact], *, lang: str = "ja",
                 furigana: bool = False, **kwargs):
        from IPython.display import Markdown

        if section.placeholder:
            super().__init__(children=[ipw.HTML(placeholder_html(section, lang, furigana))], **kwargs)
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
        cards = [ipw.HTML(fact_html(facts[f], lang, furigana)) for f in section.facts if f in facts]
        super().__init__(children=[body, *cards], **kwargs)
        self.add_class("nk-section")


def placeholder_html(section: Section, lang: str, furigana: bool) -> str:
    """The card students see for a section the teacher explains in person (its body stays hidden)."""
    heading = text_html(section.heading, lang, furigana)
    note = text_html(Text(label("teacher_explains", "ja"), label("teacher_explains", "en")), lang, furigana)
    return ('<div class="nk-placeholder" role="note" style="border:2px dashed #5b6b7a;border-radius:12px;'
            'padding:1rem 1.25rem;margin:0.75rem 0;background:#f5f7fa;color:#1f2933">'
            f'<h3 style="margin:0 0 0.4rem 0">{heading}</h3>'
            f'<p style="margin:0;font-size:1.15rem">🧑‍🏫 {note}</p></div>')
