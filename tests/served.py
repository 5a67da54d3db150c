"""``netkit serve`` started for a test: a free port on 127.0.0.1, a data folder, stopped by its process id.

Shared by the server, browser and security tests. Chromium is Debian's package, driven through
Playwright; without it a test skips with the reason, except in CI (``CI=true``), where a missing
Chromium fails so that the suite cannot pass by skipping.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kit.serve.wait import ServerNotReady, wait_until_serving

CHROMIUM = os.environ.get("NETKIT_CHROMIUM", "/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]
TEACHER_PASSCODE = "test-passcode-9"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


def require_chromium() -> None:
    """Skip without Chromium, but fail in CI."""
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Chromium is missing at {CHROMIUM}; CI must install Debian's chromium package")
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium); browser tests skipped")


@contextlib.contextmanager
def headless_chromium():
    """A headless Chromium (Playwright's Browser), closed afterwards."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_pids(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (kernels are the server's children)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def is_zygote(pid: int) -> bool:
    """Whether ``pid`` is a lesson folder's warm parent (``kit/zygote.py``) rather than a kernel."""
    try:
        return b"kit.zygote" in Path(f"/proc/{pid}/cmdline").read_bytes() and not is_zygote_child(pid)
    except OSError:
        return False


def is_zygote_child(pid: int) -> bool:
    try:
        parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        return b"kit.zygote" in Path(f"/proc/{parent}/cmdline").read_bytes()
    except (OSError, ValueError):
        return False


def kernel_pids(server_pid: int) -> set[int]:
    """The lesson kernels of a server: its children, or forked from its warm parents (kit/serve/forking.py)."""
    kernels = set()
    for pid in child_pids(server_pid):
        if is_zygote(pid):
            kernels |= child_pids(pid)
        else:
            kernels.add(pid)
    return kernels


class Server:
    """A running ``netkit serve``: its URL, process and data folder.

    ``env`` adds environment variables to the server's own (for example a passcode given the way
    a school's service file would give it).
    """

    def __init__(self, folder: Path, data_dir: Path, extra: list[str] | None = None, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.data_dir = data_dir
        self.log = open(data_dir.parent / f"serve-{self.port}.log", "w")
        extra = list(extra or [])
        if "--kernels-per-address" not in extra:
            # Every test client is 127.0.0.1, like a whole class behind one proxy: one device's limit
            # would turn later tests away. tests/security/test_kernels.py tests that limit on its own.
            extra += ["--kernels-per-address", "0"]
        if "--auto-pool" not in extra and "--no-auto-pool" not in extra:
            # A pool that starts itself would start up to a class of kernels for every lesson a test
            # opens; tests/serve/test_autopool.py tests it on its own.
            extra += ["--no-auto-pool"]
        if os.environ.get("NETKIT_TEST_VOILA_PAGE") and not {"--light-page", "--no-light-page"} & set(extra):
            extra += ["--no-light-page"]  # run the tests on Voilà's page (the light page is the default, kit/serve/light.py)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kit", "serve", str(folder), "--host", "127.0.0.1", "--port", str(self.port),
             "--data-dir", str(data_dir), *extra],
            stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
        )
        try:
            wait_until_serving(self.url, self.proc, timeout=240)  # a loaded 2-core machine imports Voilà slowly
        except ServerNotReady as exc:
            self.stop()
            raise RuntimeError(f"netkit serve did not start ({exc}); see {self.log.name}") from None

    def kernels(self) -> set[int]:
        return kernel_pids(self.proc.pid)

    def output(self) -> str:
        """What the server has printed and logged so far."""
        self.log.flush()
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()
