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
