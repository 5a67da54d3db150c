"""Browser tests: ``netkit serve`` on a free port, driven in Debian's headless Chromium.

On a laptop without Chromium these tests skip with the reason; in CI (``CI=true``) a missing
Chromium is a failure, so the suite cannot pass by skipping them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.served import (  # noqa: F401  (re-exported: browser tests import them from here)
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    TEACHER_PASSCODE,
    Server,
    child_pids,
    free_port,
    headless_chromium,
    require_chromium,
)

_require_chromium = require_chromium  # the name browser tests already use


# The contrast of readings (<rt>) and of the words they stand over (the text of each <ruby>) against what is
# behind them, at the 4.5:1 small text needs (stricter than axe's 3:1 for large text). axe's own color-contrast
# rule finds each text's background from the elements stacked at its points; on a page with readings (~1,500
# <ruby> in a 高校生 lesson) that took 100-180 s of a 2-core machine for the <rt> and half the rest of axe's run
# for the <ruby> bases, against 1-3 s without them. A ruby's background is its ancestors' (the kit draws nothing
# over a reading or its word), so it is read from them; the same words in the same colours, without <ruby>, get
# axe's full color-contrast rule on the page in Japanese.
READINGS_CONTRAST = """(within) => {
  const rgba = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return [r, g, b, a]; };
  const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  const background = (el) => { const layers = [];
    for (let p = el; p; p = p.parentElement) { const c = rgba(getComputedStyle(p).backgroundColor); if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    return layers.reverse().reduce((bg, c) => over(c, bg), [255, 255, 255]); };
  const found = [];
  const scope = (tag) => within === 'document' ? tag : within.split(',').map((s) => s + ' ' + tag).join(',');
  const own = (el) => el.tagName === 'RT' ? el.textContent.trim()  // a ruby's own text is its base, not its <rt>
    : [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.data.trim());
  for (const rt of document.querySelectorAll(scope('rt') + ',' + scope('ruby'))) {
    const s = getComputedStyle(rt);
    if (s.display === 'none' || s.visibility === 'hidden' || !own(rt)) continue;
    const bg = background(rt), fg = over(rgba(s.color) || [0, 0, 0, 1], bg), opacity = Number(s.opacity);
    const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = opacity < 1 ? 0 : (hi + 0.05) / (lo + 0.05);
    if (ratio < 4.5) found.push(`${rt.closest('ruby')?.innerText.replace(/\\s+/g, '').slice(0, 12)} ${ratio.toFixed(2)}:1`);
  }
  return found.slice(0, 3);
}"""


def serious_violations(page, context: str = "document") -> list:
    """axe-core's serious and critical findings on the page (or within the ``context`` selector).

    axe comes from the axe-playwright-python package and is evaluated once per page: nothing is
    fetched from the internet. Its experimental rules run too: one of them,
    ``label-content-name-mismatch``, is how a button with readings gets a name that differs from
    what a student sees on it. Readings (``<rt>``) are left out of axe's run, and the words under
    them (``<ruby>``) out of its color-contrast rule only (every other rule still sees them): the
    contrast of both is checked by ``READINGS_CONTRAST`` instead (4.5:1, in a fraction of the time).
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        import axe_playwright_python

        # Evaluated, not added as a <script>: the kit's Content-Security-Policy runs no inline script.
        page.evaluate((Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8"))
        page.evaluate("() => axe.configure({rules: [{id: 'color-contrast', selector: '*:not(ruby)'}]})")
    include = "document" if context == "document" else repr(context)
    if context != "document":  # axe.run throws when nothing matches: wait for a part redrawn by the last key press
        page.wait_for_function(f"() => document.querySelector({include}) !== null", timeout=15_000)
    target = "{exclude: [['rt']]}" if context == "document" else f"{{include: [[{include}]], exclude: [['rt']]}}"
    result = page.evaluate(f"""async () => await axe.run({target}, {{resultTypes: ['violations'],
        rules: Object.fromEntries(axe.getRules(['experimental']).map((r) => [r.ruleId, {{enabled: true}}]))}})""")
    found = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
             for v in result["violations"] if v["impact"] in ("serious", "critical")]
    readings = page.evaluate(READINGS_CONTRAST, context)
    return found + ([("reading-contrast", "serious", readings)] if readings else [])


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    _require_chromium()
    data = tmp_path_factory.mktemp("results")
    srv = Server(REPO, data, ["--teacher-passcode", TEACHER_PASSCODE])
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """``netkit serve`` of the fixture school (tests/fixtures: the demo lessons and their content), one for the
    session: the tests that use it each answer under a student name of their own."""
    from tests.conftest import FIXTURES

    _require_chromium()
    root = tmp_path_factory.mktemp("school")
    shutil.copytree(FIXTURES / "lessons", root / "lessons")
    shutil.copytree(FIXTURES / "datasets", root / "datasets")
    srv = Server(root, root / "results")
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def lab_school(tmp_path_factory):
    """``netkit serve`` of a school of one-component lessons (tests/browser/lab_lessons.py), one for the
    session: the flaming lab, post checker and spread lab tests each open their own lesson in it (one cold
    start of Voilà instead of three)."""
    from tests.browser.lab_lessons import write_lab_lessons

    _require_chromium()
    root = tmp_path_factory.mktemp("labschool")
    shutil.copytree(REPO / "datasets", root / "datasets")
    write_lab_lessons(root / "lessons")
    srv = Server(root, root / "results")
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser(one_chromium):
    return one_chromium


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ja-JP", viewport={"width": 1024, "height": 768})
    pg = context.new_page()
    pg.requested_urls = []
    pg.on("request", lambda r: pg.requested_urls.append(r.url))
    pg.page_errors = []  # uncaught errors in the page's scripts
    pg.on("pageerror", lambda e: pg.page_errors.append(str(e)))
    yield pg
    context.close()
    assert pg.page_errors == [], "an uncaught error in the page's scripts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
