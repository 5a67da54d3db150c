"""Every elementary lesson (小3-4, 小5-6) with furigana: what its components send has readings over its kanji.

A child reads the choices, the buttons and the help card, not only the question. This builds every
component each elementary notebook calls, in process, as ``?furigana=1`` does, and reads what the
kernel sends the page: every kernel-made HTML text (``…html``) has a reading over each kanji, and a
plain text the page draws (a role button, a word on the help card) either has its ``…_html`` twin or
is one of the texts whose readings go along in ``labels["__ruby"]`` (``kit.text.ui.labels``).
"""

from __future__ import annotations

import json
import re

import pytest

from kit.lesson import Lesson
from kit.text.ui import RUBY, label
from kit.widgets.help_list import HELP_WORDS
from tests.widgets.lesson_widgets import NOTEBOOKS, _components, _lesson_widgets, texts

KANJI = re.compile(r"[\u4e00-\u9fff\u3005]")
RUBY_RUN = re.compile(r"<ruby>.*?</ruby>", re.S)
TAG = re.compile(r"<[^>]+>")

# The components a child answers with buttons and choices, and the help card.
CHECKED = {"QuizCard", "ScenarioPlayer", "HelpList", "HelpRouter", "ManipulatorGame"}
# Plain values the page never draws as words: ids, a link's spoken name, the avatar's letter (aria-hidden), the
# words of a quiz choice for a screen reader's button name; a value with an ``…_html`` twin is drawn from the twin.
NOT_DRAWN = {"id", "plain", "icon", "contact", "tel", "checked", "look", "kind", "speaker", "node", "handle"}


def elementary_notebooks():
    for notebook in NOTEBOOKS:
        meta = json.loads(notebook.read_text("utf-8"))["metadata"]["netkit"]
        if meta["audience"].startswith("小"):
            yield notebook


def unread(html: str) -> str:
    """The kanji in ``html`` outside any <ruby>."""
    return "".join(KANJI.findall(TAG.sub("", RUBY_RUN.sub("", html))))


def shown_without_readings(widget) -> list[str]:
    state = widget.get_state()
    with_readings = (state.get("labels") or {}).get(RUBY, {})
    found = []
    for path, text, parent in texts({k: v for k, v in state.items() if k != "labels" and not k.startswith("_")}):
        if not KANJI.search(text):
            continue
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        where = f"{type(widget).__name__} {'/'.join(map(str, path))}"
        if key.endswith("html") or "<ruby>" in text:  # kernel-made HTML (a list of it, too: a summary's kinder choices)
            if unread(text):
                found.append(f"{where}: {unread(text)} in {text[:60]}")
        elif key not in NOT_DRAWN and f"{key}_html" not in (parent or {}) and text not in with_readings:
            found.append(f"{where}: {text[:60]}")
    return found


def lesson_with_furigana(notebook, tmp_path, monkeypatch):
    monkeypatch.setenv("NETKIT_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(notebook.parent)
    meta = json.loads(notebook.read_text("utf-8"))["metadata"]["netkit"]
    return Lesson(meta["id"], params={"furigana": "1"})


def played(widget):
    """The widget, then (for a role-play or the game) each state a first-choice walk shows."""
    yield widget
    name = type(widget).__name__
    if name == "ScenarioPlayer":
        for role in widget.scenario["roles"]:
            widget.restart()
            widget.pick_role(role["id"])
            yield widget
            while widget.choices:
                widget.choose(len(widget.choices) - 1)
                yield widget
    elif name == "ManipulatorGame":
        while widget.stage:
            widget.choose(0)
            yield widget
            widget.next()
            yield widget
    elif name == "HelpRouter":
        for step in list(widget._chart.steps):
            widget._show(step.id)
            yield widget


ELEMENTARY = list(elementary_notebooks())


def test_the_elementary_lessons_are_found():
    assert {f"{n.parent.name}/{n.stem}" for n in ELEMENTARY} >= {
        "defamation/es34", "defamation/es56", "misinformation/es34", "misinformation/es56", "piracy/es34", "piracy/es56"}


@pytest.mark.parametrize("notebook", ELEMENTARY, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_choices_buttons_and_help_have_readings(notebook, tmp_path, monkeypatch):
    lesson = lesson_with_furigana(notebook, tmp_path, monkeypatch)
    assert lesson.furigana
    seen, missing = set(), []
    for top in _lesson_widgets(notebook, lesson):
        for widget in _components(top):
            if type(widget).__name__ not in CHECKED:
                continue
            seen.add(type(widget).__name__)
            for state in played(widget):
                missing += shown_without_readings(state)
    if not seen:
        pytest.skip("no quiz, role-play, game or help card in this lesson")
    assert sorted(set(missing)) == []


@pytest.mark.parametrize("notebook", ELEMENTARY, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_help_card_says_its_safety_sentence_with_readings(notebook, tmp_path, monkeypatch):
    lesson = lesson_with_furigana(notebook, tmp_path, monkeypatch)
    helps = [w for top in _lesson_widgets(notebook, lesson) for w in _components(top)
             if type(w).__name__ in ("HelpList", "HelpRouter")]
    if not helps:
        pytest.skip("this lesson shows no help card")
    for widget in helps:
        readings = widget.labels.get(RUBY, {})
        for key in HELP_WORDS:
            assert "<ruby>" in readings.get(label(key, "ja"), ""), (type(widget).__name__, key)
        desks = widget.shown if type(widget).__name__ == "HelpList" else widget.all_desks
        assert desks and all("<ruby>" in d["name_html"] + d["for_html"] for d in desks)
