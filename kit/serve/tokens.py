"""The kit's design tokens and base card for the server's own pages, from the components' files.

``widgets/_tokens.css`` (colours, spacing, radii, fonts as CSS custom properties) and
``widgets/_common.css`` (the base card ``.nk-card``, readings, focus) are written once, beside the
components; each component's stylesheet gets them in front (``kit.widgets._assets``). The lesson
page, the catalogue, ``/check``, the error and teacher pages link the same two files, served
joined at ``voila/templates/netkit/static/netkit-base.css`` (before Voilà's handler for that folder),
so ``netkit.css``, ``catalogue.css`` and ``teacher.css`` write ``var(--nk-blue)``, never a colour.
"""

from __future__ import annotations

from functools import cache

import tornado.web

from kit.content.paths import bundled_root

URL = "voila/templates/netkit/static/netkit-base.css"
PARTS = ("_tokens.css", "_common.css")


@cache
def stylesheet() -> bytes:
    """The tokens and the shared component rules, as one stylesheet."""
    folder = bundled_root() / "widgets"
    return "\n".join((folder / name).read_text("utf-8") for name in PARTS).encode("utf-8")


class BaseStylesheetHandler(tornado.web.RequestHandler):
    """Serves :func:`stylesheet`, cached by browsers for an hour like the template's other files."""

    def get(self) -> None:
        self.set_header("Content-Type", "text/css; charset=utf-8")
        self.set_header("Cache-Control", "public, max-age=3600")
        self.finish(stylesheet())


def handlers(base: str) -> list:
    from jupyter_server.utils import url_path_join

    return [(url_path_join(base, "/" + URL.replace(".", r"\.")), BaseStylesheetHandler)]
