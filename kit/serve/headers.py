"""Headers on every response the kit serves: a Content-Security-Policy that runs only the server's own scripts.

Set as a tornado output transform, so it covers every page and file alike: the catalogue, lesson
pages, the teacher's pages, the waiting page, error pages and static files, whichever handler (ours,
Voilà's or Jupyter's) answered. A script written into a page — by a link parameter, a nickname, a
cell output — does not run: the pages themselves carry no inline script (their scripts are files
under the template's ``static/``).

- ``script-src 'self' blob:``: anywidget turns each component's JavaScript (sent by the kernel as
  text) into a ``blob:`` URL and imports it; a page needs script already running to make one.
  No ``'unsafe-inline'`` and no ``'unsafe-eval'``: the lesson pages work without them.
- ``connect-src``: the server itself and its websockets (older Safari does not count ``ws:`` as
  ``'self'``), nothing else.
- ``style-src 'unsafe-inline'``: JupyterLab's widgets set styles inline; styles cannot run code.
"""

from __future__ import annotations

import re

import tornado.web

HOST = re.compile(r"[A-Za-z0-9.\-]+(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?")


def content_security_policy(host: str) -> str:
    """The policy for a response to a request made to ``host`` (the Host header)."""
    sockets = f" ws://{host} wss://{host}" if HOST.fullmatch(host or "") else ""
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' blob:",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        f"connect-src 'self'{sockets}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ])


class SecurityHeaders(tornado.web.OutputTransform):
    """Adds the policy and its companions to the first chunk of every response."""

    def __init__(self, request):
        super().__init__(request)
        self.host = request.host or ""

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        headers["Content-Security-Policy"] = content_security_policy(self.host)
        headers["X-Content-Type-Options"] = "nosniff"
        if "Referrer-Policy" not in headers:
            headers["Referrer-Policy"] = "same-origin"
        return status_code, headers, chunk


def transforms(compress: bool = True) -> list:
    """The output transforms of the kit's tornado application."""
    return [tornado.web.GZipContentEncoding, SecurityHeaders] if compress else [SecurityHeaders]
