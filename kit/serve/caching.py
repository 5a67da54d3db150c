"""Cache headers for the page's static files, so a class's second visit asks the server for little.

Stock Voilà marks every script and stylesheet ``no-cache``: each page load revalidates about 90
files. Files whose names carry a content hash never change and are cached for a year; the rest
for an hour, so an upgraded kit is picked up within a lesson's break.
"""

from __future__ import annotations

import re

from jupyter_server.base.handlers import FileFindHandler
from voila.static_file_handler import MultiStaticFileHandler, TemplateStaticFileHandler

HASHED = re.compile(r"(^|[./-])[0-9a-f]{12,}([./-]|$)")
YEAR, HOUR = 31536000, 3600


def cache_control(path: str) -> str:
    """The Cache-Control value for a static file at ``path``."""
    name = path.rsplit("/", 1)[-1]
    if HASHED.search(name):
        return f"public, max-age={YEAR}, immutable"
    return f"public, max-age={HOUR}"


class _Cached:
    def set_headers(self) -> None:
        super().set_headers()
        self.set_header("Cache-Control", cache_control(self.request.path))


class CachedStaticHandler(_Cached, MultiStaticFileHandler):
    """Voilà's own scripts and styles."""


class CachedTemplateHandler(_Cached, TemplateStaticFileHandler):
    """Files of the page template (our CSS, the MathJax stand-in)."""


class CachedExtensionHandler(_Cached, FileFindHandler):
    """The widget extensions' scripts."""


REPLACEMENTS = {
    MultiStaticFileHandler: CachedStaticHandler,
    TemplateStaticFileHandler: CachedTemplateHandler,
    FileFindHandler: CachedExtensionHandler,
}
