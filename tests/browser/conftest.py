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


def serious_violations(page, context: str = "document") -> list:
    """axe-core's serious and critical findings on the page (or within the ``context`` selector).

    axe comes from the axe-playwright-python package and is evaluated once per page: nothing is
    fetched from the internet. Its experimental rules run too: one of them,
    ``label-content-name-mismatch``, is how a button with readings gets a name that differs from
    what a student sees on it.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        import axe_playwright_python

        # Evaluated, not added as a <script>: the kit's Content-Security-Policy runs no inline script.
        page.evaluate((Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8"))
    target = "document" if context == "document" else repr(context)
    if context != "document":  # axe.run throws when nothing matches: wait for a part redrawn by the last key press
        page.wait_for_function(f"() => document.querySelector({target}) !== null", timeout=15_000)
    result = page.evaluate(f"""async () => await axe.run({target}, {{resultTypes: ['violations'],
        rules: Object.fromEntries(axe.getRules(['experimental']).map((r) => [r.ruleId, {{enabled: true}}]))}})""")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


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
