"""The teacher's page after a class took the misinformation lesson: the pictures are there, named, and alive.

A made-up class of 2-3 (``tools/simulated_class.py``: 24 students answering the shipped bank,
two with hostile nicknames) is in the store; the teacher opens the class's results and sees the
live progress, each student's pre → post lines, the d′/c plot with the published reference, and the
per-question bars. A new answer stored while the page is open appears in the progress picture
without the page reloading, and no nickname runs as script.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from kit.store import Answer, open_store
from tests.browser.conftest import REPO, TEACHER_PASSCODE, Server, _require_chromium, serious_violations
from tools.simulated_class import simulated_class

HOSTILE = ['<script>window.__injected=1</script>', '"><svg onload="window.__injected=2">']
LESSON, BANK = "misinformation-basics", "quizzes/misinformation_basics.yaml"


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    _require_chromium()
    data = tmp_path_factory.mktemp("results")
    store = open_store(data / "results.sqlite3")
    names = HOSTILE + [f"{n}" for n in range(3, 25)]
    for a in simulated_class(REPO / "datasets", BANK, LESSON, "2-3", students=24, per_student=16, seed=3, names=names,
                             start=datetime.now(timezone.utc).replace(microsecond=0)):
        store.record(a)
    store.close()
    srv = Server(REPO, data, ["--teacher-passcode", TEACHER_PASSCODE])
    yield srv, data
    srv.stop()


def test_the_class_results_show_four_named_pictures_that_stay_current(school, page):
    srv, data = school
    page.goto(srv.url + f"teacher/?class=2-3&lesson={LESSON}")
    page.fill("input[name=passcode]", TEACHER_PASSCODE)
    page.locator("button[type=submit]").first.click()
    page.locator("svg.nk-chart-items").wait_for(timeout=30_000)
    page.evaluate("() => { window.__sameDocument = true; }")

    named = {kind: page.get_by_role("img", name=title) for kind, title in (
        ("progress", "いま、だれがどこをしているか"), ("slope", "一人ひとりの正答率（事前 → 事後）"),
        ("sdt", "見分ける力 d′ とかたより c（事前 → 事後）"), ("items", "問題ごとの正答率と、いちばん多かったまちがい"))}
    for kind, chart in named.items():
        assert chart.count() == 1 and chart.is_visible(), kind
        assert chart.bounding_box()["width"] > 300, kind
    progress = page.locator("svg.nk-chart-progress").text_content()
    assert "事後テスト" in progress and HOSTILE[0] in progress  # the nickname is shown as text
    assert "参考：Bad News の効果 d = 0.37" in named["sdt"].text_content()
    assert "事前｜" in named["items"].text_content() and "事後｜" in named["items"].text_content()
    slope = page.locator("svg.nk-chart-slope")
    assert "上がった" in slope.text_content() and slope.locator("g.nk-slope-line").count() >= 3
    assert page.evaluate("() => window.__injected") is None
    assert serious_violations(page, "main") == []

    store = open_store(data / "results.sqlite3")  # a latecomer answers while the teacher watches
    store.record(Answer(LESSON, "mis-pre-1", (0,), False, "pre", "late" * 8, "おくれてきた", "2-3"))
    store.close()
    page.wait_for_function(
        "() => document.querySelector('svg.nk-chart-progress').textContent.includes('おくれてきた')", timeout=30_000)
    assert page.evaluate("() => window.__sameDocument") is True  # redrawn in place, not reloaded
    assert page.get_by_role("img", name="いま、だれがどこをしているか").count() == 1
    assert page.evaluate("() => window.__injected") is None
