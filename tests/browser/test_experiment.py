"""A class experiment, switched on by the teacher and run in the browser on the shipped misinformation/jh lesson.

The teacher's ``netkit init`` folder has the experiment turned on with ``netkit experiment on``; two students, each
in a browser of their own, join class ex-1 and are put in different arms (the store says which). The student in the
accuracy-prompt arm is asked 「正確だと思う？」 before every sharing choice of the timeline, the control student
never is, and neither page names an arm. Both play the whole timeline. The teacher's page shows both arms, their
means, the difference and a sentence that two students are too few; the research export has one row per student.
Then twenty more students of the class (``tools/simulated_class.py``, assigned by the store as the lesson assigns
them) give the difference a 95% interval and the sentence a verdict.
"""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from kit.cli import main
from kit.store import open_store
from tests.browser.conftest import REPO, TEACHER_PASSCODE, Server, _require_chromium, serious_violations
from tests.browser.lesson_page import WIDGET_TIMEOUT, only_local, wait_until
from tools.simulated_class import simulated_class

LESSON, CLASS, BANK = "misinformation-jh", "ex-1", "quizzes/misinformation_basics.yaml"
DESIGN, ARMS = "experiment:accuracy-prompt", ("control", "accuracy_prompt")
NAMES_OF_ARMS = ("ふつうのタイムライン", "正確かな？", "control", "accuracy", "群", "クラスの実験")  # labels, ids, title


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    _require_chromium()
    folder = tmp_path_factory.mktemp("teacher") / "じゅぎょう"
    assert main(["init", str(folder)]) == 0
    assert main(["experiment", "on", LESSON, "--dir", str(folder)]) == 0
    data = tmp_path_factory.mktemp("results")
    srv = Server(folder, data, ["--teacher-passcode", TEACHER_PASSCODE])
    yield srv
    srv.stop()


def stored(srv, sql: str, *args) -> list[tuple]:
    db = sqlite3.connect(srv.data_dir / "results.sqlite3")
    try:
        return db.execute(sql, args).fetchall()
    except sqlite3.OperationalError:  # no table yet: the store is made with the first answer or assignment
        return []
    finally:
        db.close()


def arm_of(srv, name: str) -> str | None:
    rows = stored(srv, "SELECT arm FROM assignments WHERE lesson = ? AND design = ? AND class_code = ? AND student = ?",
                  LESSON, DESIGN, CLASS, name)
    return rows[0][0] if rows else None


def careful_share(srv, name: str) -> float:
    rows = stored(srv, "SELECT correct FROM answers WHERE lesson = ? AND class_code = ? AND student = ?"
                  " AND item LIKE 'timeline:%'", LESSON, CLASS, name)
    return sum(r[0] for r in rows) / len(rows)


def join(browser, srv, name: str):
    """A student's own browser on the lesson, once the store has given them an arm."""
    context = browser.new_context(locale="ja-JP", viewport={"width": 1024, "height": 768})
    page = context.new_page()
    page.requested_urls, page.page_errors = [], []
    page.on("request", lambda r: page.requested_urls.append(r.url))
    page.on("pageerror", lambda e: page.page_errors.append(str(e)))
    page.goto(srv.url + f"voila/render/misinformation/jh.ipynb?class={CLASS}&name={name}", wait_until="commit",
              timeout=WIDGET_TIMEOUT)
    page.locator(".nk-tl .nk-tl-post").wait_for(timeout=WIDGET_TIMEOUT)
    wait_until(lambda: arm_of(srv, name) is not None, 60, f"{name} is given an arm when they join")
    return page


def play_timeline(page, choice: str, prompted: bool) -> int:
    """Every post of the timeline with ``choice``; at each sharing choice the prompt is there (or not), before the buttons."""
    feed = page.locator(".nk-tl")
    posts = 0
    while True:
        feed.locator(f"button[data-action={choice}], .nk-tl-summary").first.wait_for(timeout=30_000)
        if feed.locator(".nk-tl-summary").count():
            return posts
        if prompted:
            assert feed.locator(".nk-tl-prompt + .nk-tl-actions").count() == 1  # asked first, then the choices
            assert "正確だと思う？" in feed.locator(".nk-tl-prompt").inner_text()
        else:
            assert feed.locator(".nk-tl-prompt").count() == 0
        feed.locator(f"button[data-action={choice}]").click()
        feed.locator(".nk-tl-feedback").wait_for(timeout=30_000)
        posts += 1
        feed.locator(".nk-tl-next").click()


def experiment_block(page) -> dict:
    block = page.locator("section.nk-experiment")
    block.wait_for(timeout=30_000)
    rows = [[c.inner_text().strip() for c in r.locator("th, td").all()] for r in block.locator("tbody tr").all()]
    return {"title": block.locator("h3").inner_text(), "head": block.locator("thead").inner_text(), "rows": rows,
            "difference": block.locator("tfoot").inner_text(), "sentence": block.locator(".nk-verdict").inner_text(),
            "text": block.inner_text()}


