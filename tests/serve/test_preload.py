"""The lesson page announces its scripts; listed files that are not installed are left out."""

from __future__ import annotations

from kit.serve import preload


def test_listed_scripts_are_found_where_installed():
    listed = [line for line in preload.LIST.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    found = [path for path, _ in preload.preload_paths()]
    assert len(listed) > 50
    # Voilà is pinned, so its own chunks are always there; a newer widget package renames its
    # files and those entries are skipped (re-run tools/record_preload.py after upgrading).
    assert [p for p in listed if p.startswith("voila/static/")] == [p for p in found if p.startswith("voila/static/")]
    assert set(found) <= set(listed) and len(found) > 50


def test_locate_maps_url_paths_to_installed_files():
    assert preload.locate("voila/static/voila.js").name == "voila.js"
    assert preload.locate("voila/static/no-such-chunk.js") is None
    assert preload.locate("voila/static/../../../../etc/passwd") is None
    assert preload.locate("files/secret.csv") is None


def test_links_carry_the_base_url_and_escape_the_query(monkeypatch):
    monkeypatch.setattr(preload, "preload_paths",
                        lambda: (("voila/static/a.js", "/x/a.js"), ("voila/t/m.js?a=1&amp;b=2", "/x/m.js")))
    links = preload.preload_links("/school").splitlines()
    assert links[0] == '<link rel="preload" as="script" href="/school/voila/static/a.js">'
    assert 'href="/school/voila/t/m.js?a=1&amp;amp;b=2"' in links[1]  # the page asks for "&amp;" literally
