"""The teacher's page on matched forms, from stored answers and the shipped banks' forms."""

from __future__ import annotations

from pathlib import Path

from kit.content import load_quiz
from kit.content.forms import forms
from kit.serve.matched import matched_report
from kit.store.records import Answer

REPO = Path(__file__).resolve().parents[2]
BANK = "quizzes/misinformation_basics.yaml"


def class_answers(class_code, students, learned=True):
    by_form = forms(load_quiz(REPO / "datasets" / BANK).questions)
    answers = []
    for k in range(students):
        session = f"{class_code}-{k:02d}".ljust(32, "0")
        first, second = ("A", "B") if k % 2 == 0 else ("B", "A")
        for phase, form in (("pre", first), ("post", second)):
            for i, q in enumerate(by_form[form]):
                right = i == 0 or (phase == "post" and learned and i < 4) or (i == 1 and k % 3 == 0)
                answers.append(Answer("misinformation-basics", q.id, q.answer if right else (9,), right, phase, session,
                                      f"s{k}", class_code, f"2026-11-0{1 if phase == 'pre' else 2}T01:00:00.000+00:00", BANK))
    return answers


def test_the_class_is_told_its_change_on_matched_forms_and_the_school_which_questions_to_review():
    mine = class_answers("2-1", 12)
    report = matched_report(mine, mine + class_answers("2-2", 12), REPO / "datasets")
    change, gap = report["forms"]
    assert "フォームの難しさのちがいを除いても、授業の後に点数が上がりました" in change
    assert "フォームAとフォームB" in gap or "フォームAのほうが" in gap
    # the first question of each form was right for everyone before the lesson: too easy to show learning
    easy = [n for n in report["difficulty"] if "授業の前から 100% が正解" in n]
    assert len(easy) == 2 and all("2 クラス 12 人" in n for n in easy)
    assert any("たくさんの人にシェアされている情報なら" in n for n in easy)  # named by its text, not its id


def test_a_lesson_without_forms_or_answers_says_nothing_extra(tmp_path):
    assert matched_report([], [], REPO / "datasets") == {"forms": [], "difficulty": []}


def test_the_teacher_sees_the_experiments_arms_and_a_sentence_and_can_export_one_row_per_student(tmp_path):
    import json as json_module
    import shutil

    from kit.serve.matched import experiment_report, experiment_table, lesson_experiment

    lessons = tmp_path / "lessons" / "misinformation"
    lessons.mkdir(parents=True)
    notebook = json_module.loads((REPO / "lessons/misinformation/jh.ipynb").read_text("utf-8"))
    notebook["metadata"]["netkit"]["experiment"]["on"] = True
    (lessons / "jh.ipynb").write_text(json_module.dumps(notebook), "utf-8")
    shutil.copy(REPO / "lessons/misinformation/basics.ipynb", lessons)
    experiment = lesson_experiment(tmp_path / "lessons", "misinformation-jh")
    assert experiment.on and lesson_experiment(tmp_path / "lessons", "misinformation-basics") is None
    answers, assignments = [], []
    for k in range(6):
        session, arm = f"{k:032x}", experiment.arm_ids[k % 2]
        answers += [Answer("misinformation-jh", f"timeline:night:p{i}", (1,), arm == "accuracy_prompt" or i == 0,
                           "practice", session, f"s{k}", "2-1", "2026-11-01T01:00:00.000+00:00") for i in range(3)]
        assignments.append({"lesson": "misinformation-jh", "design": experiment.design, "session": session, "arm": arm,
                            "student": f"s{k}", "class_code": "2-1", "assigned_at": "2026-11-01T01:00:00.000+00:00"})
    report = experiment_report(answers, assignments, experiment)
    assert [(a["label"], a["students"]) for a in report["arms"]] == [("ふつうのタイムライン", 3), ("シェアの前に「正確かな？」", 3)]
    assert "まだ判断できません" in report["sentence"]  # three in each arm
    assert [a["shown"] for a in report["arms"]] == ["33%", "100%"]
    assert report["mean_heading"] == "平均（タイムラインで慎重に選んだ割合）"
    assert report["difference"].startswith("+67 ポイント（95% の範囲 +67 〜 +67")
    table = experiment_table(answers, assignments, experiment)
    assert list(table.columns[:6]) == ["クラス", "授業", "実験", "ニックネーム", "セッション", "群"]
    assert len(table) == 6 and table["セッション"].str.len().max() == 8  # a short key, not the browser's token
