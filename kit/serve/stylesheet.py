"""Voilà's styles as a plain stylesheet, so the page does not run 340 kB of JavaScript to get them.

Stock Voilà's page gets JupyterLab's CSS (about 310 kB in 63 parts) from ``voila-style.js``, a
script in the page's head that builds one ``<style>`` element per part while the page is being
parsed: about 0.1 s of the main thread before anything else can happen, on every visit. The same
CSS, recorded once from that script by ``tools/record_preload.py``, is linked here as a stylesheet,
which the browser parses without running a script, and which is compressed once and cached.

The recording names the SHA-256 of the script it came from in its first line. It is used only
while that very script is installed (Voilà is pinned, but a school may upgrade it); otherwise the
page loads ``voila-style.js`` exactly as stock Voilà does.
"""

from __future__ import annotations

import hashlib
import html
import re
from functools import lru_cache
from pathlib import Path

from kit.serve.preload import TEMPLATE_STATIC, locate

STYLESHEET = TEMPLATE_STATIC / "voila-style.css"
SCRIPT = "voila/static/voila-style.js"
URL = "voila/templates/netkit/static/voila-style.css"
_RECORDED = re.compile(r"/\* netkit: recorded from voila-style\.js sha256=([0-9a-f]{64}) \*/")


def header(script_sha256: str) -> str:
    """The first line of a recorded stylesheet (written by ``tools/record_preload.py``)."""
    return f"/* netkit: recorded from voila-style.js sha256={script_sha256} */\n"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def recorded_from(stylesheet: Path | None = None) -> str | None:
    """The SHA-256 of the script the stylesheet was recorded from, or None if there is no recording."""
    try:
        with open(stylesheet or STYLESHEET, encoding="utf-8") as f:
            match = _RECORDED.match(f.readline())
    except OSError:
        return None
    return match.group(1) if match else None


@lru_cache(maxsize=1)
def usable() -> bool:
    """Whether the recorded stylesheet matches the installed ``voila-style.js``."""
    script = locate(SCRIPT)
    recorded = recorded_from()
    return bool(script and recorded and sha256(script) == recorded)


def stylesheet_link(base_url: str) -> str:
    """The ``<link>`` to the recorded stylesheet, or "" when the page must run the script instead.

    A Jinja filter (``base_url | netkit_voila_style``); the template falls back to Voilà's own
    ``include_js("static/voila-style.js")`` when this is empty.
    """
    if not usable():
        return ""
    base = base_url if base_url.endswith("/") else base_url + "/"
    return f'<link rel="stylesheet" type="text/css" href="{html.escape(base + URL)}">'
