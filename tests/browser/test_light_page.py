"""The light page (the default of ``netkit serve``, kit/serve/light.py): a kit lesson is drawn by the kit's
own small widget manager, with no JupyterLab script; a notebook with a widget that is not the kit's gets
Voilà's page. One server for the module, started as a teacher starts it (no option): the shipped lessons
plus two teacher's notebooks, one with only a slider and one a kit lesson with a slider of the teacher's."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.browser.conftest import REPO, Server, serious_violations
from tests.browser.lesson_page import WIDGET_TIMEOUT, answer_with_mouse, only_local

FOREIGN = "extra/slider.ipynb"
MIXED = "extra/quiz-and-slider.ipynb"  # a kit lesson to which a teacher added a cell of their own


def lesson_title(lesson: str, lang: str) -> str:
    """The title a lesson's metadata gives (``netkit.title_ja`` / ``title_en``)."""
    return json.loads((REPO / "lessons" / lesson).read_text("utf-8"))["metadata"]["netkit"][f"title_{lang}"]


def jupyterlab_scripts(urls: list[str]) -> list[str]:
    """Requests for Voilà's JupyterLab front end (its bundle and the widget extensions)."""
    return [u for u in urls if "/voila/static/" in u or "/labextensions/" in u]


@pytest.fixture(scope="module")
def light_server(tmp_path_factory, one_chromium):
    root = tmp_path_factory.mktemp("light")
    shutil.copytree(REPO / "lessons", root / "lessons")
    (root / "datasets").symlink_to(REPO / "datasets")
    lesson = json.loads((REPO / "lessons" / "defamation" / "basics.ipynb").read_text("utf-8"))
    slider = {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
              "source": "import ipywidgets as w\nw.IntSlider(value=3, description='いくつ')"}
    (root / "lessons" / "extra").mkdir()
    only = {**lesson, "cells": [{"cell_type": "markdown", "metadata": {}, "source": "# スライダー"}, slider],
            "metadata": {**lesson["metadata"], "netkit": {**lesson["metadata"]["netkit"], "id": "extra-slider"}}}
    (root / "lessons" / FOREIGN).write_text(json.dumps(only, ensure_ascii=False), "utf-8")
    mixed = {**lesson, "cells": [*lesson["cells"], slider],
             "metadata": {**lesson["metadata"], "netkit": {**lesson["metadata"]["netkit"], "id": "extra-mixed"}}}
    (root / "lessons" / MIXED).write_text(json.dumps(mixed, ensure_ascii=False), "utf-8")
    # the default, no option (unless the suite runs on Voilà's page: NETKIT_TEST_VOILA_PAGE, tests/served.py)
    srv = Server(root, root / "results", ["--light-page"] if os.environ.get("NETKIT_TEST_VOILA_PAGE") else [])
    yield srv
    srv.stop()


def test_a_kit_lesson_works_on_the_light_page(light_server, page):
    page.goto(light_server.url + "voila/render/piracy/basics.ipynb?class=4-1&name=light")
    card = page.locator(".nk-quiz-card").first
    card.locator("legend").wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator("body.nk-light").count() == 1
    assert page.locator(".nk-problem").count() == 0
    assert page.title() == lesson_title("piracy/basics.ipynb", "ja")  # the tab says which lesson, not "basics"
    answer_with_mouse(card)
    card.locator(".nk-feedback .nk-verdict").wait_for(timeout=30_000)
    assert card.locator(".nk-explanation").inner_text().strip()
    db = sqlite3.connect(Path(light_server.data_dir) / "results.sqlite3")
    rows = db.execute("SELECT lesson, phase, student FROM answers WHERE class_code='4-1'").fetchall()
    assert ("piracy-basics", "pre", "light") in rows
    # the next question is built in the kernel after the answer and arrives as a new widget
    first = page.locator(".nk-quiz .nk-question").first.inner_text()
    card.locator("button.nk-next").click()
    page.wait_for_function("(q) => { const l = document.querySelector('.nk-quiz .nk-question');"
                           " return l && l.innerText !== q; }", arg=first, timeout=30_000)
    assert jupyterlab_scripts(page.requested_urls) == []
    assert only_local(page.requested_urls) == []


def test_sections_help_and_readings_on_the_light_page(light_server, page):
    page.goto(light_server.url + "voila/render/defamation/es56.ipynb?furigana=1")
    page.locator(".nk-quiz-card legend").first.wait_for(timeout=WIDGET_TIMEOUT)
    section = page.locator(".nk-section .jp-RenderedMarkdown").first
    section.wait_for(timeout=30_000)
    assert section.locator("h3").count() == 1  # the section's Markdown, drawn in the browser
    assert section.locator("ruby").count() > 0  # with readings for young readers
    page.locator(".nk-help-router .nk-hr-answer, .nk-help-list").first.wait_for(timeout=30_000)
    assert serious_violations(page) == []
    assert jupyterlab_scripts(page.requested_urls) == []


