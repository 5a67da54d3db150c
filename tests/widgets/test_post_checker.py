"""PostChecker driven from code, as its button would be."""

from __future__ import annotations

import json

import pytest

from kit.content.lexicon import load_lexicon
from kit.models.post_tone import MAX_LENGTH, PostTone
from kit.sitting import Sitting
from kit.widgets.post_checker import PostChecker
from tests.conftest import REPO


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(REPO / "datasets" / "lexicon" / "lexicon.yaml")


def state(widget):
    return json.dumps({k: v for k, v in widget.get_state().items() if k not in ("_esm", "_css")}, ensure_ascii=False)


def test_check_is_recorded_without_its_text_before_it_is_shown(lexicon, kept):
    events = []
    kept.on_record = lambda a: events.append(("stored", a, dict(widget.result)))
    widget = PostChecker(lexicon, sitting=Sitting("s1", lesson="demo", store=kept))
    widget.observe(lambda change: events.append(("shown", None, None)), names="result")
    widget.check("あいつの顔キモすぎ")
    assert [e[0] for e in events] == ["stored", "shown"] and events[0][2] == {}
    stored = events[0][1]
    assert (stored.item, stored.response, stored.correct, stored.phase) == ("postchecker:1", (0, 2), False, "practice")
    assert "キモ" not in repr(stored) and kept.posts == []
    widget.check("ありがとう！")
    assert widget.result["ok"] and widget.checks == 2


def test_text_is_not_kept_unless_the_teacher_turns_it_on(lexicon, kept):
    off = PostChecker(lexicon, store_text=False, sitting=Sitting(lesson="demo", store=kept))
    off.check("バカ")
    assert kept.posts == [] and not off.store_text and len(kept.stored) == 1
    on = PostChecker(lexicon, store_text=True, sitting=Sitting("s2", lesson="demo", store=kept))
    on.check("バカ")
    post = kept.posts[0]
    assert (post["text"], post["categories"], post["item"], post["lesson"], post["session"]) == (
        "バカ", "insult", "postchecker:1", "demo", "s2")
    assert not PostChecker(lexicon, store_text=True).store_text  # nowhere to keep it: the page does not say it is kept


def test_result_has_highlight_why_and_suggestion_in_the_lesson_language(lexicon):
    widget = PostChecker(lexicon, lang="en")
    widget.check("みんなで叩こうぜ 090-0000-0000")
    r = widget.result
    assert "".join(p["text"] for p in r["pieces"]) == "みんなで叩こうぜ 090-0000-0000"
    marked = [p for p in r["pieces"] if p.get("flags")]
    assert [p["category"] for p in marked] == ["pile_on", "personal_info"]
    assert [f["label_html"] for f in r["flags"]] == ["Piling on", "Personal information"]
    assert r["flags"][0]["suggestion_html"].startswith("Don&#x27;t join in")
    assert "●●●" in r["masked"]


def test_furigana_for_young_readers(lexicon):
    widget = PostChecker(lexicon, furigana=True)
    widget.check("バカ")
    assert "<ruby>" in widget.result["flags"][0]["why_html"]


def test_markup_in_a_post_never_becomes_html(lexicon):
    widget = PostChecker(lexicon)
    widget.check("<img src=x onerror=alert(1)>バカ")
    assert widget.result["pieces"][0]["text"] == "<img src=x onerror=alert(1)>"  # shown with textContent
    assert "<img" not in json.dumps(widget.result["flags"])


def test_empty_and_too_long_posts_get_a_clear_message_and_no_record(lexicon, kept):
    stored = kept.stored
    widget = PostChecker(lexicon, sitting=Sitting(store=kept))
    widget.check("   ")
    assert widget.result["state"] == "refused" and "書いてみて" in widget.result["message"]
    widget.check("あ" * (MAX_LENGTH + 5))
    assert f"{MAX_LENGTH}字まで" in widget.result["message"] and stored == []


def test_browser_message_checks_and_text_never_enters_synced_state(lexicon):
    widget = PostChecker(lexicon)
    widget._on_browser_message(widget, {"action": "check", "text": "お前うざい"}, [])
    assert widget.result["flags"][0]["category"] == "insult"
    widget._on_browser_message(widget, {"action": "clear"}, [])
    assert widget.result == {} and "うざい" not in state(widget)


def test_a_store_failure_is_told_not_raised(lexicon, kept):
    kept.failing = True
    widget = PostChecker(lexicon, sitting=Sitting(store=kept))
    widget.check("バカ")
    assert widget.result["saved"] is False and widget.result["flags"]


