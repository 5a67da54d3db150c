"""kit.lesson: what a notebook gets for good and broken content, and from the link."""

from __future__ import annotations

from kit.lesson import Lesson
from kit.widgets.problem_card import ProblemCard
from kit.widgets.quiz_card import Quiz
from tests.conftest import read_rows, set_cell, write_rows


def test_link_parameters(monkeypatch):
    monkeypatch.setenv("QUERY_STRING", "lang=en&furigana=1&class=2-3&name=%3Cscript%3Ealert(1)%3C/script%3E%00")
    lesson = Lesson("demo")
    assert (lesson.lang, lesson.furigana, lesson.class_code) == ("en", True, "2-3")
    assert lesson.student == "<script>alert(1)</script>"  # kept as text; pages escape it, control chars dropped


def test_unknown_language_falls_back_to_japanese():
    assert Lesson("demo", params={"lang": "xx"}).lang == "ja"


def test_broken_file_gives_a_friendly_card_and_the_rest_still_works(datasets, monkeypatch):
    monkeypatch.setenv("NETKIT_DATASETS", str(datasets))
    write_rows(datasets / "quizzes" / "broken.csv",
               set_cell(read_rows(datasets / "quizzes" / "sample.csv"), "q-tf", "answer", "maybe"))
    lesson = Lesson("demo", params={})
    card = lesson.quiz("quizzes/broken.csv", group="post")
    assert isinstance(card.children[0], ProblemCard) and isinstance(card.children[1], Quiz)
    assert [q.id for q in card.children[1].bank.questions] == ["q-order"]  # the sound question stays
    told = " ".join(card.children[0].sentences)  # the teacher's sentences under the card
    assert "5行目" in told and "answer" in told and "○ か × を書いて" in told
    assert "Traceback" not in str(card.children[0].get_state())
    assert isinstance(lesson.quiz("quizzes/sample.csv", group="pre"), Quiz)
    from kit.widgets.help_list import HelpList

    assert isinstance(lesson.help(), HelpList)
    assert lesson.help().shown and lesson.help().labels["help_title"] == "困ったときの相談先"


def test_missing_file_group_and_section(datasets, monkeypatch):
    monkeypatch.setenv("NETKIT_DATASETS", str(datasets))
    lesson = Lesson("demo", params={})
    assert "見つかりません" in " ".join(lesson.quiz("quizzes/none.csv").sentences)
    assert "group「later」" in " ".join(lesson.quiz("quizzes/sample.csv", group="later").sentences)
    section = " ".join(lesson.section("texts/sample.yaml", "nope").sentences)
    assert "「nope」" in section and "ありません" in section


def test_answers_go_to_the_store(datasets, monkeypatch, tmp_path):
    monkeypatch.setenv("NETKIT_DATASETS", str(datasets))
    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path / "data"))
    lesson = Lesson("demo", params={"class": "1-1", "name": "7"})
    quiz = lesson.quiz("quizzes/sample.csv", group="pre", phase="pre")
    quiz.submit([0])
    from kit.store import open_store

    stored = open_store().answers()
    assert [(a.lesson, a.item, a.phase, a.class_code, a.student, a.correct, a.bank) for a in stored] == [
        ("demo", "q-single", "pre", "1-1", "7", True, "quizzes/sample.csv")]
    assert quiz.sitting is lesson.sitting  # one sitting per student, shared by every component


def test_content_is_read_once_but_a_teachers_edit_is_seen(datasets, monkeypatch):
    import os

    from kit.lesson import load, warm_content

    monkeypatch.setenv("NETKIT_DATASETS", str(datasets))
    warm_content()
    path = datasets / "quizzes" / "sample.csv"
    first = load("quiz", path)
    assert load("quiz", path) is first  # cached while unchanged
    rows = read_rows(path)
    write_rows(path, set_cell(rows, "q-single", "text_ja", "書きかえた問題"))
    os.utime(path, ns=(first_ns := path.stat().st_mtime_ns + 10**9, first_ns))
    bank, _ = load("quiz", path)
    assert bank.questions[0].text.ja == "書きかえた問題"


