"""The discernment test on the teacher's page: d′ and c of the feed, and the one sentence a teacher reads."""

from __future__ import annotations

import random
from pathlib import Path

from kit.analysis import answers_frame
from kit.analysis.discernment import discernment_tables, explain_discernment, verdict
from kit.content.discernment import load_discernment
from kit.serve.report import build_report
from kit.store.records import Answer

ROOT = Path(__file__).resolve().parents[2]
FEED = load_discernment(ROOT / "datasets" / "discernment" / "everyday.yaml")
BANK = "discernment/everyday.yaml"


def judged(students: int, pre: tuple[float, float], post: tuple[float, float], seed: int = 1,
           counterbalanced: bool = False) -> list[Answer]:
    """Answers of a class: each phase's (chance to believe a true post, chance to believe a false one).

    ``counterbalanced``: every second student takes the pair the other way round (b before, a after).
    """
    rng, answers = random.Random(seed), []
    for s in range(students):
        session = f"{s:032x}"
        forms = ("b", "a") if counterbalanced and s % 2 else ("a", "b")
        for phase, form, (true_rate, false_rate) in zip(("pre", "post"), forms, (pre, post), strict=True):
            for post_ in FEED.form(form):
                believe = rng.random() < (true_rate if post_.truth else false_rate)
                answers.append(Answer("misinformation-jh", FEED.item(post_), (0 if believe else 1,), believe == post_.truth,
                                      phase, session, str(s + 1), "2-3", f"2026-11-0{1 if phase == 'pre' else 2}T01:00:00Z", BANK))
    return answers


def change_of(answers):
    _table, change = discernment_tables(answers_frame(answers), FEED.truths())
    return change.iloc[0]


def test_a_class_that_learned_to_tell_true_from_false_reads_better():
    change = change_of(judged(30, pre=(0.6, 0.5), post=(0.85, 0.15)))
    assert change["d_prime_change_low"] > 0
    assert verdict(change) == "better"
    sentence = explain_discernment(change)
    assert sentence.startswith("クラスは、本当の投稿とうその投稿を見分けるのがうまくなり") and sentence.count("。") == 1


def test_a_class_that_only_doubts_more_is_told_so_not_praised():
    # after the lesson they call most posts suspicious, true or false alike: c rises, d′ does not
    change = change_of(judged(30, pre=(0.65, 0.55), post=(0.25, 0.15)))
    assert change["c_change_low"] > 0 and change["d_prime_change_low"] < 0 < change["d_prime_change_high"]
    assert verdict(change) == "sceptical_only"
    assert "何でも「あやしい」と答えるようになっただけ" in explain_discernment(change)
    assert explain_discernment(change, "en").startswith("The class did not get better at telling true from false")


def test_a_small_class_is_not_judged():
    change = change_of(judged(6, pre=(0.6, 0.5), post=(0.9, 0.1)))
    assert verdict(change) == "too_few"
    assert "6 人だけ" in explain_discernment(change) and "-0.00" not in explain_discernment(change)


def test_before_the_post_test_there_is_nothing_to_compare():
    pre_only = [a for a in judged(20, pre=(0.6, 0.5), post=(0.9, 0.1)) if a.phase == "pre"]
    table, change = discernment_tables(answers_frame(pre_only), FEED.truths())
    assert list(table["phase"]) == ["pre"]
    assert explain_discernment(change.iloc[0]).startswith("見分けるテストは、事前と事後の両方")


def test_the_teacher_page_leads_with_the_sentence_and_keeps_quiz_d_prime_apart():
    report = build_report(judged(24, pre=(0.6, 0.5), post=(0.85, 0.15)), ROOT / "datasets")
    assert report["discern"]["headline"].startswith("クラスは、本当の投稿とうその投稿を")
    assert [row[0] for row in report["discern"]["rows"]] == ["事前", "事後", "変化（事後−事前）"]
    assert report["discern"]["header"][1] == "本当の投稿を「信じる」(H)"
    assert report["sdt"] is None  # no ○× quiz answers: the feed is not counted as quiz items
    english = build_report(judged(24, pre=(0.6, 0.5), post=(0.85, 0.15)), ROOT / "datasets", "en")
    assert english["discern"]["headline"].startswith("The class got better at telling true posts from false ones")


def test_each_judgment_counts_by_its_own_post_s_truth_whichever_order_the_student_took():
    one_order = discernment_tables(answers_frame(judged(20, pre=(1.0, 1.0), post=(1.0, 0.0))), FEED.truths())[0]
    both = discernment_tables(answers_frame(judged(20, pre=(1.0, 1.0), post=(1.0, 0.0), counterbalanced=True)),
                              FEED.truths())[0]
    pre_forms = {FEED.form_of()[a.item] for a in judged(20, (1.0, 1.0), (1.0, 0.0), counterbalanced=True) if a.phase == "pre"}
    assert pre_forms == {"a", "b"}  # half the class began on each form
    columns = ["phase", "true_trials", "hits", "false_trials", "false_alarms", "d_prime", "c"]
    assert both[columns].equals(one_order[columns])  # believing everything, then only the true: the same figures
    post = both[both["phase"] == "post"].iloc[0]
    assert (post["hits"], post["false_alarms"]) == (post["true_trials"], 0)
