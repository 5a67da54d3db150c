"""The teacher's page as a teacher uses it on the first day: the link with the class in it (no QR code
on 127.0.0.1), today's lessons only in the students' catalogue, results by lesson title in Japan
time, classes typed two ways merged with a note, and a change after three students not called one."""

from __future__ import annotations

import html
import http.cookiejar
import re
import urllib.parse
import urllib.request

import pytest

from kit.store import Answer, open_store
from tests.served import REPO, Server

PASSCODE = "firstday-7-pass"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = tmp_path_factory.mktemp("results")
    store = open_store(data / "results.sqlite3")
    for i, code in enumerate(["2-1", "２－１", "2年1組"]):
        store.record(Answer("defamation-basics", "db-pre-1", (0,), True, "pre", f"s{i}", f"{i + 1}", code,
                            "2026-04-10T00:30:00.000+00:00"))
    # three students of 3-3 answer every ○× item "○" before, and every one right after
    for s in range(3):
        for phase, items in (("pre", (("mis-pre-1", False), ("mis-pre-2", True))),
                             ("post", (("mis-post-1", True), ("mis-post-2", False)))):
            for item, true in items:
                response = (0,) if phase == "pre" or true else (1,)
                store.record(Answer("misinformation-basics", item, response, (response == (0,)) == true, phase,
                                    f"m{s}", f"{s + 1}", "3-3", bank="quizzes/misinformation_basics.yaml"))
    for s, right in ((0, (True, True)), (1, (True, False))):  # weeks later two of them take the booster
        for k, ok in enumerate(right):
            store.record(Answer("misinformation-booster", f"disc-c-{k}", (0,), ok, "delayed", f"m{s}-later", f"{s + 1}",
                                "3-3"))
    # the same three in the defamation lesson: ○ to every ○× item and a wrong pair of choices before, each right after
    for s in range(3):
        for item, response, right, phase in (("def-pre-1", (0,), False, "pre"), ("def-pre-2", (0,), True, "pre"),
                                             ("def-pre-5", (0, 2), False, "pre"), ("def-post-1", (0,), True, "post"),
                                             ("def-post-2", (1,), True, "post")):
            store.record(Answer("defamation-basics", item, response, right, phase, f"d{s}", f"{s + 1}", "3-3",
                                bank="quizzes/defamation_basics.csv"))
    # 3-3 in the high-school lesson: the lateral-reading task, a role-play choice and the manipulator game
    for s, (lateral, safe, move) in enumerate((((2,), 1, 0), ((0, 0, 1), 0, 1), ((0, 0, 1, 2), 0, 1))):
        for item, response, right, bank in (
                ("lateral:who-is-behind:supplement", lateral, lateral[0] == 1, "lateral/who_is_behind.yaml"),
                ("scenario:chain-message:g-4", (safe,), safe == 1, "scenarios/chain_message.yaml"),
                ("game:manipulator:impersonation", (move,), True, "games/manipulator.yaml")):
            store.record(Answer("misinformation-hs", item, response, right, "practice", f"h{s}", f"{s + 1}", "3-3",
                                bank=bank))
    store.close()
    srv = Server(REPO, data, ["--teacher-passcode", PASSCODE, "--lesson", "defamation/basics", "--class", "２年３組"])
    yield srv
    srv.stop()


def teacher(srv):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(srv.url + "teacher/login").read().decode()
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', form).group(1)
    opener.open(urllib.request.Request(srv.url + "teacher/login", data=urllib.parse.urlencode(
        {"_xsrf": xsrf, "passcode": PASSCODE, "next": "/teacher/"}).encode()))
    return opener, xsrf


def read(opener, url, data=None):
    return opener.open(urllib.request.Request(url, data=data)).read().decode()


def test_on_127_0_0_1_no_qr_code_only_how_to_serve_the_class_and_this_computers_link(served):
    # served on 127.0.0.1: no student's device can open the link, so no QR code and no student link;
    # a LAN address's link and QR codes are in tests/serve/test_teacher_link.py
    opener, _ = teacher(served)
    page = read(opener, served.url + "teacher/")
    assert 'class="nk-qr"' not in page and "nk-link-text" not in page and "nk-check-link" not in page
    assert "生徒の端末では、このアドレスは開けません" in page and "--host 127.0.0.1 を付けずに netkit serve" in page
    assert f'<a href="http://127.0.0.1:{served.port}/?class=2-3">' in page  # the teacher's own try, the class in it
    other = read(opener, served.url + "teacher/?link_class=" + urllib.parse.quote("３年１組"))
    assert f'<a href="http://127.0.0.1:{served.port}/?class=3-1">' in other
    english = read(opener, served.url + "teacher/?lang=en")
    assert "Students&#39; devices cannot open this address" in english and 'class="nk-qr"' not in english