def test_the_light_page_speaks_english_when_asked(light_server, page):
    page.goto(light_server.url + "voila/render/misinformation/basics.ipynb?lang=en")
    page.locator(".nk-quiz-card legend").first.wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("button.nk-submit").first.inner_text().strip() == "Answer"
    assert page.title() == lesson_title("misinformation/basics.ipynb", "en")


def test_a_notebook_with_a_foreign_widget_gets_voilas_page(light_server, page):
    page.goto(light_server.url + "voila/render/" + FOREIGN)
    page.locator(".widget-slider").first.wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator("body.nk-light").count() == 0
    assert any(u.endswith("/voila/static/voila.js") for u in page.requested_urls)
    assert page.title() == lesson_title("defamation/basics.ipynb", "ja")  # Voilà's page too (the same metadata)


def test_a_kit_lesson_with_a_teachers_own_widget_gets_voilas_page(light_server, page):
    """The automatic fallback: the teacher's slider and the kit's quiz both work, on Voilà's page."""
    page.goto(light_server.url + "voila/render/" + MIXED)
    page.locator(".nk-quiz-card legend").first.wait_for(timeout=WIDGET_TIMEOUT)
    page.locator(".widget-slider").first.wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator("body.nk-light").count() == 0
    assert page.locator(".nk-problem").count() == 0
    assert any(u.endswith("/voila/static/voila.js") for u in page.requested_urls)


def test_a_light_page_that_meets_a_widget_it_cannot_draw_asks_for_voilas_page(light_server, page):
    """What the light page does then (static/netkit-light.js): the same lesson with ``?page=voila``."""
    page.goto(light_server.url + "voila/render/defamation/basics.ipynb?page=voila")
    page.locator(".nk-quiz-card legend").first.wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator("body.nk-light").count() == 0
    assert any(u.endswith("/voila/static/voila.js") for u in page.requested_urls)


HOSTILE = ("<meta http-equiv='refresh' content='0;url=http://example.com/'><base href='http://example.com/'>"
           "<iframe src='http://example.com/'></iframe><form action='http://example.com/'><b>form</b></form>"
           "<img src='x' onerror='document.title=1'><a href='javascript:alert(1)'>link</a><p>残る文</p>")


def test_html_from_the_kernel_is_cleaned_before_the_light_page_inserts_it(light_server, page):
    """A section's Markdown or an HTML widget's value comes from lesson content (a teacher's YAML, a published
    lesson): the CSP stops its scripts but not a meta refresh that takes the tab away, a <base>, a form or a frame.
    The Output widget of a section is given such an output as the kernel would send it."""
    if os.environ.get("NETKIT_TEST_VOILA_PAGE"):
        pytest.skip("the light page's own cleaning")
    url = light_server.url + "voila/render/defamation/basics.ipynb?class=4-1&name=clean"
    page.goto(url)
    page.locator("body.nk-light-ready").wait_for(timeout=WIDGET_TIMEOUT)
    found = page.evaluate("""async (html) => {
      const outputs = [...netkitLight.models.values()].filter((m) => m.name === 'OutputModel');
      if (!outputs.length) return 'no Output widget';
      const model = outputs[0];
      model.fromKernel({outputs: [{output_type: 'display_data', data: {'text/markdown': html}, metadata: {}},
                                  {output_type: 'display_data', data: {'text/html': html}, metadata: {}}]});
      const el = [...document.querySelectorAll('.widget-output')].find((e) => e.textContent.includes('残る文'))
        || await new Promise((resolve) => { const t = setInterval(() => {
          const e = [...document.querySelectorAll('.widget-output')].find((x) => x.textContent.includes('残る文'));
          if (e) { clearInterval(t); resolve(e); } }, 50); });
      return {meta: document.querySelectorAll('meta[http-equiv]').length, base: document.querySelectorAll('base').length,
              frames: el.querySelectorAll('iframe, form').length, onerror: el.querySelectorAll('[onerror]').length,
              script: el.querySelectorAll('a[href^="javascript"]').length, kept: el.querySelectorAll('p, b, a, img').length};
    }""", HOSTILE)
    assert found == {"meta": 0, "base": 0, "frames": 0, "onerror": 0, "script": 0, "kept": 6}, found
    assert page.url == url
