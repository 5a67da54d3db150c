"""Several netkit instances behind one hub: each class is pinned to one instance, and moves when it dies.

A lesson's state lives in its kernel and its websocket must reach that kernel, so all of a class's
students are served by one instance. Instances share one PostgreSQL: each says it is serving every
``HEARTBEAT_SECONDS`` (``Heartbeat``, table ``instances``), and ``netkit route`` (a small hub
service at its own prefix, e.g. ``/services/netkit/``) sends each student to their class's
instance: ``/services/netkit/voila/render/quiz.ipynb?class=2-1`` → ``/services/netkit-a/voila/render/quiz.ipynb?class=2-1``.
A class without an instance, or whose instance stopped saying it serves (or refuses connections),
is pinned to the live instance with the fewest classes (table ``classes``). A student whose
instance died opens the same link again (the lesson page's notice does it): the class is on
another instance, the browser's token (localStorage, the same origin for every instance) finds
its stored answers, and the lesson goes on from them (``kit.sitting``). Every acknowledged answer
was committed to the database before its feedback showed.

A link without a class gets a page asking for it (students have no account; the class code is all
they give).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlencode, urlsplit

HEARTBEAT_SECONDS = 2.0
LIVE_SECONDS = 6.0  # an instance not heard from for this long is taken for dead
CONNECT_TIMEOUT_S = 0.5
RESUME_ENV = "NETKIT_RESUME_PREFIX"  # set by netkit serve --hub: the router's path (from --student-url)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Instance:
    name: str
    prefix: str  # behind the hub's proxy: /services/netkit-a/
    url: str  # where the proxy reaches it: http://10.0.0.5:8866
    seen_at: str


def heard_lately(instances, now: datetime | None = None, live_seconds: float = LIVE_SECONDS) -> list[Instance]:
    """The instances that said they were serving in the last ``live_seconds``."""
    now = now or datetime.now(timezone.utc)
    since = (now - timedelta(seconds=live_seconds)).isoformat(timespec="milliseconds")
    return [i for i in (Instance(*row) for row in instances) if i.seen_at >= since]


def reachable(url: str, timeout: float = CONNECT_TIMEOUT_S) -> bool:
    """Whether something accepts connections at ``url``'s host and port (a killed instance does not)."""
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 80), timeout=timeout):
            return True
    except OSError:
        return False


def choose(class_code: str, pins: dict[str, str], live: list[str]) -> str | None:
    """The instance for ``class_code``: where it is pinned while that one lives, else the live one with fewest classes."""
    if not live:
        return None
    pinned = pins.get(class_code)
    if pinned in live:
        return pinned
    load = {name: 0 for name in live}
    for instance in pins.values():
        if instance in load:
            load[instance] += 1
    return min(live, key=lambda name: (load[name], name))


def forwarded_path(path: str) -> str:
    """The part of a link after the router's prefix, kept only when it is a plain path inside an instance."""
    path = path.lstrip("/")
    if "//" in path or "\\" in path or ".." in path.split("/") or ":" in path.split("/")[0]:
        return ""
    return path


def resume_prefix(_base_url: str = "") -> str:
    """The router's path a lesson page sends its student to when its server is gone ("" on one machine).

    A Jinja filter of the lesson page (``data-resume-url``, ``static/netkit-stopped.js``).
    """
    return os.environ.get(RESUME_ENV, "")


class Heartbeat:
    """An instance saying, every few seconds, that it serves (a thread: the store's calls block)."""

    def __init__(self, name: str, prefix: str, url: str, logger=None, every: float = HEARTBEAT_SECONDS):
        self.name, self.prefix, self.url, self.every = name, prefix, url, every
        self.log = logger or log
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="netkit-heartbeat", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        from kit.store import open_store

        store, failures = None, 0
        while not self._stop.is_set():
            try:
                store = store or open_store()
                store.heartbeat(self.name, self.prefix, self.url)
                failures = 0
            except Exception as error:  # the database restarting: say it again on the next beat
                failures += 1
                if failures == 1:
                    self.log.warning("netkit instance %s could not tell the database it serves: %s", self.name, error)
                if store is not None:
                    store.close()
                store = None
            self._stop.wait(self.every)


def template_folder() -> Path:
    return Path(__file__).resolve().parent / "jupyter" / "voila" / "templates" / "netkit"


def make_router(prefix: str, open_store, check_reachable=reachable):
    """The router's tornado application at ``prefix`` (``open_store()`` gives the shared store)."""
    import jinja2
    import tornado.web
    from jupyter_server.utils import url_path_join

    from kit.serve import tokens
    from kit.store.classes import normalise_class
    from kit.text.ui import labels

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(template_folder()), autoescape=True)

    class RouteHandler(tornado.web.RequestHandler):
        def set_default_headers(self):
            self.set_header("Cache-Control", "no-store")
            self.set_header("X-Frame-Options", "DENY")

        def get(self, path: str = ""):
            path = forwarded_path(path)
            lang = "en" if self.get_argument("lang", "ja") == "en" else "ja"
            class_code = normalise_class(self.get_argument("class", ""))
            teacher = path.startswith("teacher")
            if not class_code and not teacher:
                self._page(lang, "route.html.j2", path=path, status=200)
                return
            store = open_store()
            try:
                pins = store.pins()
                live = [i for i in heard_lately(store.instances()) if check_reachable(i.url)]
                by_name = {i.name: i for i in live}
                target = sorted(by_name)[0] if teacher and by_name else choose(class_code, pins, sorted(by_name))
                if target is None:
                    self._page(lang, "route.html.j2", path=path, status=503, down=True)
                    return
                if not teacher and pins.get(class_code) != target:
                    if class_code in pins:
                        log.warning("class %s moves from instance %s to %s", class_code, pins[class_code], target)
                    store.pin(class_code, target)
            finally:
                store.close()
            query = [(k, v) for k, vs in self.request.query_arguments.items() for v in vs]
            query = [(k, v.decode("utf-8", "replace")) for k, v in query]
            self.redirect(by_name[target].prefix + path + ("?" + urlencode(query) if query else ""))

        def _page(self, lang: str, name: str, path: str, status: int, down: bool = False) -> None:
            self.set_status(status)
            if status == 503:
                self.set_header("Retry-After", "10")
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            keep = {k: self.get_argument(k) for k in ("name", "lang") if self.get_argument(k, "")}
            self.finish(env.get_template(name).render(
                L=labels(lang), lang=lang, action=prefix + path, keep=keep, down=down,
                static_url=prefix + "voila/templates/netkit/static/"))

    return tornado.web.Application([
        *tokens.handlers(prefix),
        (url_path_join(prefix, r"/(.*)"), RouteHandler),
        (prefix.rstrip("/"), RouteHandler),
    ], xheaders=True)
