"""Lesson kernels start as the kit's student kernel, with their memory and CPU caps.

Voilà asks its kernel spec manager for the notebook's kernel (``python3``); this one answers with the
same spec whose command is ``python -m kit.kernel --memory-mb M --cpu-seconds S -f {connection_file}``
(``kit/kernel.py``: caps, only the widget manager's comm from the browser, no tracebacks to the
page). Any other kernel a notebook names is refused by Voilà as before: the kit serves Python lessons.
With ``fork`` the spec names the kit's provisioner (``forking.py``): the kernel is forked from its
lesson folder's warm parent instead of started afresh, with the same command line.
"""

from __future__ import annotations

import sys

from jupyter_client.kernelspec import KernelSpecManager
from traitlets import Bool, Integer

DEFAULT_MEMORY_MB = 768  # a played lesson's kernel: about 260 MB of data segment, 90–110 MB resident
DEFAULT_CPU_SECONDS = 1200  # a played lesson's kernel: 3–7 CPU seconds, most of them imports


def kernel_argv(memory_mb: int, cpu_seconds: int) -> list[str]:
    """The command that starts one student kernel."""
    return [sys.executable, "-m", "kit.kernel", f"--memory-mb={memory_mb}", f"--cpu-seconds={cpu_seconds}",
            "-f", "{connection_file}"]


class StudentKernelSpecManager(KernelSpecManager):
    """Kernel specs whose Python kernels are the kit's capped student kernel."""

    memory_mb = Integer(DEFAULT_MEMORY_MB, config=True, help="Most memory (data segment, MB) one lesson kernel may use; 0: no cap.")
    cpu_seconds = Integer(DEFAULT_CPU_SECONDS, config=True, help="Most CPU seconds one lesson kernel may use; 0: no cap.")
    fork = Bool(False, config=True, help="Fork lesson kernels from a warm parent per lesson folder (shared memory).")

    def get_kernel_spec(self, kernel_name: str):
        spec = super().get_kernel_spec(kernel_name)
        if spec.language.lower() == "python":
            spec.argv = kernel_argv(self.memory_mb, self.cpu_seconds)
            if self.fork:
                from kit.serve.forking import provisioner_stanza

                spec.metadata = {**(spec.metadata or {}), **provisioner_stanza()}
        return spec