def test_identity_from_the_link_is_printable_text_of_at_most_40_characters():
    from kit.lesson import Lesson

    lesson = Lesson("demo", params={"name": "\u0007<b>太郎</b>\u202e" + "x" * 10_000, "class": "\x00 3-1 \n"})
    assert lesson.student.startswith("<b>太郎</b>") and len(lesson.student) == 40  # kept as text, escaped when shown
    assert "\u0007" not in lesson.student and "\u202e" not in lesson.student
    assert lesson.class_code == "3-1"


def test_warming_up_never_stops_a_lesson(monkeypatch):
    from kit import lesson

    def broken(kind, path):
        raise RuntimeError("a loader bug")

    monkeypatch.setattr(lesson, "load", broken)
    lesson.warm_content("no-such-lesson")  # logs and returns: the student still gets the lesson


def test_a_section_for_one_arm_shows_as_the_first_arm_when_off_and_only_to_its_arm_once_the_student_joins(
        datasets, monkeypatch, tmp_path):
    from kit.content.experiment import read_experiment
    from kit.store.assignments import choose_arm
    from kit.widgets.fact_card import SectionView

    monkeypatch.setenv("NETKIT_DATASETS", str(datasets))
    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path / "data"))  # the store keeps each arm, as in class
    declared = {"id": "before-after", "on": False, "outcome": "post_score",
                "arms": [{"id": "control"}, {"id": "prebunk_first"}]}

    def lesson_with(on: bool) -> Lesson:
        lesson = Lesson("demo", params={})
        lesson.experiment = read_experiment({"experiment": {**declared, "on": on}})
        lesson.sitting.experiment = lesson.experiment if on else None
        return lesson

    off = lesson_with(False)  # the lesson as its first arm sees it
    assert isinstance(off.section("texts/sample.yaml", "intro", arm="control"), SectionView)
    assert off.section("texts/sample.yaml", "intro", arm="prebunk_first") is None
    assert isinstance(off.section("texts/sample.yaml", "intro"), SectionView)

    tokens = {choose_arm(("control", "prebunk_first"), {}, f"{k:032x}", "experiment:before-after"): f"{k:032x}"
              for k in range(20)}
    for arm, token in tokens.items():
        on = lesson_with(True)
        parts = {a: on.section("texts/sample.yaml", "intro", arm=a) for a in ("control", "prebunk_first")}
        assert all(p.children == () and p.layout.display == "none" for p in parts.values())  # nothing before they join
        on.sitting.identify(token, "1-1", "7")
        shown = {a: p for a, p in parts.items() if p.layout.display != "none"}
        assert list(shown) == [arm] and isinstance(shown[arm].children[0], SectionView)
        other = next(p for a, p in parts.items() if a != arm)
        assert other.children == ()  # the other arm's part never reaches this page
        late = on.section("texts/sample.yaml", "intro", arm=arm)  # a cell run after they joined: decided at once
        assert late.layout.display != "none" and late.children
    assert sorted(tokens) == ["control", "prebunk_first"]
    from kit.store import open_store

    kept = {(a["session"], a["arm"]) for a in open_store().assignments(lesson="demo")}
    assert kept == {(token, arm) for arm, token in tokens.items()}


def test_the_spread_counts_the_posts_the_timeline_shows_not_the_whole_file(tmp_path, monkeypatch):
    """misinformation/es56 shows 6 of the file's 8 posts: after the 6, the spread runs (it waited for 8 that never came)."""
    from kit.widgets.timeline import TimelineFeed

    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path))
    lesson = Lesson("misinformation/es56", params={"class": "5-1", "name": "kodama"})
    shown = ["city-shelter", "lion", "water", "health", "ai-dam", "factcheck"]
    feed = lesson.timeline("timelines/disaster_night.yaml", posts=shown)
    spread = lesson.timeline_spread("timelines/disaster_night.yaml")
    assert isinstance(feed, TimelineFeed) and [p.id for p in spread.timeline.posts] == shown
    feed._on_browser_message(feed, {"action": "hello", "session": "k" * 32}, [])
    for post in shown:
        feed._on_browser_message(feed, {"action": "choose", "post": post, "choice": "share"}, [])
        feed._on_browser_message(feed, {"action": "next"}, [])
    assert spread.show_mine() is not None and "empty" not in spread.result
