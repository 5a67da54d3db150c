"""DiscernmentFeed driven from code, as its buttons would: judgments stored before anything is shown, once each."""

from __future__ import annotations

import json

import pytest

from kit.content.discernment import load_discernment
from kit.sitting import Sitting
from kit.store.records import Answer
from kit.widgets.discernment import DiscernmentFeed
from tests.conftest import FIXTURES

SESSION = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def feed_file():
    return load_discernment(FIXTURES / "datasets" / "discernment" / "small.yaml")


def synced(widget):
    state = {k: v for k, v in widget.get_state().items() if k not in ("_esm", "_css")}
    return json.dumps(state, ensure_ascii=False)


def test_the_page_holds_the_form_s_posts_but_no_truth_or_reason(feed_file):
    feed = DiscernmentFeed(feed_file, "a", reveal=True)
    state = synced(feed)
    assert [p["id"] for p in feed.posts] == ["a-official", "a-source", "a-photo", "a-emotion"]
    assert "b-official" not in state  # another form's posts stay in the kernel
    for post in feed_file.form("a"):
        assert post.text.ja in state and post.reason.ja not in state
    assert '"truth"' not in state and feed.result == {}
    assert feed.posts[2]["photo_html"] == "サメの背びれの写真"


def test_each_judgment_is_stored_before_it_shows_and_the_answers_come_after_the_last(feed_file, kept):
    seen = []
    kept.on_record = lambda a: seen.append((a, dict(feed.judged), dict(feed.result)))
    feed = DiscernmentFeed(feed_file, "b", phase="post", reveal=True,
                           sitting=Sitting("s1", "5-1", "12", lesson="demo", store=kept), bank="discernment/small.yaml")
    assert feed.judge("b-official", "believe") is True
    stored, judged_then, result_then = seen[0]
    assert judged_then == {} and result_then == {}  # nothing on screen before it was stored
    assert (stored.item, stored.response, stored.correct, stored.phase, stored.bank) == (
        "discern:small:b-official", (0,), True, "post", "discernment/small.yaml")
    assert feed.judged == {"b-official": 0} and feed.progress == "1 / 4 件 判断しました"
    feed.judge("b-source", "doubt")
    feed.judge("b-photo", "believe")
    assert feed.result == {}
    feed.judge("b-emotion", "doubt")
    assert seen[-1][2] == {}  # the last judgment was stored before the answers appeared
    assert feed.score() == (2, 4) and feed.result["score"] == "4件のうち 2件を見分けられました。"
    rows = {r["id"]: r for r in feed.result["posts"]}
    assert rows["b-source"]["right"] is False and rows["b-source"]["truth_label"] == "本当"
    assert rows["b-photo"]["clue_label"] == "使い回しの写真" and rows["b-photo"]["mine"] == "信じる"
    assert [a.correct for a in kept.stored] == [True, False, False, True]


def test_a_judgment_cannot_be_changed_nor_made_on_another_form(feed_file, kept):
    feed = DiscernmentFeed(feed_file, "a", sitting=Sitting(store=kept))
    feed.judge("a-photo", "doubt")
    assert feed.judge("a-photo", "believe") is None
    assert feed.judge("b-photo", "doubt") is None
    assert feed.judge("a-emotion", "maybe") is None and feed.judge("a-emotion", True) is None
    assert [a.response for a in kept.stored] == [(1,)] and feed.judged == {"a-photo": 1}


def test_before_the_lesson_the_answers_stay_hidden(feed_file, kept):
    feed = DiscernmentFeed(feed_file, "a", phase="pre", sitting=Sitting(store=kept))
    for post in feed_file.form("a"):
        feed._on_browser_message(feed, {"action": "judge", "post": post.id, "choice": "believe"}, [])
    assert feed.finished and feed.result["revealed"] is False
    assert "posts" not in feed.result and "score" not in feed.result
    assert feed.result["message"].startswith("答えは授業のあとで")
    assert all(a.phase == "pre" for a in kept.stored) and len(kept.stored) == 4


def test_a_failed_store_is_said_on_the_page(feed_file, kept):
    kept.failing = True
    feed = DiscernmentFeed(feed_file, "a", sitting=Sitting(store=kept))
    assert feed.judge("a-official", "believe") is False
    assert feed.unsaved is True and feed.pending is False


