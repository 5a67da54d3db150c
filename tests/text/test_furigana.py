"""Furigana from a reading library, escaped HTML."""

from kit.text.furigana import ruby_html


def test_readings_over_kanji_with_okurigana_outside():
    out = ruby_html("送る前に考えよう")
    assert "<ruby>送<rp>(</rp><rt>おく</rt><rp>)</rp></ruby>る" in out
    assert "<rt>かんが</rt>" in out


def test_text_is_escaped():
    out = ruby_html("<script>alert(1)</script>悪口")
    assert "<script>" not in out and "&lt;script&gt;" in out and "<rt>わるくち</rt>" in out


def test_kana_only_text_gets_no_ruby():
    assert ruby_html("ちょっとまって") == "ちょっとまって"


def test_lone_counter_kanji_read_as_words_but_counted_after_numbers():
    assert "<rt>ひと</rt>" in ruby_html("読む人の気持ち")
    assert "<rt>ひ</rt>" in ruby_html("休みの日でも")
    assert "<rt>ぶん</rt>" in ruby_html("見えない分")
    assert "<rt>にん</rt>" in ruby_html("3人の子")
    assert "<rt>にち</rt>" in ruby_html("30日以内")
    assert "<rt>なのか</rt>" in ruby_html("7日以内")  # 1日 to 10日, 14日, 20日, 24日 have their own readings


def test_button_labels_carry_readings_only_when_asked_and_only_in_japanese():
    from kit.text.ui import RUBY, labels

    plain = labels("ja")
    assert RUBY not in plain
    with_ruby = labels("ja", ruby=("submit", "no_such_key"))
    assert with_ruby[RUBY] == {"答える": "<ruby>答<rp>(</rp><rt>こた</rt><rp>)</rp></ruby>える"}
    assert RUBY not in labels("en", ruby=("submit",))
    assert {k: v for k, v in with_ruby.items() if k != RUBY} == plain


def test_every_button_label_a_component_names_exists():
    import importlib

    from kit.text.ui import labels

    known = labels("ja")
    for name in ("quiz_card", "timeline", "class_spread", "model_lab", "help_router", "download_rule_checker",
                 "law_walk", "post_checker", "scenario_player"):
        module = importlib.import_module(f"kit.widgets.{name}")
        classes = [c for c in vars(module).values() if isinstance(c, type) and "RUBY_LABELS" in vars(c)]
        assert classes, name
        for cls in classes:
            assert set(cls.RUBY_LABELS) <= set(known), (name, set(cls.RUBY_LABELS) - set(known))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_readings_never_change_the_text_of_any_shipped_content():
    """Without its readings, every Japanese text shown with furigana is exactly the text as written."""
    import csv
    import html
    import re

    import yaml

    from kit.text.furigana import ruby_html
    from kit.text.ruby import strip_marks
    from tests.conftest import REPO

    texts = set()
    for path in (REPO / "datasets").rglob("*.y*ml"):
        texts.update(_strings(yaml.safe_load(path.read_text("utf-8"))))
    for path in (REPO / "datasets").rglob("*.csv"):
        with open(path, encoding="utf-8-sig", newline="") as f:
            texts.update(cell for row in csv.reader(f) for cell in row)
    for name in ("ui.yaml", "params.yaml"):  # button and slider labels too
        texts.update(_strings(yaml.safe_load((REPO / "kit" / "text" / name).read_text("utf-8"))))
    texts = {t for t in texts if re.search(r"[\u4e00-\u9fff]", t)}
    assert len(texts) > 500
    for text in texts:
        shown = re.sub(r"<rp>.*?</rp>|<rt>.*?</rt>|</?ruby>", "", ruby_html(text))
        assert shown == html.escape(strip_marks(text) if "《" in text else text), text
    assert ruby_html("きます。\n1つ") == "きます。\n1つ"  # pykakasi alone repeats the 。 after the line break


def test_the_reading_dictionary_is_read_only_when_furigana_is_on():
    """A lesson without furigana never loads pykakasi nor the teacher's reading dictionary."""
    import subprocess
    import sys

    from tests.conftest import REPO

    code = ("import sys; from kit.content.text import Text; from kit.widgets._render import text_html; "
            "text_html(Text('お金と今日'), 'ja', False); print(sorted(m for m in ('pykakasi', 'kit.content.readings') if m in sys.modules)); "
            "text_html(Text('お金と学校'), 'ja', True); print(sorted(m for m in ('pykakasi', 'kit.content.readings') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120,
                         env={**__import__("os").environ, "PYTHONPATH": str(REPO)}).stdout.split("\n")
    assert out[0] == "[]" and out[1] == "['kit.content.readings', 'pykakasi']"


def test_every_sentence_a_quiz_or_the_post_checker_draws_has_readings_in_a_furigana_lesson():
    """A 小3 student saw 「○か×を選んでください」 and the post checker's notes without readings while the buttons had them."""
    from kit.text.ui import RUBY, labels
    from kit.widgets.post_checker import PostChecker
    from kit.widgets.quiz_card import QuizCard

    for cls, keys in ((QuizCard, ("choose_truefalse", "choose_one", "correct", "incorrect", "pick_first")),
                      (PostChecker, ("pc_private", "pc_note", "pc_lead"))):
        plain = labels("ja")
        ruby = labels("ja", ruby=cls.RUBY_LABELS)[RUBY]
        for key in keys:
            assert "<ruby>" in ruby[plain[key]], (cls.__name__, key)
