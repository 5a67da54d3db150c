"""Static files for a class: cached by browsers, and compressed once rather than per request.

Stock Voilà marks every script and stylesheet ``no-cache``: each page load revalidates about 90
files. Files whose names carry a content hash never change and are cached for a year; the rest
for an hour, so an upgraded kit is picked up within a lesson's break. A lesson page pulls about
60 scripts; compressing each anew for each of 40 students keeps a two-core server busy, so the
compressed bytes are kept in memory (about 1.5 MB for everything a lesson loads).
"""

from __future__ import annotations

import gzip
import os
import posixpath
import re
from functools import lru_cache

import tornado.web
from jupyter_server.base.handlers import FileFindHandler
from voila.static_file_handler import MultiStaticFileHandler, TemplateStaticFileHandler

HASHED = re.compile(r"(^|[./-])[0-9a-f]{12,}([./-]|$)")
YEAR, HOUR = 31536000, 3600
TEMPLATE_NAME = re.compile(r"[A-Za-z0-9_-]+")


def cache_control(path: str) -> str:
    """The Cache-Control value for a static file at ``path``."""
    name = path.rsplit("/", 1)[-1]
    if HASHED.search(name):
        return f"public, max-age={YEAR}, immutable"
    return f"public, max-age={HOUR}"


COMPRESSIBLE = (".js", ".css", ".json", ".svg", ".html", ".map", ".txt")


@lru_cache(maxsize=1024)
def _compressed(path: str, mtime: float, size: int) -> bytes:
    with open(path, "rb") as f:
        return gzip.compress(f.read(), compresslevel=9, mtime=0)


class _Cached:
    def set_headers(self) -> None:
        super().set_headers()
        self.set_header("Cache-Control", cache_control(self.request.path))

    async def get(self, path: str, include_body: bool = True) -> None:
        absolute = self._compressible(path)
        if absolute is None:
            return await super().get(path, include_body)
        stat = os.stat(absolute)
        body = _compressed(absolute, stat.st_mtime, stat.st_size)
        self.set_header("Content-Type", self.get_content_type())
        self.set_header("Content-Encoding", "gzip")  # tornado's own gzip then leaves it alone
        self.set_header("Vary", "Accept-Encoding")
        self.set_header("Cache-Control", cache_control(self.request.path))
        self.set_header("Etag", f'"{int(stat.st_mtime)}-{stat.st_size}-gz"')
        if self.request.headers.get("If-None-Match") == self._headers["Etag"]:
            self.set_status(304)
            return self.finish()
        self.finish(body if include_body else b"")

    def _compressible(self, path: str) -> str | None:
        if "gzip" not in self.request.headers.get("Accept-Encoding", "") or not path.endswith(COMPRESSIBLE):
            return None
        self.path = self.parse_url_path(path)
        found = self.get_absolute_path(self.root, self.path)  # Voilà's handler picks self.root here
        absolute = self.validate_absolute_path(self.root, found)
        if absolute is None or not os.path.isfile(absolute) or os.path.getsize(absolute) < 1024:
            return None
        self.absolute_path = absolute
        return absolute


class CachedStaticHandler(_Cached, MultiStaticFileHandler):
    """Voilà's own scripts and styles."""


class CachedTemplateHandler(_Cached, TemplateStaticFileHandler):
    """Files of the page template (our CSS, the MathJax stand-in).

    Only ``<template>/static/<file>`` after normalising: Voilà's handler answered 500 to a ``..``
    (it unpacks the normalised path into three parts) and looked up any template name given.
    """

    def parse_url_path(self, path: str) -> str:
        clean = posixpath.normpath(path.replace("\\", "/"))
        parts = clean.split("/", 2)
        if len(parts) != 3 or parts[1] != "static" or not TEMPLATE_NAME.fullmatch(parts[0]) or parts[2].startswith(".."):
            raise tornado.web.HTTPError(404)
        return super().parse_url_path(clean)


class CachedExtensionHandler(_Cached, FileFindHandler):
    """The widget extensions' scripts."""


REPLACEMENTS = {
    MultiStaticFileHandler: CachedStaticHandler,
    TemplateStaticFileHandler: CachedTemplateHandler,
    FileFindHandler: CachedExtensionHandler,
}
