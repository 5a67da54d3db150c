"""The student link as a QR code: text for the terminal (``netkit serve --qr``), SVG for the teacher page.

segno is pure Python and needs nothing from the internet; the SVG is drawn as paths inside the page.
"""

from __future__ import annotations

import io


def qr_svg(url: str, title: str = "") -> str:
    """An inline ``<svg>`` of ``url`` as a QR code, scaled by CSS, with ``title`` for screen readers."""
    import segno

    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=6, border=2, xmldecl=False, svgns=True,
                                     title=title or url, svgclass="nk-qr", lineclass=None, dark="#000", light="#fff")
    return out.getvalue().decode("utf-8")


def qr_text(url: str) -> str:
    """``url`` as a QR code drawn with block characters, for a terminal or a screenshot."""
    import segno

    out = io.StringIO()
    segno.make(url, error="m").terminal(out, compact=True, border=2)
    return out.getvalue()
