"""``netkit doctor``: the server's half of the check before a lesson, one line each, ✓ or what to do.

Python and its lesson kernel, Chromium for printing, the memory and the class it holds, the
addresses students can use and whether the port answers on them, the results folder. The
students' half is the ``/check`` page (``kit/serve/check.py``), opened on a student's device.
Each check is a small function with its inputs injectable, so tests need no particular machine.
"""

from __future__ import annotations

import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from kit.text.cli_text import say


@dataclass(frozen=True)
class Finding:
    """One line of the report: fine, what to do, or a note on something optional (ok, so the exit status stays 0)."""

    ok: bool
    text: str
    note: bool = False  # an optional extra is missing: worth knowing, nothing a lesson needs

    def line(self) -> str:
        return ("・ " if self.note else "✓ " if self.ok else "✗ ") + self.text


def python_check(version: tuple[int, ...] = tuple(sys.version_info[:3]), executable: str = sys.executable) -> Finding:
    shown = ".".join(map(str, version))
    if tuple(version[:2]) < (3, 10):
        return Finding(False, say("doctor_python_old", version=shown))
    return Finding(True, say("doctor_python", version=shown, executable=executable))


def kernel_check(specs: dict[str, str] | None = None, ipykernel_version: str | None = "") -> Finding:
    """The lessons' Python kernel: a kernel spec for Python and ipykernel installed beside the server."""
    if specs is None:
        from jupyter_client.kernelspec import KernelSpecManager

        specs = KernelSpecManager().find_kernel_specs()
    if ipykernel_version == "":
        try:
            from importlib.metadata import version

            ipykernel_version = version("ipykernel")
        except Exception:
            ipykernel_version = None
    if not ipykernel_version or "python3" not in specs:
        return Finding(False, say("doctor_no_kernel", python=sys.executable))
    return Finding(True, say("doctor_kernel", version=ipykernel_version))


def chromium_check(browser: str | None = "", playwright: bool | None = None) -> Finding:
    """Chromium (and Playwright) for ``netkit print --to pdf``."""
    if browser == "":
        from kit.printing.pdf import find_browser

        browser = find_browser()
    if playwright is None:
        import importlib.util

        playwright = importlib.util.find_spec("playwright") is not None
    # Printing is optional (the lessons never need it): what is missing is a note, not a failure.
    if not browser:
        return Finding(True, say("doctor_no_chromium"), note=True)
    if not playwright:
        return Finding(True, say("doctor_no_playwright", browser=browser), note=True)
    return Finding(True, say("doctor_chromium", browser=browser))


def memory_check(class_size: int = 40, meminfo: str | None = None, forked: bool = True) -> Finding:
    """The memory available now and how many students' kernels it holds (``kit.serve.capacity``):
    kernels forked from a warm parent, as ``netkit serve`` starts them unless ``--no-fork-kernels``."""
    from kit.serve.capacity import available_mb, default_max_kernels, kernel_mb

    per = kernel_mb(forked)
    free, kernels = available_mb(meminfo), default_max_kernels(meminfo, per)
    values = {"free": f"{free / 1024:.1f}", "kernels": kernels, "per": per, "class_size": class_size}
    if kernels < class_size:
        return Finding(False, say("doctor_memory_short", **values))
    return Finding(True, say("doctor_memory", **values))


def address_checks(port: int, addresses: list[str] | None = None, answers=None) -> list[Finding]:
    """One line per address students can use: does ``netkit serve`` answer there?"""
    from kit.serve.network import interface_addresses, port_answers

    addresses = interface_addresses() if addresses is None else addresses
    answers = answers or port_answers
    if not addresses:
        return [Finding(False, say("doctor_no_network"))]
    local = answers("127.0.0.1", port)
    found = []
    for address in addresses:
        link = f"http://{address}:{port}/"
        if answers(address, port):
            found.append(Finding(True, say("doctor_address", link=link)))
        elif local:
            found.append(Finding(False, say("doctor_address_local_only", link=link, port=port)))
        else:
            found.append(Finding(False, say("doctor_address_not_running", link=link, port=port)))
    return found


def data_dir_check(folder: Path) -> Finding:
    """The results folder exists (or can be made) and takes a file."""
    probe = folder / f".netkit-doctor-{uuid.uuid4().hex}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_text("ok", "utf-8")
        probe.unlink()
    except OSError as exc:
        return Finding(False, say("doctor_data_dir_bad", folder=folder, why=exc.strerror or exc))
    return Finding(True, say("doctor_data_dir", folder=folder))


def report(port: int = 8866, data_dir: Path | None = None, class_size: int = 40) -> list[Finding]:
    """Every check on this machine, in the order the teacher reads them."""
    from kit.store import data_dir as default_data_dir

    return [python_check(), kernel_check(), chromium_check(), memory_check(class_size),
            *address_checks(port), data_dir_check(data_dir or default_data_dir())]
