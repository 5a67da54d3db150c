"""The contrast check of readings (<rt>) that stands in for axe's color-contrast rule on them (tests/browser/conftest.py)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import serious_violations

PAGE = """<!doctype html><html lang="ja"><body style="background:#fff"><main>
<p style="color:#222"><ruby>漢字<rt style="color:{rt}">かんじ</rt></ruby>を読む</p>
<p style="background:#1d3557;color:#fff"><ruby>読<rt>よ</rt></ruby>む</p></main></body></html>"""


@pytest.mark.parametrize(("rt", "found"), [("#222", False), ("#aaa", True), ("rgba(34, 34, 34, 0.4)", True)])
def test_a_faint_reading_is_a_serious_finding_and_a_dark_one_is_not(one_chromium, rt, found):
    page = one_chromium.new_page()
    try:
        page.set_content(PAGE.replace("{rt}", rt))
        readings = [v for v in serious_violations(page) if v[0] == "reading-contrast"]
        assert bool(readings) is found, readings
        if found:
            assert "漢字" in readings[0][2][0]
    finally:
        page.close()