def test_results_by_lesson_title_in_japan_time_with_merged_classes_named(served):
    opener, _ = teacher(served)
    page = read(opener, served.url + "teacher/")
    assert "誹謗中傷 — 書く前に考えよう" in page and ">defamation-basics<" not in page
    assert "2026-04-10 09:30" in page  # 00:30 UTC is 09:30 in Japan
    assert "「2-1」「2年1組」「２－１」 は同じクラスとして「2-1」にまとめました" in page
    row = re.search(r"<tr[^>]*><td>2-1</td><td>[^<]+</td><td>(\d+)</td>", page)
    assert row and row.group(1) == "3"
    english = read(opener, served.url + "teacher/?lang=en")
    assert "“2-1”, “2年1組”, “２－１” were typed for the same class" in english


def test_the_english_pages_have_no_japanese_brackets_or_stops(served):
    opener, _ = teacher(served)
    for path in ("teacher/?lang=en", "teacher/?class=3-3&lesson=misinformation-basics&lang=en",
                 "teacher/?class=3-3&lesson=misinformation-hs&lang=en"):
        page = read(opener, served.url + path)
        body = re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", " ", page.split("<body", 1)[1], flags=re.S)
        found = re.findall(r".{0,30}[（）「」、。].{0,30}", body)
        assert not found, (path, found)


def test_todays_lessons_are_the_only_ones_students_see_and_the_teacher_can_change_them(served):
    catalogue = urllib.request.urlopen(served.url).read().decode()
    assert catalogue.count('class="nk-lesson"') == 1 and "defamation/basics.ipynb" in catalogue
    opener, xsrf = teacher(served)
    body = urllib.parse.urlencode([("_xsrf", xsrf), ("lesson", "piracy/basics.ipynb"), ("lesson", "piracy/jh.ipynb")])
    read(opener, served.url + "teacher/today", body.encode())
    catalogue = urllib.request.urlopen(served.url).read().decode()
    assert catalogue.count('class="nk-lesson"') == 2 and "defamation/basics.ipynb" not in catalogue
    read(opener, served.url + "teacher/today", urllib.parse.urlencode([("_xsrf", xsrf)]).encode())
    assert urllib.request.urlopen(served.url).read().decode().count('class="nk-lesson"') > 10


def test_a_student_cannot_change_todays_lessons(served):
    before = urllib.request.urlopen(served.url).read().decode().count('class="nk-lesson"')
    jar = http.cookiejar.CookieJar()
    student = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    student.open(served.url).read()  # the catalogue sets the _xsrf cookie a form post needs
    xsrf = next(c.value for c in jar if c.name == "_xsrf")
    body = urllib.parse.urlencode([("_xsrf", xsrf), ("lesson", "piracy/hs.ipynb")]).encode()
    try:
        answer = student.open(urllib.request.Request(served.url + "teacher/today", data=body))
        assert "/teacher/login" in answer.url  # sent to the passcode page
    except urllib.error.HTTPError as refused:
        assert refused.code == 403
    assert urllib.request.urlopen(served.url).read().decode().count('class="nk-lesson"') == before


def test_a_class_of_three_is_shown_by_lesson_title_and_told_it_is_too_small_to_conclude(served):
    opener, _ = teacher(served)
    page = read(opener, served.url + "teacher/?class=3-3&lesson=misinformation-basics")
    heading = re.search(r'<h2 class="nk-report-title">([^<]+)</h2>', page).group(1)
    assert heading == "3-3 / 偽・誤情報 — ちょっと待って、本当かな？" and ">misinformation-basics<" not in page
    assert "○×問題に事前と事後の両方で答えた生徒が 3 人だけなので" in page
    assert "事前と事後の両方に答えた生徒が 3 人だけなので、授業で点数が変わったかどうかは、まだ言えません" in page
    assert "見分ける力が上がりました" not in page and "点数が上がりました" not in page
    assert "かっこの中は 95% の範囲です" in page and "変化（事後−事前）" in page
    assert "-0.00" not in page
    english = read(opener, served.url + "teacher/?class=3-3&lesson=misinformation-basics&lang=en")
    assert "Only 3 students answered the ○× items" in english and "-0.00" not in english


