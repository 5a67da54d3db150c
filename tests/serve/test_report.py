"""The dashboard's figures from a small class worked by hand."""

from __future__ import annotations

from statistics import NormalDist

import pytest

from kit.analysis.headings import headings
from kit.serve.report import build_report, export_tables
from kit.store.records import Answer
from tests.conftest import FIXTURES, read_rows, write_rows


@pytest.fixture
def datasets(tmp_path):
    """Fixture bank plus a second ○× item that is true, so both kinds of statement exist."""
    import shutil

    target = tmp_path / "datasets"
    shutil.copytree(FIXTURES / "datasets", target)
    rows = read_rows(target / "quizzes" / "sample.csv")
    true_item = list(rows[4])
    true_item[0], true_item[18] = "q-tf-true", "○"
    rows.append(true_item)
    write_rows(target / "quizzes" / "sample.csv", rows)
    return target


def answers():
    # Two students. q-tf is false (×), q-tf-true is true (○). Pre: both answer ○ to everything.
    # Post: a tells them apart; b still answers ○ to both.
    out = []
    for phase, resp in (("pre", {"a": (0, 0), "b": (0, 0)}), ("post", {"a": (1, 0), "b": (0, 0)})):
        for student, (on_false, on_true) in resp.items():
            out.append(Answer("demo", "q-tf", (on_false,), on_false == 1, phase, f"s-{student}", student, "1-1"))
            out.append(Answer("demo", "q-tf-true", (on_true,), on_true == 0, phase, f"s-{student}", student, "1-1"))
    return out


def test_dprime_and_c_match_the_hand_worked_example(datasets):
    report = build_report(answers(), datasets, "ja")
    z = NormalDist().inv_cdf
    # Pre: hits 2 of 2 true trials, false alarms 2 of 2 false trials; log-linear: (2+.5)/(2+1) both.
    h_pre = f_pre = 2.5 / 3
    # Post: hits 2/2 → 2.5/3; false alarms 1/2 → 1.5/3.
    h_post, f_post = 2.5 / 3, 1.5 / 3
    rows = {r[0]: [v.split("（")[0] for v in r] for r in report["sdt"]["rows"]}  # each value, then its interval
    assert rows["事前"][3] == f"{z(h_pre) - z(f_pre):.2f}" == "0.00"
    assert rows["事後"][3] == f"{z(h_post) - z(f_post):.2f}"
    assert rows["事後"][4] == f"{-(z(h_post) + z(f_post)) / 2:+.2f}"
    assert rows["変化（事後−事前）"][3] == f"{z(h_post) - z(f_post):+.2f}"
    assert [r[0] for r in report["sdt"]["rows"]] == ["事前", "事後", "変化（事後−事前）"]


def test_two_students_are_too_few_to_conclude_and_every_value_has_its_interval(datasets):
    report = build_report(answers(), datasets, "ja")
    assert report["sdt"]["explanation"] == [report["sdt"]["explanation"][0]]  # one sentence: too few to judge
    assert "2 人だけ" in report["sdt"]["explanation"][0] and "見分ける力が上がりました" not in report["sdt"]["explanation"][0]
    assert "2 人だけ" in report["prepost"]["verdict"] and "上がりました" not in report["prepost"]["verdict"]
    assert all("（" in v and "〜" in v for row in report["sdt"]["rows"] for v in row[3:])
    assert "95% の範囲" in report["sdt"]["interval_note"]
    assert "-0.00" not in repr(report) and "+0.00" in repr(report)  # pre: c = 0 shows as +0.00, not -0.00


def test_a_class_of_thirty_that_learned_is_told_so_with_its_interval(datasets):
    out = []
    for s in range(30):
        for phase, says_true_on_false in (("pre", (0,)), ("post", (1,))):
            out.append(Answer("demo", "q-tf", says_true_on_false, says_true_on_false == (1,), phase, f"s{s}", f"{s}", "1-1"))
            out.append(Answer("demo", "q-tf-true", (0,), True, phase, f"s{s}", f"{s}", "1-1"))
    report = build_report(out, datasets, "ja")
    assert report["sdt"]["explanation"][0].startswith("授業の後、本当の話とうその話を見分ける力が上がりました")
    assert report["prepost"]["verdict"].startswith("授業の後、点数が上がりました（平均 +50 ポイント、95% の範囲 +50 〜 +50 ポイント）")
    english = build_report(out, datasets, "en")
    assert "Scores went up" in english["prepost"]["verdict"]
    assert english["sdt"]["rows"][-1][0] == "Change (post − pre)" and " to " in english["sdt"]["rows"][-1][3]


def test_pre_post_and_items(datasets):
    report = build_report(answers(), datasets, "ja")
    # pre: a 1/2, b 1/2 → 50%; post: a 2/2, b 1/2 → 75%; paired change +25 points.
    assert "+25 ポイント" in report["prepost"]["summary"] and "事前 50% → 事後 75%" in report["prepost"]["summary"]
    hardest = report["items"][0]
    assert hardest["rate"] == 0.0 and "○ 正しい" in hardest["wrong"]
    assert {s["name"] for s in report["students"]} == {"a", "b"}


