"""Slider change to new picture in headless Chromium, for the spread lab on 1,000 and 10,000 people.

A lesson with ``lesson.spread_lab("scale-free:N")`` is served by ``netkit serve`` on 127.0.0.1; the
page moves the first slider (alternating two values) and measures, inside the page, from the
slider's ``change`` event to the first animation frame after the lab has drawn the new run
(``data-version`` goes up once both panels and curves are drawn). The time includes the message
to the kernel, both simulations, the transfer of the states and the drawing.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from kit.serve.wait import wait_until_serving

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("NETKIT_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

MEASURE = """async (el, value) => {
  const lab = el.closest('.nk-spread');
  const before = Number(lab.dataset.version);
  const t0 = performance.now();
  const done = new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      if (Number(lab.dataset.version) > before) { watch.disconnect(); requestAnimationFrame(() => resolve(performance.now())); }
    });
    watch.observe(lab, { attributes: true, attributeFilter: ['data-version'] });
  });
  el.value = String(value);
  el.dispatchEvent(new Event('input'));
  el.dispatchEvent(new Event('change'));
  return (await done) - t0;
}"""


def _lesson(path: Path, network: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["netkit"] = {"id": "misinformation-bench", "topic": "misinformation", "audience": "中学生", "minutes": 15,
                             "title_ja": "ベンチマーク", "title_en": "Benchmark", "summary_ja": "-", "summary_en": "-"}
    nb.cells = [nbformat.v4.new_code_cell('from kit.lesson import Lesson\nlesson = Lesson("misinformation-bench")'),
                nbformat.v4.new_code_cell(f'lesson.spread_lab("{network}")')]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(sizes=(1000, 10_000), changes: int = 30, screenshots: Path | None = None) -> dict:
    """Median and p95 milliseconds from slider change to new picture, per network size."""
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="spread-bench-"))
    shutil.copytree(REPO / "datasets", folder / "datasets")
    for n in sizes:
        _lesson(folder / "lessons" / f"lab{n}.ipynb", f"scale-free:{n}")
    port = _free_port()
    log = open(folder / "serve.log", "w")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen([sys.executable, "-m", "kit", "serve", str(folder), "--host", "127.0.0.1", "--port", str(port),
                               "--data-dir", str(folder / "data")], stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/"
    results = {}
    try:
        wait_until_serving(url, server, timeout=240)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            for n in sizes:
                page = browser.new_page(viewport={"width": 1024, "height": 900})
                page.goto(f"{url}voila/render/lab{n}.ipynb")
                lab = page.locator(".nk-spread")
                lab.wait_for(timeout=180_000)
                page.wait_for_function("(el) => Number(el.dataset.version || 0) > 0", arg=lab.element_handle(), timeout=180_000)
                slider = lab.locator('input[data-name="share_false"]')
                times = []
                for i in range(changes + 3):
                    ms = slider.evaluate(MEASURE, [0.3, 0.4][i % 2] if i else 0.45)
                    if i >= 3:  # the first changes warm the kernel and the page up
                        times.append(ms)
                times.sort()
                results[str(n)] = {"changes": len(times), "median_ms": statistics.median(times),
                                   "p95_ms": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
                                   "min_ms": times[0], "max_ms": times[-1]}
                if screenshots is not None:
                    page.set_viewport_size({"width": 1024, "height": 2000})
                    lab.screenshot(path=str(screenshots / f"spread_lab_{n}.png"))
                page.close()
            browser.close()
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(folder, ignore_errors=True)
    return results
