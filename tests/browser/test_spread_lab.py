"""The spread lab in a served lesson: the canvas draws the network, and a slider changes the picture."""

from __future__ import annotations

import re

import pytest

from tests.browser.lesson_page import WIDGET_TIMEOUT, only_local

# A picture as numbers: how many pixels of each state's colour the network canvas shows.
COUNT_COLOURS = """(canvas) => {
  const d = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = {sharing: [213, 94, 0], believing: [230, 159, 0], correcting: [0, 114, 178], corrected: [86, 180, 233]};
  const counts = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
  for (let i = 0; i < d.length; i += 4)
    for (const [k, [r, g, b]] of Object.entries(colours))
      if (Math.abs(d[i] - r) < 6 && Math.abs(d[i + 1] - g) < 6 && Math.abs(d[i + 2] - b) < 6) counts[k]++;
  return counts;
}"""


@pytest.fixture
def lab_server(lab_school):
    return lab_school


def wait_for_version(page, lab, above: int) -> int:
    page.wait_for_function("([el, v]) => Number(el.dataset.version || 0) > v", arg=[lab.element_handle(), above],
                           timeout=WIDGET_TIMEOUT)
    return int(lab.get_attribute("data-version"))


def believed(lab, panel: int) -> int:
    """How many believed the story in a panel, from its summary ("720人中 N人")."""
    text = lab.locator(".nk-spread-summary").nth(panel).inner_text()
    return int(re.search(r"720人中 (\d+)人", text).group(1))


def test_canvas_draws_and_a_slider_changes_the_picture(lab_server, page):
    page.goto(lab_server.url + "voila/render/misinformation/lab.ipynb")
    lab = page.locator(".nk-spread")
    lab.wait_for(timeout=WIDGET_TIMEOUT)
    version = wait_for_version(page, lab, 0)
    panels = lab.locator("canvas.nk-spread-network")
    assert panels.count() == 2  # without and with the measures
    before = panels.nth(1).evaluate(COUNT_COLOURS)
    assert sum(before.values()) > 500, before  # people drawn in the states' colours
    assert "720" in lab.locator(".nk-spread-summary").nth(1).inner_text()
    swatches = lab.locator(".nk-spread-legend").first.locator(".nk-swatch:not(.nk-swatch-bot)")
    legend = swatches.evaluate_all("(els) => els.map((el) => getComputedStyle(el).backgroundColor)")
    painted = ["rgb(196, 201, 207)", "rgb(213, 94, 0)", "rgb(230, 159, 0)", "rgb(0, 114, 178)", "rgb(86, 180, 233)"]
    assert legend == painted, legend  # the legend's swatches show the colours the canvas paints

    # A student prebunks half the school, with the keyboard as well as the mouse would.
    slider = lab.locator('input[data-name="prebunked"]')
    slider.evaluate("(el) => { el.value = '0.5'; el.dispatchEvent(new Event('input')); el.dispatchEvent(new Event('change')); }")
    version = wait_for_version(page, lab, version)
    after = panels.nth(1).evaluate(COUNT_COLOURS)
    assert after != before
    assert believed(lab, 1) < believed(lab, 0)  # prebunked people see through the story
    assert lab.locator('output[for$="prebunked"]').inner_text() == "50%"
    lab.screenshot(path=str(lab_server.data_dir.parent / "spread_lab.png"))

    slider.focus()
    page.keyboard.press("ArrowLeft")
    wait_for_version(page, lab, version)
    assert lab.locator('output[for$="prebunked"]').inner_text() == "45%"

    lab.locator("button.nk-spread-reset").click()
    page.wait_for_function("(el) => el.dataset.round === '0'", arg=lab.element_handle(), timeout=WIDGET_TIMEOUT)
    start = panels.nth(1).evaluate(COUNT_COLOURS)
    assert start["sharing"] > 0 and start["believing"] == 0
    lab.locator("button.nk-spread-step").click()
    page.wait_for_function("(el) => el.dataset.round === '1'", arg=lab.element_handle(), timeout=WIDGET_TIMEOUT)
    assert "Traceback" not in page.content()
    assert not only_local(page.requested_urls)
