"""One A4 page on how a class did in a lesson, for the school: the pictures and sentences of the teacher's page.

``class_report_html`` takes the figures ``kit.serve.report.build_report`` made (built with
``names=False``, so no nickname leaves the room) and lays them out on one page: participation,
each student's pre → post lines beside the d′/c plot, the sentences on what changed and how sure
it is, the questions most often missed, and how many students may need help. Rendered with
Jinja's autoescaping from ``class_report.html.j2``; the Japanese font travels inside the page.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources

from kit import __version__
from kit.analysis.charts.palette import colour
from kit.printing.fonts import FAMILY, font_face_css
from kit.text.cli_text import word
from kit.text.ui import labels

ITEMS_ON_PAGE = 6  # the hardest questions that fit on the page beside everything else


@cache
def _template():
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(resources.files("kit.printing").joinpath("class_report.html.j2").read_text("utf-8"))


def class_report_html(report: dict, class_code: str, lesson_title: str, when: str, lang: str = "ja",
                      embed_font: bool = True) -> str:
    """The one-page report of a class and lesson as self-contained printable HTML.

    Args:
        report: ``build_report(..., names=False, items_shown=ITEMS_ON_PAGE)``'s figures and pictures.
        class_code, lesson_title: What the page is about, as the teacher's page names them.
        when: The period of the answers, already in words (Japan time).
    """
    values = dict(report=report, class_code=class_code, lesson_title=lesson_title, when=when, lang=lang,
                  L=labels(lang), W=lambda key, **kw: word(key, lang, **kw), family=FAMILY, fonts="",
                  needs_help=sum(1 for s in report.get("students", []) if s["needs_help"]),
                  footer=word("p_generated", lang, version=__version__), ink=colour("ink"), soft=colour("ink-soft"),
                  blue=colour("blue"), band=colour("tint-blue-strong"))
    page = _template().render(**values)
    if embed_font:
        page = _template().render(**{**values, "fonts": font_face_css(html.unescape(page))})
    return page
