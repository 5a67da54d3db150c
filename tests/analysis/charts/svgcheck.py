"""What every chart must be: one well-formed SVG a screen reader can name, with no markup from its data."""

from __future__ import annotations

import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = ('<script>alert(1)</script>', '"><svg onload=alert(1)>', "a&b </text><text>")


def parsed(markup: str) -> ET.Element:
    """The chart parsed as XML, after checking it is labelled by its own title and description."""
    root = ET.fromstring(markup)
    assert root.tag == NS + "svg" and root.get("role") == "img"
    ids = root.get("aria-labelledby").split()
    found = {el.get("id"): el for el in root.iter() if el.get("id")}
    assert [found[i].tag for i in ids] == [NS + "title", NS + "desc"]
    assert all(found[i].text and found[i].text.strip() for i in ids)
    return root


def texts(root: ET.Element) -> list[str]:
    """Every text drawn in the chart, in order."""
    return [el.text or "" for el in root.iter(NS + "text")]


def words(root: ET.Element) -> str:
    """Everything a person can read or hear from the chart: drawn text, titles and the description."""
    return " ".join(el.text or "" for el in root.iter() if el.tag in (NS + "text", NS + "title", NS + "desc"))


def assert_inert(markup: str) -> None:
    """No element or attribute came from the data: only the chart's own shapes, no script, no handler."""
    root = ET.fromstring(markup)
    tags = {el.tag.removeprefix(NS) for el in root.iter()}
    assert tags <= {"svg", "title", "desc", "g", "rect", "line", "circle", "path", "text"}, tags
    assert not [a for el in root.iter() for a in el.attrib if a.lower().startswith("on")]
    assert "<script" not in markup and "<svg onload" not in markup