def test_other_components_answers_are_named_in_words_not_ids(served):
    opener, _ = teacher(served)
    page = read(opener, served.url + "teacher/?class=3-3&lesson=misinformation-hs")
    section = page.split("問題ごと（つまずきの多い順）")[1].split("</table>")[0]
    rows = [re.findall(r"<td>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", section, re.S)]
    shown = {html.unescape(text): (n, re.sub(r"<[^>]+>", "", rate).strip(), html.unescape(wrong))
             for text, _phase, n, rate, wrong in (r for r in rows if r)}
    assert "lateral:" not in page and "scenario:" not in page and "game:" not in page
    lateral = shown["この投稿の「92％」は信用できますか。だれが発信していますか。"]
    # two of three chose the first answer after searching: the wrong answer counts them together, whatever they opened
    assert lateral[:2] == ("3", "0%") and lateral[2] == "信用できる。研究所の調査で、医師も監修しているから。（先に調べた）（67%）"
    scenario = next(v for k, v in shown.items() if k.startswith("【") and "あなたはどうする？" in k)
    assert scenario[1:] == ("33%", "すぐに10人に回す（67%）")
    game = next(v for k, v in shown.items() if "なりすまし" in k)
    assert game[1] == "—" and game[2].startswith("正解・不正解のない選択。いちばん多い答え：") and "（67%）" in game[2]
    english = read(opener, served.url + "teacher/?class=3-3&lesson=misinformation-hs&lang=en")
    assert "(checked elsewhere first) (67%)" in english and "A choice with no right or wrong." in english


def test_the_live_progress_picture_is_the_teachers_alone_and_names_who_is_where(served):
    import urllib.error

    path = "teacher/progress?class=3-3&lesson=misinformation-basics"
    opener, _ = teacher(served)
    picture = read(opener, served.url + path)
    assert '<svg' in picture and 'role="img"' in picture and "事後テスト" in picture and "3人" in picture
    page = read(opener, served.url + "teacher/?class=3-3&lesson=misinformation-basics")
    assert 'data-nk-progress="/teacher/progress?class=3-3&amp;lesson=misinformation-basics' in page
    assert 'class="nk-chart nk-chart-slope"' in page and 'class="nk-chart nk-chart-sdt"' in page
    stranger = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,), {
        "redirect_request": lambda *a, **k: None})())
    with pytest.raises(urllib.error.HTTPError) as refused:
        stranger.open(served.url + path)
    assert refused.value.code == 302 and "teacher/login" in refused.value.headers["Location"]


def test_the_booster_s_delayed_test_is_each_student_s_third_point_and_column(served):
    opener, _ = teacher(served)
    page = read(opener, served.url + "teacher/?class=3-3&lesson=misinformation-basics")
    assert "一人ひとりの正答率（事前 → 事後 → しばらく後）" in page and "（まだ）" not in page
    assert "しばらく後のテストに答えた人は 2 人で、平均 75% でした。" in page and "答えていない 1 人の線は事後で終わります" in page
    assert "事前 50% → 事後 100% → しばらく後 100%" in page and "事前 50% → 事後 100% → しばらく後 50%" in page
    table = page.split("数週間後（ブースター）</th>", 1)[1].split("</table>", 1)[0]
    cells = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr.*?</tr>", table, re.S)]
    assert [(c[0], c[4]) for c in cells] == [("1", "100%"), ("2", "50%"), ("3", "—")]  # student, weeks later


def test_only_a_misinformation_lesson_is_compared_with_the_misinformation_game_study(served):
    opener, _ = teacher(served)
    misinformation = read(opener, served.url + "teacher/?class=3-3&lesson=misinformation-basics")
    assert "参考：Bad News の効果 d = 0.37" in misinformation and "Roozenbeek" in misinformation
    defamation = read(opener, served.url + "teacher/?class=3-3&lesson=defamation-basics")
    assert 'class="nk-chart nk-chart-sdt"' in defamation  # the class's own d′ and c are drawn
    assert "Bad News" not in defamation and "Roozenbeek" not in defamation


def test_the_page_s_csv_names_phases_and_answers_as_the_page_does_and_scores_in_percent(served):
    import csv
    import io

    opener, _ = teacher(served)
    query = "teacher/export.csv?class=3-3&lesson=defamation-basics&table="
    rows = list(csv.DictReader(io.StringIO(read(opener, served.url + query + "answers").lstrip("\ufeff"))))
    assert {r["時期"] for r in rows} == {"事前", "事後"}
    words = {(r["問題"], r["答えの番号（スクリプト用）"]): r["答え"] for r in rows}
    assert words["def-pre-1", "1"] == "○ 正しい" and words["def-post-2", "2"] == "× まちがい"
    multiple = words["def-pre-5", "1;3"]
    assert multiple.count("・") == 1 and not any(c.isdigit() for c in multiple)  # the two choices' words
    page = read(opener, served.url + "teacher/?class=3-3&lesson=defamation-basics")
    assert f"{multiple}（100%）" in html.unescape(page)  # the page's most chosen wrong answer, in the same words
    students = list(csv.DictReader(io.StringIO(read(opener, served.url + query + "students").lstrip("\ufeff"))))
    assert {(r["事前の得点率"], r["事後の得点率"]) for r in students} == {("33%", "100%")}
