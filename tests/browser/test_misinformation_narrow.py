"""misinformation/jh on a 360 px screen (a phone, a Chromebook's half screen): the spread waits for the whole
timeline as it says, its chart's words stay readable, the feed lab's timelines are named A and B (stacked, not
left and right) and its numbers table can be scrolled by keyboard. One page for all, as a student meets it."""

from __future__ import annotations

from tests.browser.lesson_page import WIDGET_TIMEOUT

# The smallest text the chart draws, in CSS px on the screen: the font size times the SVG's scale.
SMALLEST_CHART_TEXT = """(svg) => Math.min(...[...svg.querySelectorAll('text')].map(
  (t) => parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a))"""


def test_jh_at_360px(browser, server):
    context = browser.new_context(locale="ja-JP", viewport={"width": 360, "height": 740})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(server.url + "voila/render/misinformation/jh.ipynb?class=2-9&name=narrow", wait_until="commit",
                  timeout=WIDGET_TIMEOUT)
        feed, spread = page.locator(".nk-tl"), page.locator(".nk-cs")
        feed.locator("button.nk-tl-ignore:not([disabled])").wait_for(timeout=WIDGET_TIMEOUT)
        spread.locator("button[data-whose=mine]").wait_for(timeout=WIDGET_TIMEOUT)
        posts = 0
        while not feed.locator(".nk-tl-summary").count():
            feed.locator("button.nk-tl-ignore").click()
            feed.locator(".nk-tl-next").wait_for(timeout=30_000)
            posts += 1
            if posts == 6:  # 6 of 8: the spread says to finish first, and shows no outcome
                spread.locator("button[data-whose=mine]").click()
                spread.locator(".nk-cs-empty").wait_for(timeout=30_000)
                message = spread.locator(".nk-cs-empty").inner_text()
                assert "先にタイムラインの投稿を最後まで選んでください" in message and "あと 2件" in message, message
                assert spread.locator(".nk-cs-chart").count() == 0
            feed.locator(".nk-tl-next").click()
            feed.locator("button.nk-tl-ignore:not([disabled]), .nk-tl-summary").first.wait_for(timeout=30_000)
        assert posts == 8
        spread.locator("button[data-whose=mine]").click()
        chart = spread.locator(".nk-cs-chart")
        chart.wait_for(timeout=60_000)
        assert chart.evaluate(SMALLEST_CHART_TEXT) >= 12  # was about 7 px with a 560-wide viewBox
        assert chart.evaluate("(svg) => svg.getBoundingClientRect().right <= document.documentElement.clientWidth")
        narrow_width = chart.evaluate("(svg) => svg.viewBox.baseVal.width")
        page.set_viewport_size({"width": 1024, "height": 740})  # turned or resized: drawn again, text the same size
        page.wait_for_function("(w) => document.querySelector('.nk-cs-chart').viewBox.baseVal.width > w + 100",
                               arg=narrow_width, timeout=30_000)
        assert spread.locator(".nk-cs-chart").evaluate(SMALLEST_CHART_TEXT) >= 12
        page.set_viewport_size({"width": 360, "height": 740})

        lab = page.locator(".nk-feed-lab")
        lab.locator(".nk-fd-panel").first.wait_for(timeout=WIDGET_TIMEOUT)
        names = lab.locator(".nk-fd-panel-name").all_inner_texts()
        assert [n[0] for n in names] == ["A", "B"], names
        a, b = (lab.locator(".nk-fd-panel").nth(i).bounding_box() for i in (0, 1))
        assert b["y"] >= a["y"] + a["height"] - 1  # one above the other: "left" and "right" would be wrong here
        lab.locator(".nk-fd-table summary").click()
        scroll = lab.locator(".nk-fd-table-scroll")
        assert scroll.get_attribute("role") == "region" and scroll.get_attribute("aria-label") == "グラフの数字を表で見る"
        page.wait_for_function("(w) => (w.scrollWidth > w.clientWidth + 1) === (w.getAttribute('tabindex') === '0')",
                               arg=scroll.element_handle(), timeout=30_000)
        if scroll.get_attribute("tabindex") == "0":  # too wide for the phone: Tab reaches it, an arrow key scrolls it
            scroll.focus()
            page.keyboard.press("ArrowRight")
            page.wait_for_function("(w) => w.scrollLeft > 0", arg=scroll.element_handle(), timeout=10_000)
        assert errors == []
    finally:
        context.close()