def test_two_students_in_two_arms_and_the_teacher_sees_the_experiment_and_exports_it(school, browser):
    srv = school
    students = {name: join(browser, srv, name) for name in ("a1", "b2")}
    arms = {name: arm_of(srv, name) for name in students}
    assert sorted(arms.values()) == sorted(ARMS), arms  # the second to join gets the arm the first did not
    prompted = next(n for n, arm in arms.items() if arm == "accuracy_prompt")
    control = next(n for n, arm in arms.items() if arm == "control")

    # The prompted student plays sharing everything, the control student ignoring everything: different outcomes.
    assert play_timeline(students[prompted], "share", prompted=True) == 8
    assert play_timeline(students[control], "ignore", prompted=False) == 8
    for name, page in students.items():
        shown = page.locator("body").inner_text()
        assert [w for w in NAMES_OF_ARMS if w in shown] == [], f"{name}'s page names an arm"
        assert "accuracy" not in page.content() and "ふつうのタイムライン" not in page.content()
        assert page.locator(".nk-problem, .jp-OutputArea-output[data-mime-type*=error]").count() == 0
        assert only_local(page.requested_urls) == [] and page.page_errors == []
    assert serious_violations(students[prompted], ".nk-tl") == []
    for page in students.values():
        page.context.close()
    means = {arm: careful_share(srv, name) for name, arm in arms.items()}
    assert means["control"] != means["accuracy_prompt"]

    teacher = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    page = teacher.new_page()
    page.goto(srv.url + f"teacher/?class={CLASS}&lesson={LESSON}")
    page.fill("input[name=passcode]", TEACHER_PASSCODE)
    page.locator("button[type=submit]").first.click()
    block = experiment_block(page)
    assert "クラスの実験" in block["title"] and "正確かな？" in block["title"]
    assert "平均（タイムラインで慎重に選んだ割合）" in block["head"]
    percent = {arm: f"{round(m * 100)}%" for arm, m in means.items()}
    assert block["rows"] == [["ふつうのタイムライン", "1", percent["control"]],
                             ["シェアの前に「正確かな？」", "1", percent["accuracy_prompt"]]]
    effect = round((means["accuracy_prompt"] - means["control"]) * 100)
    assert f"{effect:+d} ポイント" in block["difference"]
    assert "95% の範囲は、どちらの群も2人以上になると出ます" in block["difference"]  # one student each: no interval yet
    assert "まだ判断できません" in block["sentence"] and "1 人" in block["sentence"]
    assert "-0" not in block["text"] and "nan" not in block["text"].lower()
    assert "生徒には、どちらの群かは見せていません" in block["text"]
    assert serious_violations(page, "section.nk-experiment") == []

    # The research export: the link on the page, one row per student with their arm and outcome.
    href = page.locator("section.nk-experiment a[href*='table=experiment']").get_attribute("href")
    response = teacher.request.get(srv.url + href.lstrip("/") if not href.startswith("http") else href)
    assert response.ok and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.body().decode("utf-8-sig"))))
    assert sorted((r["ニックネーム"], r["群"]) for r in rows) == sorted(arms.items())
    assert {r["ニックネーム"]: float(r["値"]) for r in rows} == pytest.approx({n: means[a] for n, a in arms.items()})
    assert {r["実験"] for r in rows} == {"accuracy-prompt"} and {r["クラス"] for r in rows} == {CLASS}
    workbook = teacher.request.get(srv.url + f"teacher/export.xlsx?class={CLASS}&lesson={LESSON}")
    from openpyxl import load_workbook

    assert "実験" in load_workbook(io.BytesIO(workbook.body()), read_only=True).sheetnames

    # Twenty more students of the class, assigned by the store as the lesson assigns them: now an interval.
    store = open_store(srv.data_dir / "results.sqlite3")
    try:
        for answer in simulated_class(REPO / "datasets", BANK, LESSON, CLASS, students=20, per_student=18, seed=11,  # 6 timeline choices each
                                      names=[f"s{k}" for k in range(20)], timeline="disaster-night",
                                      arm_of=lambda session, name: store.assign(LESSON, DESIGN, ARMS, session, CLASS, name),
                                      arm_lift={"accuracy_prompt": 1.5}):
            store.record(answer)
    finally:
        store.close()
    page.reload()
    block = experiment_block(page)
    assert [r[1] for r in block["rows"]] == ["11", "11"]  # the least filled arm each time: even
    assert "95% の範囲 " in block["difference"] and "2人以上" not in block["difference"]
    assert "まだ判断できません" not in block["sentence"] and "95% の範囲" in block["sentence"]
    assert "-0" not in block["text"]
    teacher.close()
