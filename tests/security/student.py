"""What a curious student attacks the server with: plain HTTP requests and a small websocket client.

``Student`` keeps its cookies like one browser would, never follows redirects on its own (so a
test sees them), and talks to a kernel's websocket the way a lesson page does. Only 127.0.0.1.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field


@dataclass
class Response:
    status: int
    text: str
    headers: dict = field(default_factory=dict)

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), "")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Student:
    """One browser's worth of cookies, sending requests by hand to the server at ``base``."""

    def __init__(self, base: str):
        self.base = base if base.endswith("/") else base + "/"
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def request(self, method: str, path: str, data: bytes | dict | None = None, headers: dict | None = None,
                timeout: float = 120) -> Response:
        if isinstance(data, dict):
            data = urllib.parse.urlencode(data).encode()
        url = path if path.startswith("http") else self.base + path.lstrip("/")
        req = urllib.request.Request(url, data=data, method=method, headers={"Origin": self.base.rstrip("/"), **(headers or {})})
        try:
            with self.opener.open(req, timeout=timeout) as r:
                return Response(r.status, r.read().decode("utf-8", "replace"), dict(r.headers))
        except urllib.error.HTTPError as e:
            return Response(e.code, e.read().decode("utf-8", "replace"), dict(e.headers))

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data: dict | bytes | None = None, with_xsrf: bool = True, **kwargs) -> Response:
        """A form post; with the page's ``_xsrf`` value, as a form on one of the server's pages would send it."""
        if with_xsrf and isinstance(data, dict | None):
            data = {"_xsrf": self.cookie("_xsrf"), **(data or {})}
        return self.request("POST", path, data=data if data is not None else b"", **kwargs)

    def cookie(self, name: str) -> str:
        return next((c.value for c in self.jar if c.name == name), "")

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)

    def open_lesson(self, path: str = "voila/render/piracy/basics.ipynb") -> tuple[Response, str]:
        """A lesson page and the id of the kernel it was given ("" if none)."""
        page = self.get(path)
        return page, kernel_id_of(page.text)

    def kernel_socket(self, kernel_id: str, timeout: float = 10):
        """The kernel's websocket as the lesson page opens it (with this browser's cookies)."""
        from websockets.sync.client import connect

        url = self.base.replace("http://", "ws://") + f"api/kernels/{kernel_id}/channels?session_id={uuid.uuid4()}"
        return connect(url, additional_headers={"Cookie": self.cookie_header(), "Origin": self.base.rstrip("/")},
                       open_timeout=timeout, max_size=2**24)


def kernel_id_of(page: str) -> str:
    """The kernel id a Voilà page carries in its configuration."""
    found = re.search(r'"kernelId"\s*:\s*"([0-9a-f-]{36})"', page)
    return found.group(1) if found else ""


def shell_message(msg_type: str, content: dict, channel: str = "shell") -> str:
    """A Jupyter message as the page's kernel connection sends it over the websocket (JSON form)."""
    header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "student", "session": uuid.uuid4().hex,
              "date": "2026-12-01T00:00:00Z", "version": "5.3"}
    return json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content,
                       "channel": channel, "buffers": []})
