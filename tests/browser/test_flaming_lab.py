"""The flaming lab in a served lesson: the kernel sends the runs as data, the page draws three charts
named for screen readers, in the runs' colours, and the button draws them again."""

from __future__ import annotations

import pytest

from tests.browser.lesson_page import WIDGET_TIMEOUT, only_local


@pytest.fixture
def lab_server(lab_school):
    return lab_school


def test_three_named_charts_in_the_runs_colours_drawn_again_by_the_button(lab_server, page):
    page.goto(lab_server.url + "voila/render/defamation/lab.ipynb")
    lab = page.locator(".nk-flaming-lab")
    lab.locator("svg.nk-fl-chart").nth(2).wait_for(timeout=WIDGET_TIMEOUT)
    charts = lab.locator("svg.nk-fl-chart")
    assert charts.count() == 3
    names = [charts.nth(i).get_attribute("aria-label") for i in range(3)]
    assert names[0].startswith("報告・ミュートなし: ") and names[1].startswith("報告・ミュートあり: ")
    assert "報告・ミュートなし: " in names[2] and "%" in names[2]
    fills = charts.nth(0).locator("rect.nk-fl-bar").evaluate_all("(els) => els.map((el) => getComputedStyle(el).fill)")
    assert fills and set(fills) == {"rgb(179, 38, 30)"}, fills  # --nk-red
    assert charts.nth(1).locator("rect.nk-fl-bar").first.evaluate("(el) => getComputedStyle(el).fill") == "rgb(31, 95, 153)"
    assert lab.locator(".nk-fl-fact").count() >= 6 and "モデル" in lab.locator(".nk-fl-note").inner_text()

    for name in ("report_rate", "mute_share"):  # no measures: both runs are the same
        lab.locator(f'input[data-name="{name}"]').evaluate(
            "(el) => { el.value = el.min; el.dispatchEvent(new Event('input')); el.dispatchEvent(new Event('change')); }")
    lab.locator("button.nk-fl-run").click()
    page.wait_for_function("""() => { const [a, b] = [...document.querySelectorAll('.nk-flaming-lab svg.nk-fl-chart')]
      .map((svg) => svg.getAttribute('aria-label').split(': ')[1]); return a === b; }""", timeout=WIDGET_TIMEOUT)
    assert lab.locator("svg.nk-fl-chart").count() == 3 and "0% へり" in lab.locator(".nk-fl-change").inner_text()
    assert "Traceback" not in page.content()
    assert not only_local(page.requested_urls)