def test_after_a_reload_the_judged_posts_stay_judged(feed_file, kept):
    kept.stored.extend([
        Answer("demo", "discern:small:a-official", (0,), True, "pre", SESSION, "3", "5-1"),
        Answer("demo", "discern:small:a-photo", (1,), True, "pre", SESSION, "3", "5-1"),
        Answer("demo", "discern:small:a-source", (1,), False, "post", SESSION, "3", "5-1"),  # another phase
        Answer("demo", "discern:small:a-emotion", (0,), False, "pre", "ff" * 16),  # another browser
    ])
    feed = DiscernmentFeed(feed_file, "a", phase="pre", sitting=Sitting(lesson="demo", store=kept))
    feed._on_browser_message(feed, {"action": "hello", "session": SESSION, "class_code": "5-1", "student": "3"}, [])
    assert feed.judged == {"a-official": 0, "a-photo": 1}
    assert feed.judge("a-official", "doubt") is None
    assert feed.who == "5-1 / 3"


def test_english_and_furigana(feed_file):
    english = DiscernmentFeed(feed_file, "a", lang="en")
    assert english.labels["dc_believe"] == "I believe it" and english.posts[0]["text_html"] == "The city pool opens on July 20."
    ruby = DiscernmentFeed(feed_file, "a", furigana=True)
    assert "<rt>" in ruby.posts[0]["text_html"] and "<rt>しん</rt>" in ruby.labels["__ruby"]["信じる"]


def test_half_the_class_takes_the_pair_the_other_way_round_kept_across_a_reload(feed_file, tmp_path):
    from kit.content.forms import FORMS_DESIGN
    from kit.store import open_store

    where, seen = tmp_path / "results.sqlite3", {}
    for token in ("ab" * 16, "cd" * 16, "ef" * 16, "01" * 16):
        sitting = Sitting(class_code="5-1", lesson="demo", store=open_store(where))
        pre = DiscernmentFeed(feed_file, "a", phase="pre", pair=("a", "b"), sitting=sitting, bank="discernment/small.yaml")
        post = DiscernmentFeed(feed_file, "b", phase="post", pair=("a", "b"), sitting=sitting)
        assert pre.waiting and pre.posts == [] and pre.judge("a-official", "believe") is None  # not known: no post
        assert "a-official" not in synced(pre) and sitting.store.answers(session=token) == []
        pre._on_browser_message(pre, {"action": "hello", "session": token}, [])
        assert not pre.waiting and {pre.form, post.form} == {"a", "b"}
        first = pre.shown[0]
        assert pre.judge(first.id, "believe") is True
        stored = sitting.store.answers(session=token)[-1]
        assert feed_file.form_of()[stored.item] == pre.form  # the stored item names the form shown
        seen[token] = pre.form
        assert sitting.store.assignments(design=FORMS_DESIGN)[-1]["arm"] == {"a": "AB", "b": "BA"}[pre.form]
        reloaded = Sitting(class_code="5-1", lesson="demo", store=open_store(where))
        again = DiscernmentFeed(feed_file, "a", phase="pre", pair=("a", "b"), sitting=reloaded)
        again._on_browser_message(again, {"action": "hello", "session": token}, [])
        assert again.form == pre.form and again.judged == {first.id: 0}  # the same form, the judgment kept
    assert sorted(seen.values()) == ["a", "a", "b", "b"]


def test_the_booster_form_without_a_pair_is_the_same_for_everyone(feed_file):
    feed = DiscernmentFeed(feed_file, "b", phase="delayed", sitting=Sitting(lesson="demo"))
    assert not feed.waiting and feed.form == "b" and [p["id"] for p in feed.posts][0] == "b-official"
    feed._on_browser_message(feed, {"action": "hello", "session": SESSION}, [])
    assert feed.form == "b"


def test_the_feed_and_a_matched_quiz_share_one_order_per_student(feed_file, kept):
    from kit.content import load_quiz
    from kit.widgets.quiz_card import Quiz

    bank = load_quiz(FIXTURES / "datasets" / "quizzes" / "forms.yaml")
    for token in ("ab" * 16, "cd" * 16, "ef" * 16, "01" * 16):
        sitting = Sitting(lesson="demo")
        quiz = Quiz(bank, phase="pre", sitting=sitting)
        feed = DiscernmentFeed(feed_file, "a", phase="pre", pair=("a", "b"), sitting=sitting)
        feed._on_browser_message(feed, {"action": "hello", "session": token}, [])
        assert quiz.form.lower() == feed.form  # A first on the quiz, a first on the feed
