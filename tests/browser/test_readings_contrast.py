"""The contrast check of readings (<rt>) and the words under them (<ruby>) that stands in for axe's color-contrast
rule on them (tests/browser/conftest.py)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import serious_violations

PAGE = """<!doctype html><html lang="ja"><body style="background:#fff"><main>
<p style="color:#222"><ruby style="color:{base}">漢字<rt style="color:{rt}">かんじ</rt></ruby>を読む</p>
<p style="background:#1d3557;color:#fff"><ruby>読<rt>よ</rt></ruby>む</p></main></body></html>"""


@pytest.mark.parametrize(("base", "rt", "found"), [("#222", "#222", False), ("#222", "#aaa", True),
                                                   ("#222", "rgba(34, 34, 34, 0.4)", True), ("#aaa", "#222", True)])
def test_a_faint_reading_or_word_under_it_is_a_serious_finding_and_a_dark_one_is_not(one_chromium, base, rt, found):
    """A faint word under readings is found too: axe's color-contrast rule leaves ``<ruby>`` to this check."""
    page = one_chromium.new_page()
    try:
        page.set_content(PAGE.replace("{rt}", rt).replace("{base}", base))
        readings = [v for v in serious_violations(page) if v[0] == "reading-contrast"]
        assert bool(readings) is found, readings
        if found:
            assert "漢字" in readings[0][2][0]
        assert [v for v in serious_violations(page) if v[0] == "color-contrast"] == []
    finally:
        page.close()
