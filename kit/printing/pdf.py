"""Print an HTML page to PDF with Chromium (Chrome or Edge work too) through Playwright.

Chromium lays out Japanese text well, embeds the fonts a page uses and needs no system libraries
beyond itself, unlike WeasyPrint (Pango, Cairo). Playwright comes with the ``print`` extra; the
browser is Chromium from the system (``NETKIT_CHROMIUM``, ``chromium``, ``google-chrome``,
``msedge``) or Playwright's own. The page is set from a string: nothing is fetched.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "msedge", "microsoft-edge")
WINDOWS = ("C:/Program Files/Google/Chrome/Application/chrome.exe",
           "C:/Program Files (x86)/Microsoft/Edge/Application/msedge.exe")


class PrintUnavailable(RuntimeError):
    """No Playwright or no browser to print with; its text is the browser's own error, empty when Playwright is missing."""


def find_browser() -> str | None:
    """The path of a Chromium-family browser on this computer, or None (Playwright's own is tried then)."""
    env = os.environ.get("NETKIT_CHROMIUM")
    if env and Path(env).exists():
        return env
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in WINDOWS if Path(p).exists()), None)


def html_to_pdf(page_html: str, out: Path) -> Path:
    """Write ``page_html`` as an A4 PDF at ``out``; ``PrintUnavailable`` if nothing can print."""
    return html_to_pdfs([(page_html, out)])[0]


def html_to_pdfs(pages: list[tuple[str, Path]]) -> list[Path]:
    """Write each (HTML, path) as an A4 PDF, with one browser for all of them.

    Starting Chromium takes most of a second; printing every lesson starts it once. Playwright's
    synchronous API refuses to run where an asyncio loop is running (a notebook, a server), so the
    printing runs in a thread of its own. ``PrintUnavailable`` if nothing can print.
    """
    import threading

    result: dict = {}

    def work():
        try:
            result["paths"] = _print(pages)
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller's thread
            result["error"] = exc

    thread = threading.Thread(target=work, name="netkit-print", daemon=True)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["paths"]


def _print(pages: list[tuple[str, Path]]) -> list[Path]:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise PrintUnavailable() from None  # the extra is missing: the hint says what to install, Python's words add nothing
    executable = find_browser()
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, headless=True,
                                        args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            try:
                for page_html, out in pages:
                    page = browser.new_page()
                    page.route("**/*", lambda route: route.abort() if not route.request.url.startswith("data:")
                               else route.continue_())
                    page.set_content(page_html, wait_until="load")
                    page.evaluate("document.fonts.ready.then(() => true)")
                    out.parent.mkdir(parents=True, exist_ok=True)
                    page.pdf(path=str(out), format="A4", print_background=True, prefer_css_page_size=True)
                    page.close()
                    written.append(out)
            finally:
                browser.close()
    except Error as exc:
        raise PrintUnavailable(str(exc)) from None
    return written
