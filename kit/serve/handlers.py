"""Tornado handlers the kit adds to Voilà: the catalogue, and lesson pages whose tabs free kernels.

Stock Voilà's page asks the server to shut its kernel down when the tab closes, sending the
``_xsrf`` cookie value, but never sets that cookie, so the request is refused and the kernel
(about 100 MB) lives on. Lesson pages here set the cookie before the page streams.

The notebook a link names is decided once, on the normalised path inside the lessons folder
(``paths.py``), and that path is the one rendered. The link cannot choose a template or a theme
(``?theme=`` was written into the page unescaped), so it cannot opt out of the preheated pool either.
"""

from __future__ import annotations

from pathlib import Path

import tornado.web
from voila.handler import BaseVoilaHandler
from voila.tornado.handler import TornadoVoilaHandler

from kit.serve import catalogue, kernels, light, paths, publish
from kit.serve.capacity import ready_in_pool
from kit.serve.teacher_auth import is_teacher
from kit.text.ui import labels


class LessonHandler(TornadoVoilaHandler):
    """Voilà's notebook page, with the xsrf cookie set so that closing the tab frees the kernel."""

    def initialize(self, root: str = "", **kwargs):
        super().initialize(**kwargs)
        self.root = root

    async def prepare(self):
        await super().prepare()
        _ = self.xsrf_token  # sets the _xsrf cookie the page's shutdown beacon sends back
        requested = self.path_args[0] if self.path_args else ""
        shelf = self.settings.get("netkit_published")  # behind the hub: lessons teachers published (publish.py)
        rows = shelf.refresh() if shelf is not None and "published" in requested.casefold() else []
        notebook = paths.notebook_path(self.root, requested)
        if notebook is None:
            raise tornado.web.HTTPError(404)
        if shelf is not None and shelf.is_published(notebook) and not publish.visible(notebook, self._class(), rows):
            raise tornado.web.HTTPError(404)  # a published lesson only for the classes it was published for
        if paths.is_teacher_notebook(self.root, notebook) and not is_teacher(self):
            raise tornado.web.HTTPError(403)  # teacher notebooks need the passcode too
        self.path_args = [notebook]  # what was checked is what Voilà renders
        self.visit = self._visit()
        reason = self._full(notebook)
        book = self.settings.get("netkit_kernels")
        if reason == "address" and await book.reclaim(self.visit):  # a kernel its closed browser left behind
            reason = self._full(notebook)
        if reason:
            self._waiting_page(reason)

    def _class(self) -> str:
        from kit.store.classes import normalise_class

        return normalise_class(self.get_argument("class", ""))

    async def get(self, path=None):
        token = kernels.VISIT.set(self.visit)  # the kernel Voilà starts or takes is counted for, and owned by, this visit
        voilas = light.VOILAS_PAGE.set(self._asks_voilas_page())
        try:
            await super().get(path)
        except kernels.Full as full:
            if self._headers_written:
                raise
            self._waiting_page(full.reason)
        finally:
            light.VOILAS_PAGE.reset(voilas)
            kernels.VISIT.reset(token)

    def _asks_voilas_page(self) -> bool:
        """``?page=voila``: the light page met a widget it cannot draw (kit/serve/light.py)."""
        return light.ENABLED["on"] and self.get_argument("page", "") == "voila"

    def on_finish(self):
        """A lesson page served: its browser counts towards the lesson's pool once its kernel's websocket
        comes back with the cookie set here (``autopool.AutoPools.came_back``, from ``websocket.py``)."""
        pools = self.settings.get("netkit_autopools")
        visit = getattr(self, "visit", None)
        if (pools and visit is not None and not visit.teacher and self.request.method == "GET" and self.get_status() == 200
                and self.path_args and not paths.is_teacher_notebook(self.root, self.path_args[0])):
            pools.served(self.path_args[0], visit.browser)

    def head(self, path=None):
        """A monitoring probe: the page's status and headers without its body, and without starting a kernel."""
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.finish()

    def _visit(self) -> kernels.Visit:
        """This browser (its secret cookie, made on its first lesson page), address and role."""
        secret = self.get_cookie(kernels.BROWSER_COOKIE)
        if not kernels.valid_browser_secret(secret):
            secret = kernels.new_browser_secret()
            self.set_cookie(kernels.BROWSER_COOKIE, secret, httponly=True, samesite="Strict", path=self.base_url)
        return kernels.Visit(secret, self.request.remote_ip or "", is_teacher(self))

    def should_use_rendered_notebook(self, notebook_data, pool_size, template_name, theme, request_args):
        """Voilà skips the pool when the link names a template or theme; neither is honoured here. A pool's
        pages are rendered before their student arrives, so Voilà's page asked for by ``?page=voila`` is not one of them."""
        if light.VOILAS_PAGE.get():
            return False
        return super().should_use_rendered_notebook(notebook_data, pool_size, None, None, request_args)

    def _full(self, notebook: str) -> str | None:
        """Why no kernel can be had now ("server", "address"), before rendering; the start checks again."""
        book = self.settings.get("netkit_kernels")
        if book is None:
            return None
        return book.refusal(self.visit, new_kernel=not ready_in_pool(self.kernel_manager, notebook))

    def _waiting_page(self, reason: str = "server") -> None:
        """Beyond capacity: a page that says so kindly and tries again by itself."""
        lang = "en" if self.get_argument("lang", "ja") == "en" else "ja"
        template = self.settings["voila_jinja2_env"].get_template("waiting.html.j2")
        self.set_status(503)
        self.set_header("Retry-After", "10")
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(template.render(lang=lang, L=labels(lang), retry=10, reason=reason,
                                    static_url=self.base_url + "voila/templates/netkit/static/"))


class CatalogueHandler(BaseVoilaHandler):
    """The lesson list by topic and audience; built from notebook metadata, so no kernel starts."""

    def initialize(self, root: str, **kwargs):
        super().initialize(**kwargs)
        self.root = Path(root)

    @tornado.web.authenticated
    def get(self, path: str | None = None):
        lang = "en" if self.get_argument("lang", "ja") == "en" else "ja"
        _ = self.xsrf_token
        shelf = self.settings.get("netkit_published")
        if shelf is not None:  # a published lesson is listed only for its classes (``?class=`` of the student link)
            from kit.store.classes import normalise_class

            rows, klass = shelf.refresh(), normalise_class(self.get_argument("class", ""))
            entries = [e for e in catalogue.scan(self.root) if publish.visible(e.path, klass, rows)]
            mine = [e for e in entries if shelf.is_published(e.path)]
            entries = catalogue.today_only([e for e in entries if not shelf.is_published(e.path)],
                                           self.settings.get("netkit_today", [])) + mine
        else:
            entries = catalogue.today_only(catalogue.scan(self.root), self.settings.get("netkit_today", []))
        template = self.settings["voila_jinja2_env"].get_template("catalogue.html.j2")
        self.set_header("Cache-Control", "no-cache")
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(template.render(
            lang=lang, L=labels(lang), groups=catalogue.grouped(entries),
            base_url=self.base_url, static_url=self.base_url + "voila/templates/netkit/static/",
        ))

    head = get  # a school's monitoring probes with HEAD: the same status and headers, Tornado sends no body
