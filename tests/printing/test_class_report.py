"""netkit print report --class 2-3: one page for the school, with the class's pictures and no nicknames."""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone

import pytest

from kit.cli import main
from kit.printing.pdf import find_browser
from kit.store import open_store
from tests.conftest import REPO
from tools.simulated_class import simulated_class

HOSTILE = ['<script>alert(1)</script>', '"><svg onload=alert(1)>']
LESSON = "misinformation-basics"


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """A class of 14 that took the misinformation lesson, and an older, smaller lesson of the same class whose
    booster two of its three students took four weeks later."""
    data = tmp_path_factory.mktemp("results")
    store = open_store(data / "results.sqlite3")
    for a in simulated_class(REPO / "datasets", "quizzes/misinformation_basics.yaml", LESSON, "2-3", students=14,
                             per_student=14, seed=5, names=HOSTILE + [f"生徒{n}" for n in range(12)]):
        store.record(a)
    for a in simulated_class(REPO / "datasets", "quizzes/defamation_basics.csv", "defamation-basics", "2-3", students=3,
                             per_student=12, seed=6, start=datetime(2026, 10, 1, 1, 0, tzinfo=timezone.utc),
                             names=["あ", "い", "う"], booster=("defamation-booster", "quizzes/defamation_booster.yaml"),
                             boosted=2):
        store.record(a)
    store.close()
    return data


def report(results, tmp_path, *extra) -> tuple[int, str]:
    out = tmp_path / "report.html"
    code = main(["print", "report", "--class", "２年３組", "--data-dir", str(results), "--dir", str(REPO),
                 "--to", "html", "--out", str(out), "--no-embed-font", *extra])
    return code, out.read_text("utf-8") if out.exists() else ""


def test_the_report_of_the_class_s_latest_lesson_holds_its_pictures_and_sentences(results, tmp_path, capsys):
    code, page = report(results, tmp_path)
    assert code == 0
    assert re.search(r"ほかの授業（[^）]*defamation-basics[^）]*）は --lesson で選べます", capsys.readouterr().out)
    assert re.search(r"<h1>2-3 ／ 偽・誤情報 — [^<]+</h1>", page)
    for kind in ("slope", "sdt", "items"):
        assert page.count(f'class="nk-chart nk-chart-{kind}"') == 1
    assert page.count('role="img"') == 3 and "参考：Bad News の効果 d = 0.37" in page
    assert "14 人" in page or "<strong>14</strong>" in page
    assert "見分ける力" in page and "手助けが必要かもしれない生徒" in page
    assert page.count('class="nk-item-row"') == 6  # the hardest questions that fit on the page
    more = re.search(r"ほか (\d+) 問は、先生用ページの「問題ごと」の表にあります。", page)  # no table on paper to point to
    assert more and int(more.group(1)) > 0 and "表を見てください" not in page
    assert "（まだ）" in page and "しばらく後のテストに答えた人" not in page  # nobody took this lesson's booster yet


def test_the_students_who_took_the_booster_get_a_third_point(results, tmp_path):
    code, page = report(results, tmp_path, "--lesson", "defamation-basics")
    assert code == 0 and "（事前 → 事後 → しばらく後）" in page and "（まだ）" not in page
    assert "Bad News" not in page and "Roozenbeek" not in page  # a misinformation game's effect is no defamation yardstick
    assert "しばらく後のテストに答えた人は 2 人で" in page and "答えていない 1 人の線は事後で終わります" in page
    third = re.findall(r"(\d+) 人：事前 \d+% → 事後 \d+% → しばらく後 \d+%", page)  # a line's tip, counted
    assert sum(int(n) for n in third) == 2


def test_no_nickname_leaves_the_room_and_nothing_is_fetched(results, tmp_path):
    _code, page = report(results, tmp_path)
    assert "生徒1" not in page and "script" not in page.lower().replace("<script", "") and "onload" not in page
    assert "<script" not in page and not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)


def test_another_lesson_with_lesson_and_english(results, tmp_path):
    code, page = report(results, tmp_path, "--lesson", "defamation-basics", "--lang", "en")
    assert code == 0 and '<html lang="en">' in page and "Class report" in page and "Each student" in page


def test_a_class_without_answers_is_named_and_nothing_is_written(results, tmp_path, capsys):
    out = tmp_path / "none.html"
    assert main(["print", "report", "--class", "9-9", "--data-dir", str(results), "--to", "html", "--out", str(out)]) == 1
    assert "クラス「9-9」の答えがありません" in capsys.readouterr().err and not out.exists()
    assert main(["print", "report", "--data-dir", str(results)]) == 2


def test_the_pdf_is_one_a4_page_with_searchable_japanese(results, tmp_path):
    if find_browser() is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI must print the class report: no Chromium found")
        pytest.skip("no Chromium to print with")
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "report.pdf"
    assert main(["print", "report", "--class", "2-3", "--data-dir", str(results), "--dir", str(REPO), "--out", str(out)]) == 0
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = reader.pages[0].extract_text()
    assert "クラスのふりかえり" in text and "2-3" in text and "Bad News" in text and "生徒1" not in text
