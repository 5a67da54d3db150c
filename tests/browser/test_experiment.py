"""A class experiment, switched on by the teacher and run in the browser on the shipped misinformation/jh lesson.

The teacher's ``netkit init`` folder has the experiment turned on with ``netkit experiment on``; two students, each
in a browser of their own, join class ex-1 and are put in different arms (the store says which). The student in the
accuracy-prompt arm is asked 「正確だと思う？」 before every sharing choice of the timeline, the control student
never is, and neither page names an arm. Both play the whole timeline. The teacher's page shows both arms, their
means, the difference and a sentence that two students are too few; the research export has one row per student.
Then twenty more students of the class (``tools/simulated_class.py``, assigned by the store as the lesson assigns
them) give the difference a 95% interval and the sentence a verdict.

The other two topics run theirs on the same server: in defamation/jh and piracy/jh one section is shown before
the role-play to one arm and after it to the other (``lesson.section(…, arm=…)``); two students per lesson see
it once, in their arm's place, answer the post-test, and the teacher's page shows each lesson's arms by title.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3

import pytest
from playwright.sync_api import expect

from kit.cli import main
from kit.store import open_store
from tests.browser.conftest import REPO, TEACHER_PASSCODE, Server, _require_chromium, serious_violations
from tests.browser.lesson_page import WIDGET_TIMEOUT, only_local, wait_until
from tools.simulated_class import simulated_class

LESSON, CLASS, BANK = "misinformation-jh", "ex-1", "quizzes/misinformation_basics.yaml"
DESIGN, ARMS = "experiment:accuracy-prompt", ("control", "accuracy_prompt")
# lesson → its path, design, arms, the section's heading shown in one of two places, and the arm that sees it first
PARTS = {"defamation-jh": ("defamation/jh.ipynb", "experiment:prebunk-pile-on", ("control", "prebunk_first"),
                           "グループチャットで起きること", "prebunk_first"),
         "piracy-jh": ("piracy/jh.ipynb", "experiment:streaming-after", ("control", "after_roleplay"),
                       "「見るだけ」は抜け道じゃない", "control")}
NAMES_OF_ARMS = ("ふつうのタイムライン", "正確かな？", "control", "accuracy", "群", "クラスの実験")  # labels, ids, title


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    _require_chromium()
    folder = tmp_path_factory.mktemp("teacher") / "じゅぎょう"
    assert main(["init", str(folder)]) == 0
    for lesson in (LESSON, *PARTS):
        assert main(["experiment", "on", lesson, "--dir", str(folder)]) == 0
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


def arm_of(srv, name: str, lesson: str = LESSON, design: str = DESIGN) -> str | None:
    rows = stored(srv, "SELECT arm FROM assignments WHERE lesson = ? AND design = ? AND class_code = ? AND student = ?",
                  lesson, design, CLASS, name)
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
    href = page.locator("section.nk-experiment a[href$='table=experiment']").get_attribute("href")
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


def post_score(srv, lesson: str, name: str) -> float:
    rows = stored(srv, "SELECT correct FROM answers WHERE lesson = ? AND class_code = ? AND student = ? AND phase = 'post'"
                  " AND item NOT LIKE '%:%'", lesson, CLASS, name)
    return sum(r[0] for r in rows) / len(rows)


def log_in(browser, srv):
    teacher = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    page = teacher.new_page()
    page.goto(srv.url + "teacher/")
    page.fill("input[name=passcode]", TEACHER_PASSCODE)
    page.locator("button[type=submit]").first.click()
    page.locator(".nk-report-title, main").first.wait_for(timeout=30_000)
    return teacher, page


# Whether the first element comes before the second in the page.
BEFORE = "([a, b]) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)"


@pytest.mark.parametrize("lesson", list(PARTS))
def test_a_section_comes_before_the_role_play_for_one_arm_and_after_it_for_the_other(school, browser, lesson):
    srv = school
    path, design, arms, heading, first_arm = PARTS[lesson]
    pages = {}
    for name in ("p1", "p2"):
        context = browser.new_context(locale="ja-JP", viewport={"width": 1024, "height": 768})
        page = context.new_page()
        page.page_errors = []
        page.on("pageerror", lambda e, page=page: page.page_errors.append(str(e)))
        page.goto(srv.url + f"voila/render/{path}?class={CLASS}&name={name}", wait_until="commit", timeout=WIDGET_TIMEOUT)
        page.locator(".nk-scenario").first.wait_for(state="attached", timeout=2 * WIDGET_TIMEOUT)  # a loaded machine
        wait_until(lambda name=name: arm_of(srv, name, lesson, design) is not None, 60, f"{name} is given an arm")
        pages[name] = page
    given = {name: arm_of(srv, name, lesson, design) for name in pages}
    assert sorted(given.values()) == sorted(arms), given

    for name, page in pages.items():
        part = page.locator(".nk-section", has_text=heading)
        part.first.wait_for(timeout=30_000)  # built once the student's arm is known
        assert part.count() == 1, f"{name} sees the section once"
        scenario = page.locator(".nk-scenario").first
        first = page.evaluate(BEFORE, [part.element_handle(), scenario.element_handle()])
        assert first == (given[name] == first_arm), (name, given[name])
        shown = page.locator("body").inner_text()
        assert [w for w in (*arms, "群", "クラスの実験", "ロールプレイの前に", "ロールプレイのあと") if w in shown] == []
        post = page.locator(".nk-quiz").nth(1)  # the post-test: its first two questions
        for number in (1, 2):
            card = post.locator(".nk-quiz-card")
            card.locator("legend").wait_for(timeout=WIDGET_TIMEOUT)
            # the card of this question, not the one before it still being replaced
            expect(card.locator(".nk-progress")).to_have_text(re.compile(rf"^{number}\s*/"), timeout=30_000)
            card.locator("input.nk-input").first.check()
            expect(card.locator("input.nk-input").first).to_be_checked()
            card.locator("button.nk-submit").click()
            card.locator(".nk-feedback .nk-next").click(timeout=WIDGET_TIMEOUT)  # stored before its feedback came
        assert page.locator(".nk-problem").count() == 0 and page.page_errors == []
        page.context.close()
    wait_until(lambda: all(len(stored(srv, "SELECT 1 FROM answers WHERE lesson = ? AND student = ? AND phase = 'post'",
                                      lesson, n)) == 2 for n in pages), 60, "two post-test answers each")

    teacher, page = log_in(browser, srv)
    page.goto(srv.url + f"teacher/?class={CLASS}&lesson={lesson}")
    block = experiment_block(page)
    netkit = json.loads((REPO / "lessons" / path).read_text("utf-8"))["metadata"]["netkit"]
    assert netkit["title_ja"] in page.locator(".nk-report-title").inner_text()  # the lesson by its title
    assert netkit["experiment"]["title_ja"] in block["title"] and "平均（事後テストの点数）" in block["head"]
    labels = {a["id"]: a["label_ja"] for a in netkit["experiment"]["arms"]}
    means = {given[n]: post_score(srv, lesson, n) for n in pages}
    assert block["rows"] == [[labels[a], "1", f"{round(means[a] * 100)}%"] for a in arms]
    assert "まだ判断できません" in block["sentence"] and "-0" not in block["text"]
    href = page.locator("section.nk-experiment a[href*='table=experiment_summary']").get_attribute("href")
    response = teacher.request.get(srv.url + href.lstrip("/") if not href.startswith("http") else href)
    [row] = list(csv.DictReader(io.StringIO(response.body().decode("utf-8-sig"))))
    assert row["授業の題名"] == netkit["title_ja"] and row["1つ目の群"] == labels[arms[0]]
    assert row["差（2つ目−1つ目）"] == f"{round((means[arms[1]] - means[arms[0]]) * 100)}%"  # as the page writes a share
    teacher.close()
