"""kit.sitting: who answers (first identity wins), what is stored and when, and the answers a reload brings back."""

from __future__ import annotations

from kit.sitting import BASE_ANSWERS, Sitting
from kit.store import open_store
from kit.store.records import Answer

TOKEN, OTHER = "a" * 32, "b" * 32


def test_the_first_browser_identity_wins_and_the_links_class_and_name_stay():
    sitting = Sitting("kernel", class_code="２年３組", student="", lesson="demo")
    assert sitting.class_code == "2-3" and not sitting.identified
    assert not sitting.hello({"session": "not-a-token", "student": "x"})  # not a browser's token: not "the first"
    assert not sitting.hello("garbage")
    assert sitting.hello({"session": TOKEN, "class_code": "9-9", "student": "kodama"})
    assert sitting.identity() == {"session": TOKEN, "class_code": "2-3", "student": "kodama"}
    assert sitting.hello({"session": TOKEN, "class_code": "9-9", "student": "kodama"})  # said again by another component
    assert not sitting.hello({"session": OTHER, "class_code": "1-1", "student": "someone"})
    assert sitting.who == "2-3 / kodama" and sitting.refused == 1


def test_an_answer_is_stored_under_the_sitting_with_its_lesson_and_bank(tmp_path):
    store = open_store(tmp_path / "results.sqlite3")
    sitting = Sitting("kernel", "1-1", "7", lesson="demo", store=store)
    assert sitting.record("q-tf", [1], True, phase="pre", bank="quizzes/sample.csv")
    [answer] = store.answers()
    assert (answer.lesson, answer.item, answer.response, answer.correct, answer.phase) == ("demo", "q-tf", (1,), True, "pre")
    assert (answer.session, answer.class_code, answer.student, answer.bank) == ("kernel", "1-1", "7", "quizzes/sample.csv")


def test_the_store_is_opened_only_when_an_answer_comes(tmp_path):
    opened = []

    def opener():
        opened.append(1)
        return open_store(tmp_path / "results.sqlite3")

    sitting = Sitting(lesson="demo", open_store=opener)
    assert sitting.keeps_answers and opened == []
    sitting.record("q", (0,), True)
    sitting.record("q2", (0,), True)
    assert opened == [1] and len(sitting.store.answers()) == 2


def test_a_failed_store_is_told_as_false_never_raised(kept, caplog):
    kept.failing = True
    sitting = Sitting(lesson="demo", store=kept)
    assert sitting.record("q", (0,), True) is False
    assert sitting.record_post("postchecker:1", "バカ", ["insult"]) is False
    assert "could not store the answer to q" in caplog.text

    def cannot_open():
        raise PermissionError("read-only folder")

    assert Sitting(lesson="demo", open_store=cannot_open).record("q", (0,), True) is False


def test_without_a_store_nothing_is_stored_and_the_page_says_saved():
    sitting = Sitting(lesson="demo")
    assert not sitting.keeps_answers and sitting.record("q", (0,), True) and sitting.earlier() == []


def test_answers_beyond_the_maximum_are_dropped_quietly(kept):
    sitting = Sitting(lesson="demo", store=kept)
    sitting.expect(2)
    assert sitting.max_answers == BASE_ANSWERS + 20
    results = [sitting.record(f"postchecker:{i}", (), True) for i in range(sitting.max_answers + 5)]
    assert all(results) and len(kept.stored) == sitting.max_answers
    assert sitting.record_post("postchecker:999", "text", []) and kept.posts == []  # its answer was dropped too


def test_earlier_answers_are_this_browsers_in_this_lesson_once_it_is_known(kept):
    kept.stored.extend([Answer("demo", "q1", (0,), True, "pre", TOKEN), Answer("demo", "q2", (0,), True, "pre", OTHER),
                        Answer("other", "q1", (1,), False, "pre", TOKEN)])
    sitting = Sitting("kernel", lesson="demo", store=kept)
    assert sitting.earlier() == []  # the kernel's own token has no past
    sitting.identify(TOKEN)
    assert [(a.lesson, a.item) for a in sitting.earlier()] == [("demo", "q1")]


def test_a_component_joins_sees_who_answers_and_is_restored_once(kept):
    kept.stored.append(Answer("demo", "q1", (0,), True, "pre", TOKEN, "ken", "2-1"))
    sitting = Sitting(class_code="2-1", lesson="demo", store=kept)
    shown, restored = [], []
    sitting.join(shown.append, restored.append)
    assert shown == ["2-1"] and restored == []
    sitting.hello({"session": TOKEN, "student": "ken"})
    sitting.hello({"session": TOKEN, "student": "ken"})  # every component's page says hello: restored once
    assert shown == ["2-1", "2-1 / ken"] and [[a.item for a in r] for r in restored] == [["q1"]]
    late = []
    sitting.join(lambda who: None, late.append)  # built after the browser said who it is
    assert [[a.item for a in r] for r in late] == [["q1"]]


