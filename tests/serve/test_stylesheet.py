"""Voilà's CSS is linked as the recorded stylesheet only while it matches the installed script."""

from __future__ import annotations

import re

from kit.serve import preload, stylesheet


def test_the_recording_matches_the_installed_voila_style_script():
    # Voilà is pinned; after an upgrade, re-run tools/record_preload.py
    assert stylesheet.recorded_from() == stylesheet.sha256(preload.locate(stylesheet.SCRIPT))
    stylesheet.usable.cache_clear()
    assert stylesheet.usable()


def test_the_recording_has_no_address_of_the_machine_it_was_made_on():
    css = stylesheet.STYLESHEET.read_text(encoding="utf-8")
    assert "127.0.0.1" not in css and "localhost" not in css and "http://" not in css.replace("http://www.w3.org", "")
    fonts = set(re.findall(r"url\((\.\./\.\./\.\./static/[^)#?]+)", css))
    assert fonts, "the font URLs point at Voilà's static folder"
    for url in fonts:
        assert preload.locate("voila/static/" + url.rsplit("/", 1)[-1]) is not None, url


def test_link_carries_the_base_url(monkeypatch):
    monkeypatch.setattr(stylesheet, "usable", lambda: True)
    assert stylesheet.stylesheet_link("/school") == (
        '<link rel="stylesheet" type="text/css" href="/school/voila/templates/netkit/static/voila-style.css">')


def test_a_stale_recording_falls_back_to_voilas_script(tmp_path, monkeypatch):
    stale = tmp_path / "voila-style.css"
    stale.write_text(stylesheet.header("0" * 64) + "body { color: red }\n", encoding="utf-8")
    monkeypatch.setattr(stylesheet, "STYLESHEET", stale)
    stylesheet.usable.cache_clear()
    try:
        assert stylesheet.recorded_from(stale) == "0" * 64
        assert not stylesheet.usable()
        assert stylesheet.stylesheet_link("/") == ""
    finally:
        stylesheet.usable.cache_clear()


def test_no_recording_falls_back_too(tmp_path):
    assert stylesheet.recorded_from(tmp_path / "missing.css") is None
    plain = tmp_path / "plain.css"
    plain.write_text("body {}\n", encoding="utf-8")
    assert stylesheet.recorded_from(plain) is None
