"""At start, compress what every lesson page loads: the preloaded scripts (``kit.serve.preload``), in the
background, so the first student does not wait for it."""

from __future__ import annotations

import logging
import os
import threading

from kit.serve.caching import _compressed
from kit.serve.preload import preload_paths

log = logging.getLogger(__name__)


def warm_compression() -> threading.Thread:
    """Compress the listed scripts in the background, so the first page does not wait."""
    files = [file for _, file in preload_paths()]

    def run():
        for file in files:
            try:
                stat = os.stat(file)
                if stat.st_size >= 1024:
                    _compressed(file, stat.st_mtime, stat.st_size)
            except OSError:
                log.debug("could not compress %s", file)

    thread = threading.Thread(target=run, name="netkit-compress", daemon=True)
    thread.start()
    return thread
