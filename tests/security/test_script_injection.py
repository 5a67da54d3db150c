"""A link that writes a script into the page: the script does not run, and the lesson still works.

Voilà wrote ``?theme=`` into the page unescaped, so ``?theme="><script>…</script>`` ran on every
lesson page: opened by a logged-in teacher it could read the dashboard and the exports. Template
and theme overrides are now off, and every response carries a Content-Security-Policy that runs
only the server's own script files (``kit/serve/headers.py``).
"""

from __future__ import annotations

from urllib.parse import quote, urlparse

import pytest

from tests.security.conftest import TEACHER_ONLY  # noqa: F401  (the fixture school)

WIDGET_TIMEOUT = 90_000  # ms: a lesson page on a loaded 2-core machine
INJECTED = '"><script>window.__injected = 1</script><img src=x onerror="window.__injected = 2">'


def not_local(urls):
    return [u for u in urls if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).hostname != "127.0.0.1"]


@pytest.fixture
def tab(chromium):
    context = chromium.new_context(locale="ja-JP")
    page = context.new_page()
    page.requested = []
    page.on("request", lambda r: page.requested.append(r.url))
    page.csp = []  # the browser's reports of anything the policy refused
    page.on("console", lambda m: page.csp.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    context.close()


@pytest.mark.parametrize("parameter", ["theme", "template"])
def test_a_script_in_the_link_does_not_run_and_the_lesson_works(served, tab, parameter):
    tab.goto(served.url + f"voila/render/piracy/basics.ipynb?{parameter}={quote(INJECTED)}")
    tab.locator(".nk-quiz-card legend").first.wait_for(timeout=WIDGET_TIMEOUT)  # the lesson's widgets run
    assert tab.evaluate("() => window.__injected") is None
    assert "window.__injected = 1</script>" not in tab.content()
    assert not_local(tab.requested) == []


def test_the_lab_template_from_a_link_loads_nothing_from_the_internet(served, student):
    page = student.get("voila/render/piracy/basics.ipynb?template=lab&theme=dark")
    assert page.status == 200
    assert "cdn.jsdelivr.net" not in page.text and "fontawesome" not in page.text.lower()
    assert "theme-light" in page.text  # the classroom's page and theme, whatever the link says


def test_a_lesson_page_runs_under_the_policy_without_refusals(served, tab):
    """The policy refuses nothing the lesson itself needs (no inline script, no eval)."""
    tab.goto(served.url + "voila/render/defamation/basics.ipynb")
    card = tab.locator(".nk-quiz-card").first
    card.locator("legend").wait_for(timeout=WIDGET_TIMEOUT)
    card.locator("label.nk-choice").first.click()
    card.locator("button.nk-submit").click()
    card.locator(".nk-feedback").wait_for(timeout=30_000)
    assert tab.csp == []
    assert tab.locator("#rendered_cells").is_visible() and tab.locator("#loading").count() == 0


def test_the_catalogue_join_form_works_under_the_policy(served, tab):
    tab.goto(served.url)
    tab.fill("#nk-class", "2-3")
    tab.fill("#nk-name", "<script>window.__injected=1</script>")
    tab.click("#nk-join button")
    assert "2-3" in tab.locator("#nk-join-status").inner_text()
    assert tab.evaluate("() => window.__injected") is None
    assert tab.csp == []


@pytest.mark.parametrize("path", [
    "", "voila/tree", "voila/render/piracy/basics.ipynb", "teacher/login", "teacher/", "no/such/page",
    "voila/render/no-such.ipynb", "voila/templates/netkit/static/netkit.css", "voila/static/voila.js",
])
def test_every_response_carries_the_script_policy(student, path):
    r = student.get(path)
    policy = r.header("Content-Security-Policy")
    assert "script-src 'self' blob:" in policy, (path, r.status, policy)
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]
    assert "unsafe-eval" not in policy
    assert r.header("X-Content-Type-Options") == "nosniff"


@pytest.mark.parametrize("path", ["", "voila/render/piracy/basics.ipynb", "teacher/login", "teacher/", "no/such/page"])
def test_the_kits_pages_carry_no_inline_script_the_policy_would_refuse(teacher, path):
    """A template that gained an inline script would silently stop working under the policy: keep them files."""
    import re

    page = teacher.get(path)
    inline = [m.group(0)[:80] for m in re.finditer(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", page.text, re.S | re.I)
              if m.group(2).strip() and not re.search(r'type="application/(json|vnd\.[^"]+)"', m.group(1))
              and not re.search(r"\bon[a-z]+\s*=", m.group(0))]
    handlers = re.findall(r"<[a-z][^>]*\son[a-z]+\s*=", page.text, re.I)
    assert inline == [] and handlers == [], (path, inline, handlers[:3])