def test_a_component_that_cannot_continue_does_not_stop_the_lesson(kept, caplog):
    def broken(_earlier):
        raise ValueError("the bank changed")

    sitting = Sitting(lesson="demo", store=kept)
    sitting.join(lambda who: None, broken)
    assert sitting.hello({"session": TOKEN}) and sitting.identified
    assert "could not continue from earlier answers" in caplog.text


def test_the_sitting_and_the_store_load_no_widget_library():
    import subprocess
    import sys

    code = "import sys, kit.sitting, kit.store; print(sorted(m for m in sys.modules if m.split('.')[0] in ('ipywidgets', 'anywidget') or m.startswith('kit.widgets')))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert found == "[]"


def test_a_student_is_assigned_once_when_they_join_and_keeps_it_after_a_reload(tmp_path):
    store = open_store(tmp_path / "results.sqlite3")
    first = Sitting(class_code="2-1", lesson="demo", store=store)
    assert first.assigned("forms", ("AB", "BA")) == "AB" and store.assignments() == []  # not known yet: nothing kept
    first.hello({"session": TOKEN, "student": "ken"})
    arm = first.assigned("forms", ("AB", "BA"))
    [kept_arm] = store.assignments(lesson="demo")
    assert (kept_arm["session"], kept_arm["arm"], kept_arm["class_code"], kept_arm["student"]) == (TOKEN, arm, "2-1", "ken")
    reloaded = Sitting(class_code="2-1", lesson="demo", open_store=lambda: open_store(tmp_path / "results.sqlite3"))
    reloaded.hello({"session": TOKEN, "student": "ken"})
    assert reloaded.assigned("forms", ("AB", "BA")) == arm
    other = Sitting(class_code="2-1", lesson="demo", store=store)
    other.hello({"session": OTHER, "student": "mio"})
    assert other.assigned("forms", ("AB", "BA")) != arm  # the class's second student fills the other arm


def test_without_a_store_the_assignment_is_still_stable_per_student():
    arms = set()
    for token in ("a" * 32, "b" * 32, "c" * 32, "d" * 32, "e" * 32, "0" * 32):
        one, two = Sitting(lesson="demo"), Sitting(lesson="demo")
        one.identify(token)
        two.identify(token)
        assert one.assigned("forms", ("AB", "BA")) == two.assigned("forms", ("AB", "BA"))
        arms.add(one.assigned("forms", ("AB", "BA")))
    assert arms == {"AB", "BA"}


def test_a_turned_on_experiment_gives_half_the_class_its_treatment_and_nobody_before_they_join(tmp_path):
    from kit.content.experiment import read_experiment

    declared = {"experiment": {"id": "ap", "on": True, "arms": [{"id": "control"}, {"id": "accuracy_prompt"}]}}
    store = open_store(tmp_path / "results.sqlite3")
    treated = []
    for k in range(10):
        sitting = Sitting(class_code="2-1", lesson="demo", store=store)
        sitting.experiment = read_experiment(declared)
        assert not sitting.treatment("accuracy_prompt")  # not known yet
        sitting.identify(f"{k:032x}")
        treated.append(sitting.treatment("accuracy_prompt"))
        assert sitting.treatment("control") != treated[-1]
    assert treated.count(True) == 5
    off = Sitting(lesson="demo", store=store)
    off.experiment = read_experiment({"experiment": {**declared["experiment"], "on": False}})
    off.identify("f" * 32)
    assert not off.treatment("accuracy_prompt") and not off.treatment("control")


def test_a_shared_device_starts_each_student_afresh_and_a_reload_resumes(tmp_path):
    """An iPad cart: aoi, then ren (3-1), then sora (3-2) open the lesson's link in the same browser."""
    store = open_store(tmp_path / "results.sqlite3")

    def sitting(class_code, name):
        s = Sitting(class_code=class_code, student=name, lesson="demo", store=store)
        s.hello({"session": TOKEN, "class_code": "3-1", "student": "aoi"})  # the browser still remembers aoi
        return s

    aoi = sitting("3-1", "aoi")
    assert aoi.record("q1", (0,), True) and aoi.record("q2", (1,), False)
    assert sitting("3-1", "ren").earlier() == []  # not aoi's sitting continued
    ren = sitting("3-1", "ren")
    assert ren.record("q1", (2,), True)
    assert sitting("3-2", "sora").earlier() == []
    assert [a.item for a in sitting("3-1", "aoi").earlier()] == ["q1", "q2"]  # aoi reloading resumes
    assert [(a.student, a.item) for a in sitting("3-1", "ren").earlier()] == [("ren", "q1")]
    assert sitting("3-1", "aoi ").earlier() != [] and sitting("3-1", "aoi2").earlier() == []  # a fixed typo: a new student
