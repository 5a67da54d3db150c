"""Scripts a lesson page will need, announced in its head so the browser fetches them at once.

Voilà's page discovers its ~75 scripts in three waves: ``voila.js`` asks for its ~56 chunks, the
chunks run and then ask for the widget extensions' entry points, and those ask for their own
chunks, and the widget controls come last, after the kernel has answered. Each wave waits for the
one before. ``<link rel="preload">`` for all of them lets the browser fetch every wave while the
first one runs, so only running the JavaScript is left.

The list (``preload.txt``, paths under the server's base URL) is recorded from a real page by
``tools/record_preload.py``; a file that is not installed here (another version of an extension)
is left out, so a stale entry costs nothing. The same files are compressed once at start
(``kit.serve.warm``), so the first student does not wait for that either.
"""

from __future__ import annotations

import html
import os
import sys
from functools import lru_cache
from pathlib import Path

LIST = Path(__file__).with_name("preload.txt")
TEMPLATE_STATIC = Path(__file__).resolve().parent / "jupyter" / "voila" / "templates" / "netkit" / "static"


def _data_roots() -> list[Path]:
    from jupyter_core.paths import jupyter_path

    roots = [Path(p) for p in jupyter_path()]
    roots.append(Path(sys.prefix) / "share" / "jupyter")
    return list(dict.fromkeys(roots))


def locate(path: str) -> Path | None:
    """The installed file behind a URL path such as ``voila/static/5764.voila.js``, or None."""
    path = path.split("?", 1)[0]
    parts = path.split("/")
    if ".." in parts:
        return None
    candidates: list[Path] = []
    if path.startswith("voila/static/"):
        rest = path[len("voila/static/"):]
        candidates = [root / "voila" / "templates" / "base" / "static" / rest for root in _data_roots()]
    elif path.startswith("voila/labextensions/"):
        rest = path[len("voila/labextensions/"):]
        import voila

        package_ext = Path(voila.__file__).parent / "labextensions"
        candidates = [root / "labextensions" / rest for root in _data_roots()]
        candidates += [root / "voila" / "labextensions" / rest for root in _data_roots()]
        candidates.append(package_ext / rest.split("/", 1)[-1])  # @voila-dashboards/x → x
    elif path.startswith("voila/templates/netkit/static/"):
        candidates = [TEMPLATE_STATIC / path[len("voila/templates/netkit/static/"):]]
    return next((c for c in candidates if c.is_file()), None)


@lru_cache(maxsize=1)
def preload_paths() -> tuple[tuple[str, str], ...]:
    """(URL path, installed file) of every listed script that is installed here."""
    if os.environ.get("NETKIT_NO_PRELOAD"):
        return ()
    try:
        lines = LIST.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    found = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        file = locate(line)
        if file is not None:
            found.append((line, str(file)))
    return tuple(found)


def preload_links(base_url: str) -> str:
    """``<link rel="preload">`` tags for the page's scripts (a Jinja filter: ``base_url | netkit_preload``)."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    return "\n".join(
        f'<link rel="preload" as="script" href="{html.escape(base + path)}">' for path, _ in preload_paths()
    )
