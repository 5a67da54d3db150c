"""Error pages a student can act on, and one sentence for the teacher in the terminal.

Stock Voilà answers a wrong address, a server error or a kernel that cannot start with a bare
English page ("500: Internal Server Error", Font Awesome from a CDN), and a failing cell with
"There was an error when executing cell [3]". Here every HTML page of the server renders
``error_page.html.j2`` in the kit's style, in Japanese (English with ``?lang=en``), saying what
to do; a failing cell shows a card (``cell_problem_html``, through the ``netkit`` template);
the teacher's terminal gets one sentence naming the cause and the fix (``teacher_sentence``),
not a traceback. Nothing a student sees names a Python exception.
"""

from __future__ import annotations

import html
import logging
import sys
import traceback

import tornado.web
from tornado.websocket import WebSocketHandler

from kit.text.cli_text import say
from kit.text.ui import labels

log = logging.getLogger("netkit.serve")

KINDS = {403: "forbidden", 404: "not_found", 503: "busy"}
_said: set[str] = set()  # teacher sentences already printed: forty students, one line


def kind_of(status_code: int, exception: BaseException | None) -> str:
    """What went wrong, as the page explains it: not_found, forbidden, busy, kernel or server."""
    if exception is not None and is_kernel_problem(exception):
        return "kernel"
    return KINDS.get(status_code, "server")


def is_kernel_problem(exception: BaseException) -> bool:
    """True when the lesson's kernel could not be found or started."""
    from jupyter_client.kernelspec import NoSuchKernel

    if isinstance(exception, NoSuchKernel):
        return True
    message = getattr(exception, "log_message", None) or str(exception)
    if "No Jupyter kernel" in message or "Kernel died" in message:
        return True
    # raised while jupyter_client was launching the kernel (a kernel spec naming a missing program, …)
    return any(frame.f_globals.get("__name__", "").startswith("jupyter_client")
               for frame, _line in traceback.walk_tb(exception.__traceback__))


def teacher_sentence(kind: str, exception: BaseException | None, where: str = "") -> str | None:
    """The one line the teacher reads in the terminal, or None when there is nothing to fix."""
    cause = _cause(exception)
    if kind == "kernel":
        message = getattr(exception, "log_message", None) or str(exception)
        if "No Jupyter kernel" in message or type(exception).__name__ == "NoSuchKernel":
            return say("serve_no_kernel", python=sys.executable)
        return say("serve_kernel_failed", cause=cause, python=sys.executable)
    if kind == "server":
        return say("serve_server_error", where=where, cause=cause)
    return None


def _cause(exception: BaseException | None) -> str:
    if exception is None:
        return "?"
    text = getattr(exception, "log_message", None) or str(exception) or ""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return f"{type(exception).__name__}: {line[:200]}" if line else type(exception).__name__


def tell_teacher(sentence: str | None) -> None:
    """Print ``sentence`` to the teacher's terminal, once per server run."""
    if sentence and sentence not in _said:
        _said.add(sentence)
        print(sentence, file=sys.stderr, flush=True)


def page_language(handler: tornado.web.RequestHandler) -> str:
    try:
        return "en" if handler.get_argument("lang", "ja") == "en" else "ja"
    except Exception:  # a malformed query string must not break the error page itself
        return "ja"


def render_error_page(handler: tornado.web.RequestHandler, status_code: int, kind: str) -> str:
    """The page a student sees for ``kind``, from the ``netkit`` template."""
    lang = page_language(handler)
    base = handler.settings.get("base_url", "/")
    template = handler.settings["voila_jinja2_env"].get_template("error_page.html.j2")
    return template.render(lang=lang, L=labels(lang), kind=kind, status=status_code, base_url=base,
                           static_url=base + "voila/templates/netkit/static/")