def test_a_question_nobody_got_wrong_says_so_in_the_table_as_in_the_chart(datasets):
    for lang, none in (("ja", "まちがえた人はいません"), ("en", "Nobody answered wrongly")):
        report = build_report(answers(), datasets, lang)
        rows = [it for it in report["items"] if it["rate"] == 1.0]
        assert rows and all(it["wrong"] == none for it in rows)
        assert all("0%" not in it["wrong"] for it in rows)
        assert none in report["pictures"]["items"]  # the chart above says the same
        wrong = [it for it in report["items"] if it["rate"] == 0.0][0]["wrong"]
        assert wrong.endswith("（100%）" if lang == "ja" else " (100%)")


def test_exports_have_headings_for_people(datasets):
    tables = export_tables(answers(), datasets, "ja")
    assert set(tables) == {"answers", "items", "students"}
    assert "クラス" in tables["answers"].columns and len(tables["answers"]) == 8


def test_exports_name_each_question_beside_its_id_and_a_deleted_one_as_deleted(datasets):
    gone = Answer("demo", "q-removed", (0,), True, "pre", "s-a", "a", "1-1")
    for lang, item, text, deleted in (("ja", "問題", "問題文", "（削除された問題）"), ("en", "Item", "Question", "(deleted question)")):
        tables = export_tables([*answers(), gone], datasets, lang)
        sheet = tables["answers"]
        assert list(sheet.columns).index(text) == list(sheet.columns).index(item) + 1
        named = dict(zip(sheet[item], sheet[text], strict=True))
        page = {i["text"] for i in build_report(answers(), datasets, lang)["items"]}
        assert named["q-tf"] in page and named["q-tf-true"] in page and named["q-tf"] != "q-tf"
        assert named["q-removed"] == deleted
        assert dict(zip(tables["items"][item], tables["items"][text], strict=True))["q-removed"] == deleted
        shown = {i["text"] for i in build_report([*answers(), gone], datasets, lang)["items"]}
        assert f"{deleted}{'' if lang == 'ja' else ' '}q-removed" in shown and "q-removed" not in shown  # the page keeps the id beside the label


def test_before_the_post_test_there_is_no_post_bar_and_the_teacher_is_told(datasets):
    pre_only = [a for a in answers() if a.phase == "pre"]
    report = build_report(pre_only, datasets, "ja")
    assert [name for name, _value in report["prepost"]["bars"]] == ["事前"]  # no 「事後 0%」
    assert report["prepost"]["summary"] == "まだだれも事後テストに答えていません。"


def test_d_prime_and_c_are_each_explained_in_one_plain_sentence(datasets):
    meanings = build_report(answers(), datasets, "ja")["sdt"]["meanings"]
    assert len(meanings) == 2 and meanings[0].startswith("見分ける力 d′：") and meanings[1].startswith("かたより c：")
    assert all(m.count("。") <= 3 for m in meanings)


def test_the_report_reads_only_the_banks_its_answers_name_once_while_unchanged(datasets, monkeypatch):
    import os
    import shutil

    import kit.content.quiz
    from kit.serve.report import _bank_questions

    _bank_questions.cache_clear()
    shutil.copy(datasets / "quizzes" / "sample.csv", datasets / "quizzes" / "other.csv")
    real, read = kit.content.quiz.read_quiz, []
    monkeypatch.setattr(kit.content.quiz, "read_quiz", lambda path: (read.append(os.path.basename(path)), real(path))[1])
    named = [Answer(a.lesson, a.item, a.response, a.correct, a.phase, a.session, a.student, a.class_code,
                    bank="quizzes/sample.csv") for a in answers()]
    first = build_report(named, datasets, "ja")
    assert build_report(named, datasets, "ja") == first  # a second request reads nothing
    assert read == ["sample.csv"]  # other.csv is in the folder but no answer came from it
    assert "匿名なら誰が書いたかわからない。" in {i["text"] for i in first["items"]}

    path = datasets / "quizzes" / "sample.csv"
    rows = read_rows(path)
    for row in rows[2:]:
        if row[0] == "q-tf":
            row[4] = "書きかえた問題"
    write_rows(path, rows)
    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9,) * 2)
    assert "書きかえた問題" in {i["text"] for i in build_report(named, datasets, "ja")["items"]}  # the teacher's edit is seen
    assert read == ["sample.csv", "sample.csv"]


def test_answers_stored_before_they_kept_their_bank_still_get_their_texts(datasets):
    from kit.serve.report import _bank_questions

    _bank_questions.cache_clear()
    assert all(a.bank == "" for a in answers())
    texts = {i["text"] for i in build_report(answers(), datasets, "ja")["items"]}
    assert "匿名なら誰が書いたかわからない。" in texts