def test_browser_identity_is_used_for_records(lexicon, kept):
    stored = kept.stored
    widget = PostChecker(lexicon, sitting=Sitting("kernel", class_code="2-3", store=kept))
    widget._on_browser_message(widget, {"action": "hello", "session": "a" * 32, "class_code": "9-9", "student": "7"}, [])
    widget.check("ありがとう")
    assert (stored[0].session, stored[0].class_code, stored[0].student) == ("a" * 32, "2-3", "7")


def test_teasing_between_friends_gets_a_gentle_note_recorded_as_nothing_found(lexicon, kept):
    widget = PostChecker(lexicon, sitting=Sitting("s3", lesson="demo", store=kept))
    widget.check("お前ほんとアホやなｗ 好きやで")
    r = widget.result
    assert r["noted"] and r["ok"] and r["flags"] == [] and r["masked"] == ""
    assert r["verdict_html"].startswith("友だちどうしの冗談でも、文字だけでは伝わりにくい")
    assert r["words"] == ["アホ"] and "注意ではなく" in r["words_html"]
    assert [p["text"] for p in r["pieces"] if p.get("soft")] == ["アホ"]
    assert not any(p.get("flags") for p in r["pieces"])
    stored = kept.stored[-1]
    assert (stored.item, stored.response, stored.correct) == ("postchecker:1", (), True)  # a note is not a flag
    widget.check("お前ほんとアホやなｗ 好きやで。でも明日からあいつ無視な")  # exclusion is never softened
    assert not widget.result["noted"] and "exclusion" in {f["category"] for f in widget.result["flags"]}
    assert kept.stored[-1].response == (0, 5)


def test_the_note_in_english_and_with_readings(lexicon):
    widget = PostChecker(lexicon, lang="en")
    widget.check("バカだなぁ、そういうとこ好きだよ")
    assert widget.result["verdict_html"].startswith("Even a joke between friends")
    assert widget.result["words_html"].startswith("The post shows you are friends")
    young = PostChecker(lexicon, furigana=True)
    young.check("バカだなぁ、そういうとこ好きだよ")
    assert "<ruby>" in young.result["verdict_html"]


def test_words_the_judge_doubts_get_a_note_that_says_why(lexicon, kept):
    import dataclasses

    from kit.models.post_classifier import shipped_classifier

    widget = PostChecker(lexicon, sitting=Sitting("s4", lesson="demo", store=kept))
    widget.checker = PostTone(lexicon, classifier=dataclasses.replace(shipped_classifier(), threshold=1.01, word_threshold=1.01))
    widget.check("あいつマジでうざい")  # the judge (made to find nothing hurtful) doubts the rule's word
    r = widget.result
    assert r["noted"] and r["ok"] and r["flags"] == [] and r["words"] == ["うざい"]
    assert r["verdict_html"].startswith("このことばは、使い方によっては人を傷つけます")
    assert r["words_html"].startswith("これまでに集めた投稿とくらべて")
    assert kept.stored[-1].response == () and kept.stored[-1].correct  # recorded like a joke's note: nothing found
    english = PostChecker(lexicon, lang="en")
    english.checker = widget.checker
    english.check("あいつマジでうざい")
    assert english.result["verdict_html"].startswith("These words can hurt") and english.result["words_html"].startswith("Compared with")
    widget.check("死ね")  # severity 3: never a note, whatever the judge says
    assert not widget.result["noted"] and widget.result["flags"]


def test_a_laugh_spoken_to_a_friend_gets_the_note_with_its_own_words_line(lexicon):
    widget = PostChecker(lexicon)
    widget.check("お前また傘忘れたんかｗ アホやな")
    r = widget.result
    assert r["noted"] and r["flags"] == [] and r["verdict_html"].startswith("友だちどうしの冗談でも")
    assert r["words"] == ["ｗ", "アホ"] and r["words_html"].startswith("友だちに話しかけている冗談のようなので")
    english = PostChecker(lexicon, lang="en")
    english.check("お前また傘忘れたんかｗ アホやな")
    assert english.result["words_html"].startswith("This looks like a joke said to a friend")
    widget.check("たくや、死ねｗ")  # a strong word: a flag
    assert not widget.result["noted"] and widget.result["flags"]


def test_direction_controls_are_taken_out_before_the_post_is_shown_again(lexicon):
    """A U+202E typed into the box came back in the feedback and turned the rest of it around."""
    widget = PostChecker(lexicon, sitting=Sitting(lesson="demo"))
    found = widget.check("\u202eおまえ\u2066バカ\u2069だな\u200f")
    shown = json.dumps(widget.result, ensure_ascii=False)
    assert found.text == "おまえバカだな" and found.flags
    assert not any(c in shown for c in "\u202e\u2066\u2069\u200f")
