"""Record which scripts a lesson page loads (``kit/serve/preload.txt``). A developer tool.

Serves the classroom benchmark's lesson with ``netkit serve``, opens it in headless Chromium and
writes every script the page fetched (paths under the base URL, in the order asked for). Run it
again after upgrading Voilà, ipywidgets or anywidget:

    python tools/record_preload.py
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from kit.serve.wait import wait_until_serving

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "benchmarks" / "classroom" / "kit"
OUT = ROOT / "kit" / "serve" / "preload.txt"
HEADER = """\
# Scripts a lesson page loads, announced with <link rel="preload"> (see kit/serve/preload.py).
# Recorded by tools/record_preload.py; entries not installed here are skipped at start.
"""


def main() -> int:
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as data:
        server = subprocess.Popen([sys.executable, "-m", "kit", "serve", str(LESSON), "--host", "127.0.0.1",
                                   "--port", str(port), "--data-dir", data, "--teacher-passcode", "record"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}/"
            wait_until_serving(base, server, timeout=240)
            scripts: list[str] = []
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
                page = browser.new_page()
                page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
                page.goto(base + "voila/render/quiz/quiz.ipynb")
                page.locator(".nk-quiz-card legend").first.wait_for(timeout=120_000)
                page.wait_for_load_state("networkidle")
                browser.close()
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(30)
    paths = [u[len(base):] for u in scripts if u.startswith(base)]
    paths = [p for p in dict.fromkeys(paths) if p.startswith(("voila/static/", "voila/labextensions/",
                                                              "voila/templates/netkit/static/mathjax"))]
    OUT.write_text(HEADER + "\n".join(paths) + "\n", encoding="utf-8")
    print(f"{len(paths)} scripts written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
