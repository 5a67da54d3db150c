"""A lesson kernel's memory and CPU caps hold, and reaching one ends the kernel with a line for the teacher.

``kit.kernel.limit`` is what every served lesson kernel runs first (``test_kernel_comms.py`` checks the
served kernels carry the caps); here it is applied to a small Python process, which then asks for
more than its cap, as a runaway lesson would.
"""

from __future__ import annotations

import subprocess
import sys

from kit.serve.kernelspec import DEFAULT_CPU_SECONDS, DEFAULT_MEMORY_MB, StudentKernelSpecManager, kernel_argv


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_memory_beyond_the_cap_is_refused():
    done = run("from kit.kernel import limit\nlimit(300, 0)\ntry:\n    x = bytearray(600 * 2**20)\n"
               "except MemoryError:\n    print('refused')\nelse:\n    print('allowed')\ny = bytearray(50 * 2**20)\nprint('ok')")
    assert done.stdout.split() == ["refused", "ok"], done.stderr  # and what fits still works


def test_a_kernel_over_its_cpu_budget_stops_and_says_why():
    done = run("from kit.kernel import _log_to_terminal, limit\n_log_to_terminal()\nlimit(0, 1)\nwhile True:\n    pass")
    assert done.returncode == 3
    assert "reached its cpu cap" in done.stderr and "Traceback" not in done.stderr


def test_served_kernels_start_through_the_capped_launcher():
    manager = StudentKernelSpecManager()
    spec = manager.get_kernel_spec("python3")
    assert spec.argv == kernel_argv(DEFAULT_MEMORY_MB, DEFAULT_CPU_SECONDS)
    assert spec.argv[1:3] == ["-m", "kit.kernel"] and "{connection_file}" in spec.argv
    # far above a played lesson's kernel (about 200 MB of data segment and 3-7 CPU seconds)
    assert DEFAULT_MEMORY_MB >= 3 * 200 and DEFAULT_CPU_SECONDS >= 100 * 7
