"""A small SVG writer on ElementTree: every text and attribute is escaped by the XML writer.

``Figure`` makes the root ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` the root is
labelled by, so a screen reader reads the picture's words; ``text``, ``rect``, ``line``, ``circle``
and ``path`` add shapes. Nothing here formats markup by hand, so a nickname such as
``"><svg onload=…>`` stays text.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET

from kit.analysis.charts.palette import colour, font

NS = "http://www.w3.org/2000/svg"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not allowed in XML: dropped from shown text


def clean(text: object) -> str:
    """``text`` as a string XML can carry (control characters removed)."""
    return CONTROL.sub("", str(text))


def width_of(text: str, size: float) -> float:
    """About how wide ``text`` is drawn at font size ``size``: full width for CJK, about half for the rest."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.56 for ch in text)


def fit(text: str, room: float, size: float) -> str:
    """``text`` cut with "…" so that it fits ``room`` pixels at ``size``."""
    text = " ".join(clean(text).split())
    if width_of(text, size) <= room:
        return text
    out = ""
    for ch in text:
        if width_of(out + ch + "…", size) > room:
            break
        out += ch
    return out + "…"


def _attrs(values: dict) -> dict[str, str]:
    """Keyword arguments as SVG attributes: ``stroke_width`` → ``stroke-width``, ``class_`` → ``class``."""
    return {k.rstrip("_").replace("_", "-"): str(v) for k, v in values.items()}


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


class Figure:
    """One chart: ``<svg role="img">`` labelled by its ``<title>`` and ``<desc>``."""

    def __init__(self, ident: str, width: float, height: float, title: str, desc: str, kind: str):
        self.root = ET.Element("svg", {
            "xmlns": NS, "viewBox": f"0 0 {_num(width)} {_num(height)}", "width": _num(width), "height": _num(height),
            "role": "img", "aria-labelledby": f"{ident}-title {ident}-desc", "id": ident,
            "class": f"nk-chart nk-chart-{kind}", "font-family": font(), "font-size": "13", "fill": colour("ink"),
        })
        ET.SubElement(self.root, "title", {"id": f"{ident}-title"}).text = clean(title)
        ET.SubElement(self.root, "desc", {"id": f"{ident}-desc"}).text = clean(desc)
        ET.SubElement(self.root, "rect", {"width": "100%", "height": "100%", "fill": colour("surface")})

    def group(self, parent: ET.Element | None = None, tip: str = "", **attrs) -> ET.Element:
        """A ``<g>``; ``tip`` becomes its ``<title>`` (shown on hover, read by screen readers)."""
        g = ET.SubElement(self.root if parent is None else parent, "g", _attrs(attrs))
        if tip:
            ET.SubElement(g, "title").text = clean(tip)
        return g

    def text(self, x: float, y: float, words: str, parent: ET.Element | None = None, **attrs) -> ET.Element:
        element = ET.SubElement(self.root if parent is None else parent, "text",
                                {"x": _num(x), "y": _num(y), **_attrs(attrs)})
        element.text = clean(words)
        return element

    def rect(self, x: float, y: float, w: float, h: float, parent: ET.Element | None = None, **attrs) -> ET.Element:
        return self._shape("rect", parent, x=_num(x), y=_num(y), width=_num(max(w, 0)), height=_num(max(h, 0)), **attrs)

    def line(self, x1: float, y1: float, x2: float, y2: float, parent: ET.Element | None = None, **attrs) -> ET.Element:
        return self._shape("line", parent, x1=_num(x1), y1=_num(y1), x2=_num(x2), y2=_num(y2), **attrs)

    def circle(self, cx: float, cy: float, r: float, parent: ET.Element | None = None, **attrs) -> ET.Element:
        return self._shape("circle", parent, cx=_num(cx), cy=_num(cy), r=_num(r), **attrs)

    def path(self, d: str, parent: ET.Element | None = None, **attrs) -> ET.Element:
        return self._shape("path", parent, d=d, **attrs)

    def _shape(self, tag: str, parent: ET.Element | None, **attrs) -> ET.Element:
        return ET.SubElement(self.root if parent is None else parent, tag, _attrs(attrs))

    def markup(self) -> str:
        """The figure as an SVG string, ready to put into an HTML page."""
        return ET.tostring(self.root, encoding="unicode", short_empty_elements=True)
