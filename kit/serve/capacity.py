"""How many kernels the machine can hold, and refills of the preheated pool that do not stampede.

A kernel of a lesson takes about 60 MB; a school server may have 4 GB. Beyond ``max_kernels`` a
new student gets a friendly waiting page that retries by itself, not a blank page and not a
machine that swaps. When a class of 40 takes 40 preheated kernels at once, Voilà would start 40
replacements a second later, all at once, and starve the pages still being served; here they
start one after another.
"""

from __future__ import annotations

import time
from pathlib import Path

KERNEL_MB = 120  # what one lesson kernel may grow to, with room to spare
RESERVE_MB = 1024  # left for the server, the browser on the teacher's PC, the system


def available_mb(meminfo: str | None = None) -> int:
    """MemAvailable in MB (Linux); a cautious 4096 where it cannot be read."""
    try:
        text = meminfo if meminfo is not None else Path("/proc/meminfo").read_text()
    except OSError:
        return 4096
    for line in text.splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) // 1024
    return 4096


def default_max_kernels(meminfo: str | None = None) -> int:
    """How many lesson kernels fit in the memory available now (at least 4)."""
    return max(4, (available_mb(meminfo) - RESERVE_MB) // KERNEL_MB)


def stagger_refills(kernel_manager, spacing: float) -> None:
    """Make the pool's refills start ``spacing`` seconds apart instead of all at once."""
    original = kernel_manager.fill_if_needed
    state = {"next": 0.0}

    def fill_if_needed(delay=None, notebook_name=None, **kwargs):
        if delay is None:  # a refill after a student took a kernel (startup fills pass 0)
            now = time.monotonic()
            start = max(now + kernel_manager.fill_delay, state["next"])
            state["next"] = start + spacing
            delay = start - now
        return original(delay=delay, notebook_name=notebook_name, **kwargs)

    kernel_manager.fill_if_needed = fill_if_needed


def ready_in_pool(kernel_manager, notebook: str) -> int:
    """Preheated kernels of ``notebook`` that are started and waiting for a student."""
    pools = getattr(kernel_manager, "_pools", {})
    return sum(1 for task in pools.get(notebook, []) if task.done() and not task.cancelled() and not task.exception())