class ErrorPages:
    """Mixin for every HTML handler of the server: a kind page instead of tornado's or Voilà's."""

    def write_error(self, status_code: int, **kwargs) -> None:
        exc_info = kwargs.get("exc_info")
        exception = exc_info[1] if exc_info else None
        kind = kind_of(status_code, exception)
        path = getattr(self.request, "path", "")
        if status_code >= 500 or "/voila/render/" in path:  # the server's or a lesson's problem, not a typo in a link
            tell_teacher(teacher_sentence(kind, exception, path))
        if self._headers_written:  # the page had started to stream: nothing more can be said to the browser
            return
        self.clear_header("Content-Encoding")
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        if status_code == 503:
            self.set_header("Retry-After", "10")
        try:
            self.finish(render_error_page(self, status_code, kind))
        except Exception:  # the template itself failed: still no traceback for the student
            log.exception("the error page could not be drawn")
            self.finish(f"<!DOCTYPE html><meta charset=utf-8><p>{html.escape(labels('ja')['error_server_title'])}</p>")

    def log_exception(self, typ, value, tb) -> None:
        """An uncaught exception: one sentence for the teacher (the traceback only with --debug)."""
        if isinstance(value, tornado.web.HTTPError):
            return super().log_exception(typ, value, tb)
        log.debug("uncaught exception in %s", self.request.path, exc_info=(typ, value, tb))


class NoKernelTracebacks(logging.Filter):
    """A kernel that fails to start is logged by jupyter_client with its traceback; the teacher gets the one line.

    (The sentence with the fix follows from ``ErrorPages.write_error``.)
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and "jupyter_client" in record.pathname:
            record.exc_info = None
            record.exc_text = None
        return True


_wrapped: dict[type, type] = {}


def with_error_pages(handler: type) -> type:
    """``handler`` with the kit's error pages (APIs keep their JSON errors, websockets their close codes)."""
    from jupyter_server.base.handlers import APIHandler

    if not isinstance(handler, type) or issubclass(handler, (APIHandler, WebSocketHandler, ErrorPages)):
        return handler
    if handler not in _wrapped:
        _wrapped[handler] = type(handler.__name__, (ErrorPages, handler), {"__module__": handler.__module__})
    return _wrapped[handler]


class NotFoundPage(ErrorPages, tornado.web.RequestHandler):
    """Any address the server does not know."""

    def prepare(self):
        raise tornado.web.HTTPError(404)


def cell_problem_html(output) -> str:
    """The card shown in place of a failing cell's output (a filter of the ``netkit`` template).

    Both languages are in the page; the page's ``lang`` (``?lang=en``) shows one (netkit.css).
    """
    parts = []
    for lang in ("ja", "en"):
        text = labels(lang)
        parts.append(f'<p lang="{lang}"><strong>{html.escape(text["cell_problem_title"])}</strong> '
                     f'{html.escape(text["cell_problem_body"])}</p>')
    return f'<div class="nk-cell-problem" role="note">{"".join(parts)}</div>'


def use_kit_executor() -> None:
    """Voilà's executor, with one sentence to the teacher when a lesson's cell fails.

    Voilà builds ``VoilaExecutor`` by name in ``voila.notebook_renderer``; the kit's subclass takes
    its place there so that the cause is printed before Voilà strips it from the page.
    """
    import voila.notebook_renderer as renderer
    from voila.execute import VoilaExecutor

    from kit.notebook import netkit_of

    if getattr(renderer.VoilaExecutor, "netkit", False):
        return

    class KitExecutor(VoilaExecutor):
        netkit = True

        def strip_code_cell_errors(self, cell):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error" and output.get("ename") not in ("ExecutionError", "TimeoutError"):
                    meta = (netkit_of(self.nb) if self.nb is not None else None) or {}
                    lesson = meta.get("id") or meta.get("title_ja") or "?"
                    tell_teacher(say("serve_cell_failed", lesson=lesson, cell=cell.get("execution_count") or "?",
                                     cause=f"{output.get('ename')}: {str(output.get('evalue', ''))[:200]}"))
            return super().strip_code_cell_errors(cell)

    renderer.VoilaExecutor = KitExecutor
