"""What browser tests do on a served lesson page: wait for its widgets, answer a quiz card with the
mouse, wait for a condition with a deadline, and list requests that left the machine.

A helper shared by the browser tests (no tests here).
"""

from __future__ import annotations

import time
from urllib.parse import urlparse

WIDGET_TIMEOUT = 90_000  # ms: a lesson page on a loaded 2-core machine

# Every visible button whose text has kanji but no readings (a young reader cannot read it).
BUTTONS_WITHOUT_READINGS = """() => [...document.querySelectorAll('button')]
    .filter(b => b.offsetParent && /[\u4e00-\u9fff]/.test(b.textContent) && !b.querySelector('ruby'))
    .map(b => b.className + ': ' + b.textContent.trim())"""

# Words a child reads without readings in a lesson with furigana: kanji outside <ruby> in a visible button, a
# choice's label, the help card or a hint under choices; and readings on a control that CSS does not draw (they
# move from <rt> to data-reading, see quietReadings in widgets/_common.js, and only _common.css shows them).
WORDS_WITHOUT_READINGS = """() => {
  const kanji = /[\u4e00-\u9fff\u3005]/, found = [];
  for (const el of document.querySelectorAll('button, label, .nk-help, .nk-help-router, .nk-sc-hint, .nk-mg-hint')) {
    if (!el.offsetParent) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (kanji.test(n.data) && !n.parentElement.closest('ruby')) { found.push(el.className + ': ' + n.data.trim().slice(0, 40)); break; }
    }
    for (const rt of el.querySelectorAll('rt[data-reading]')) {
      if (getComputedStyle(rt, '::before').content === 'none') { found.push(el.className + ': reading not drawn ' + rt.dataset.reading); break; }
    }
  }
  return found;
}"""


def only_local(urls):
    """The requested URLs that are not on 127.0.0.1 (a lesson page must make none)."""
    return [u for u in urls if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).hostname != "127.0.0.1"]


def wait_until(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.25)
    raise AssertionError(f"not within {seconds}s: {what}")


def answer_with_mouse(card):
    if card.locator(".nk-order").count():
        card.locator(".nk-move:not([disabled])").first.click()
    else:
        card.locator("label.nk-choice").first.click()
    card.locator("button.nk-submit").click()