def test_the_pictures_come_with_the_report_and_a_hostile_nickname_stays_text(datasets):
    hostile = ['<script>alert(1)</script>', '"><svg onload=alert(1)>']
    out = [Answer("demo", item, (resp,), ok, phase, f"s{k}", name, "1-1")
           for k, name in enumerate(hostile)
           for phase, item, resp, ok in (("pre", "q-tf", 0, False), ("post", "q-tf", 1, True), ("post", "q-tf-true", 0, True),
                                         ("pre", "q-tf-true", 0, True))]
    report = build_report(out, datasets, "ja")
    pictures = report["pictures"]
    assert set(pictures) >= {"items", "slope", "sdt"} and all(pictures[k].startswith("<svg") for k in ("items", "slope", "sdt"))
    for markup in (pictures["slope"],):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup and "<script" not in markup
        assert "&gt;&lt;svg onload=alert(1)&gt;" in markup and "<svg onload" not in markup
    anonymous = build_report(out, datasets, "ja", names=False)["pictures"]["slope"]
    assert "script" not in anonymous and "onload" not in anonymous


def test_the_booster_s_delayed_test_is_a_third_score_beside_the_lesson(datasets):
    from types import SimpleNamespace as Entry

    from kit.serve.report import booster_lessons

    entries = [Entry(lesson_id="demo", topic="t", booster=False), Entry(lesson_id="demo-booster", topic="t", booster=True),
               Entry(lesson_id="other-booster", topic="u", booster=True)]
    assert booster_lessons(entries, "demo") == ["demo-booster"] and booster_lessons(entries, "demo-booster") == []
    later = [Answer("demo-booster", f"d{i}", (0,), ok, "delayed", "s-a2", "a", "1-1") for i, ok in enumerate((True, False))]
    report = build_report(answers(), datasets, "ja", later=later)
    scores = {s["name"]: (s["pre"], s["post"], s["delayed"]) for s in report["students"]}
    assert scores == {"a": ("50%", "100%", "50%"), "b": ("50%", "50%", "—")} and report["delayed_taken"]
    assert "しばらく後のテストに答えた人は 1 人で、平均 50%" in report["pictures"]["slope"]
    assert not build_report(answers(), datasets, "ja")["delayed_taken"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_exports_name_phases_and_answers_in_words_as_the_page_does(datasets, lang):
    more = [Answer("demo", "q-multi", (0, 2), False, "post", "s-a", "a", "1-1"),
            Answer("demo", "q-tf", (0,), False, "delayed", "s-b", "b", "1-1"),
            Answer("demo", "q-single", (1,), False, "practice", "s-b", "b", "1-1")]
    tables = export_tables([*answers(), *more], datasets, lang)
    h = headings(lang)
    sheet = tables["answers"]
    assert set(sheet[h["phase"]]) == ({"事前", "事後", "数週間後", "練習"} if lang == "ja"
                                      else {"Pre", "Post", "Weeks later", "Practice"})
    assert set(tables["items"][h["phase"]]) == set(sheet[h["phase"]])  # the items sheet names them the same
    said = {(row[h["item"]], row[h["response_code"]]): row[h["response"]] for _, row in sheet.iterrows()}
    ja = lang == "ja"
    assert said["q-tf", "1"] == ("○ 正しい" if ja else "○ True") and said["q-tf", "2"] == ("× まちがい" if ja else "× False")
    assert said["q-multi", "1;3"] == ("悪口を転載する・スクショを広める" if ja else "Repost abuse・Spread screenshots")
    assert said["q-single", "2"] == ("言い返す" if ja else "Hit back")
    assert list(sheet.columns)[-1] == h["response_code"]  # the numbers last, for scripts
    page = build_report([*answers(), *more], datasets, lang)["items"]
    assert {i["phase"] for i in page} == set(sheet[h["phase"]])
    assert any(i["wrong"].startswith(said["q-multi", "1;3"]) for i in page)  # the page's words for the same answer


def test_a_defamation_lesson_is_not_compared_with_a_misinformation_study(datasets):
    import shutil
    from types import SimpleNamespace as Entry

    from kit.content.paths import bundled_root
    from kit.serve.report import lesson_topic

    shutil.copy(bundled_root() / "datasets" / "facts" / "misinformation.yaml", datasets / "facts")
    entries = [Entry(lesson_id="demo", topic="misinformation"), Entry(lesson_id="demo-def", topic="defamation")]
    misinformation = build_report(answers(), datasets, "ja", topic=lesson_topic(entries, "demo"))["pictures"]
    assert "参考：Bad News の効果 d = 0.37" in misinformation["sdt"] and "Roozenbeek" in misinformation["sdt_note"]
    for topic in (lesson_topic(entries, "demo-def"), "piracy", lesson_topic(entries, "unknown")):
        pictures = build_report(answers(), datasets, "ja", topic=topic)["pictures"]
        assert pictures["sdt"].startswith("<svg") and "Bad News" not in pictures["sdt"], topic  # the plot, no yardstick
        assert pictures["sdt_note"] == "", topic
