"""Every component's stored answers in a teacher's words (kit.analysis.describe), and the registry that names them."""

from __future__ import annotations

import ast
import dataclasses
import shutil
from pathlib import Path

import pytest

from kit import notebook
from kit.analysis.describe import discernment, download_rule, game, lateral, law_walk, post_checker, quiz, scenario, timeline
from kit.analysis.describe.answers import describe_answer, read
from kit.components import COMPONENTS, attribute
from kit.models import lateral as lateral_model
from kit.text.ui import label

ROOT = Path(__file__).resolve().parents[2]
DATASETS = ROOT / "datasets"


def _content(kind: str, file: str):
    found = read(kind, DATASETS / file)
    assert found is not None, file
    return found


# --- one describe function at a time -----------------------------------------------------------


def test_lateral_names_the_question_the_answer_and_whether_the_student_checked_first():
    file = _content("lateral", "lateral/who_is_behind.yaml")
    task = file.tasks[0]
    item = f"lateral:{file.id}:{task.id}"
    checked = lateral_model.response(task, task.options[1].id, ["search", task.sources[0].id])
    said = lateral.describe(file, item, checked, "ja")
    assert said.text == task.question.ja
    assert said.answer == f"{task.options[1].text.ja}（先に調べた）"
    stayed = lateral.describe(file, item, (2,), "en")
    assert stayed.answer == f"{task.options[2].text.en} (answered without leaving the page)"
    assert lateral.describe(file, item, (len(task.options),), "ja") is None  # an answer the file no longer has
    assert lateral.describe(file, f"lateral:{file.id}:gone", (0,), "ja") is None
    assert lateral.describe(file, f"lateral:other-file:{task.id}", (0,), "ja") is None


def test_scenario_names_who_said_what_and_the_choice_taken():
    story = _content("scenario", "scenarios/group_chat.yaml")
    node = next(n for n in story.nodes if n.choices)
    said = scenario.describe(story, f"scenario:{story.id}:{node.id}", (1,), "ja")
    assert said.text == f"【{story.title.ja}】{node.text.ja}"  # the narrator speaks at every choice
    speaking = dataclasses.replace(node, speaker=story.characters[0].id)
    spoken = scenario.describe(dataclasses.replace(story, nodes=(speaking,)), f"scenario:{story.id}:{node.id}", (1,), "en")
    assert spoken.text == f"[{story.title.en}] {story.characters[0].name.en}: \"{node.text.en}\""
    assert said.answer == node.choices[1].text.ja
    assert scenario.describe(story, f"scenario:{story.id}:{node.id}", (len(node.choices),), "ja") is None
    assert scenario.describe(story, f"scenario:{story.id}:no-such-node", (0,), "ja") is None


def test_timeline_words_are_the_buttons_and_the_decision_after_checking_is_marked():
    feed = _content("timeline", "timelines/disaster_night.yaml")
    post = feed.posts[0]
    first = timeline.describe(feed, f"timeline:{feed.id}:{post.id}", (1,), "ja")
    assert (first.text, first.answer) == (post.text.ja, "確かめる")
    after = timeline.describe(feed, f"timeline:{feed.id}:{post.id}:decide", (2,), "en")
    assert after.text == f"(After checking: share it?) {post.text.en}" and after.answer == "Don't share it"
    assert timeline.describe(feed, f"timeline:{feed.id}:{post.id}:decide", (1,), "ja") is None  # never stored
    assert timeline.describe(feed, f"timeline:{feed.id}:{post.id}", (3,), "ja") is None


def test_discernment_says_believe_or_doubt():
    feed = _content("discernment", "discernment/everyday.yaml")
    post = feed.posts[0]
    assert discernment.describe(feed, feed.item(post), (1,), "ja") == discernment.Described(post.text.ja, "あやしい")
    assert discernment.describe(feed, feed.item(post), (0,), "en").answer == "I believe it"
    assert discernment.describe(feed, "discern:other:post", (0,), "ja") is None


def test_law_walk_download_rule_game_and_quiz():
    walk = _content("law_walk", "law/identified.yaml")
    step = next(s for s in walk.steps if s.choices)
    said = law_walk.describe(walk, f"law:{walk.id}:{step.id}", (0,), "ja")
    assert (said.text, said.answer) == (step.ask.ja or step.heading.ja, step.choices[0].text.ja)

    rules = _content("law_rules", "law_rules/download_rule.yaml")
    rule = next(r for r in rules.rules if r.when)
    said = download_rule.describe(rules, f"download_rule_checker:{rules.id}:{rule.id}", (2,), "ja")
    first_condition = next(c for c in rules.conditions if c.id == rule.when[0][0])
    assert said.text.startswith("このケースは法律ではどうなる？：")
    assert any(o.label.ja in said.text for o in first_condition.options if o.id in rule.when[0][1])
    assert said.answer == "違法で、刑罰の対象（犯罪）"

    play = _content("game", "games/manipulator.yaml")
    stage = play.stages[0]
    said = game.describe(play, f"game:{play.id}:{stage.id}", (0,), "ja")
    assert stage.technique.ja in said.text and said.answer == stage.choices[0].text.ja

    bank = _content("quiz", "quizzes/misinformation_basics.yaml")
    question = bank[0].questions[0]
    said = quiz.describe(bank, question.id, (0,), "ja")
    assert (said.text, said.answer) == (question.text.ja, question.choices[0].text.ja)


def test_post_checker_names_the_kinds_of_words_found_or_none():
    lexicon = _content("lexicon", "lexicon/lexicon.yaml")
    said = post_checker.describe(lexicon, "postchecker:2", (0, 1), "ja")
    assert said.text == "投稿チェック（2回目）で見つかったことば"
    assert said.answer == f"{lexicon.categories['insult'].label.ja}・{lexicon.categories['threat'].label.ja}"
    assert post_checker.describe(lexicon, "postchecker:1", (), "en").answer == "nothing to point out"
    assert post_checker.describe(lexicon, "postchecker:1", (99,), "ja") is None


# --- finding the file, and falling back ----------------------------------------------------------


def test_a_changed_or_missing_file_falls_back_to_the_ids_and_numbers(tmp_path):
    (tmp_path / "lateral").mkdir()
    shutil.copy(DATASETS / "lateral/who_is_behind.yaml", tmp_path / "lateral/who_is_behind.yaml")
    file = _content("lateral", "lateral/who_is_behind.yaml")
    item = f"lateral:{file.id}:{file.tasks[0].id}"
    found = describe_answer(item, (0, 0), "lateral/who_is_behind.yaml", tmp_path)
    assert found.from_file and found.text == file.tasks[0].question.ja

    path = tmp_path / "lateral/who_is_behind.yaml"  # the teacher renamed the task since
    path.write_text(path.read_text(encoding="utf-8").replace(f"id: {file.tasks[0].id}\n", "id: renamed\n", 1), encoding="utf-8")
    changed = describe_answer(item, (0, 0), "lateral/who_is_behind.yaml", tmp_path)
    assert not changed.from_file
    assert changed.text == f"横読み（{file.id} / {file.tasks[0].id}）" and changed.answer == "選んだ番号 1・1"

    path.write_text("tasks: [broken", encoding="utf-8")  # a broken file is no file
    assert describe_answer(item, (1,), "lateral/who_is_behind.yaml", tmp_path, "en").text.startswith("Lateral reading (")
    path.unlink()
    assert describe_answer(item, (1,), "lateral/who_is_behind.yaml", tmp_path).answer == "選んだ番号 2"


def test_an_answer_without_its_file_name_is_found_by_its_ids_in_the_kind_s_folder():
    story = _content("scenario", "scenarios/group_chat.yaml")
    node = next(n for n in story.nodes if n.choices)
    found = describe_answer(f"scenario:{story.id}:{node.id}", (0,), "", DATASETS)
    assert found.from_file and found.answer == node.choices[0].text.ja


def test_the_game_and_post_checker_are_not_scored():
    assert [m for m, c in COMPONENTS.items() if c.records is not None and not c.scored] == ["post_checker", "manipulator_game"]
    play = _content("game", "games/manipulator.yaml")
    found = describe_answer(f"game:{play.id}:{play.stages[0].id}", (0,), "games/manipulator.yaml", DATASETS)
    assert found.from_file and not found.scored


# --- the registry: every component that stores answers can say them in words ----------------------


def _recording_widgets() -> set[str]:
    """The widget classes (``"module:Class"``) whose code calls ``self.sitting.record(…)``, read from their source."""
    found = set()
    for path in (ROOT / "kit/widgets").glob("*.py"):
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(cls, ast.ClassDef) and any(
                    isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "record"
                    and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "sitting"
                    for node in ast.walk(cls)):
                found.add(f"kit.widgets.{path.stem}:{cls.name}")
    return found


def test_every_component_that_records_answers_has_a_describe_function():
    recording = _recording_widgets()
    assert len(recording) >= 9  # quiz, scenario, timeline, discernment, lateral, post checker, law walk, rules, game
    widgets = {c.widget for c in COMPONENTS.values()}
    assert recording <= widgets | {"kit.widgets.quiz_card:QuizCard"}  # a Quiz records through its cards
    for method, component in COMPONENTS.items():
        if component.widget in recording or method == "quiz":
            assert component.records is not None and callable(attribute(component.describe)), method
        else:
            assert component.records is None and component.describe is None, method
    prefixes = [c.records for c in COMPONENTS.values() if c.records is not None]
    assert len(prefixes) == len(set(prefixes)), "two components store answers under one name"


def _samples(method: str, content) -> list[tuple[str, tuple[int, ...]]]:
    """Answers a component stores for ``content``, as its widget names them."""
    if method == "quiz":
        return [(q.id, q.answer) for q in content[0].questions]
    if method == "scenario":
        return [(f"scenario:{content.id}:{n.id}", (len(n.choices) - 1,)) for n in content.nodes if n.choices]
    if method == "timeline":
        return [s for p in content.posts for s in ((f"timeline:{content.id}:{p.id}", (0,)),
                                                     (f"timeline:{content.id}:{p.id}:decide", (2,)))]
    if method == "discernment":
        return [(content.item(p), (1,)) for p in content.posts]
    if method == "lateral":
        return [(f"lateral:{content.id}:{t.id}", lateral_model.response(t, t.answer, ["search"])) for t in content.tasks]
    if method == "law_walk":
        return [(f"law:{content.id}:{s.id}", (0,)) for s in content.steps if s.choices]
    if method == "download_rule_checker":
        return [(f"download_rule_checker:{content.id}:{r.id}", (1,)) for r in content.rules]
    if method == "manipulator_game":
        return [(f"game:{content.id}:{s.id}", (0,)) for s in content.stages]
    if method == "post_checker":
        return [("postchecker:1", ()), ("postchecker:2", (0,))]
    raise AssertionError(f"no sample answers for {method}: add them here")


def _shipped_calls() -> list[tuple[str, str]]:
    found = {}
    for path in notebook.lesson_notebooks(ROOT / "lessons"):
        for call in notebook.read(path).calls:
            component = COMPONENTS.get(call.method)
            if component is None or component.records is None or call.spread:
                continue
            file = component.file_of(call.args, call.kwargs)
            if isinstance(file, str):
                found[call.method, file] = None
    return list(found)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_teacher_never_sees_a_raw_component_id_for_the_shipped_lessons(lang):
    calls = _shipped_calls()
    assert {m for m, _ in calls} >= {"quiz", "scenario", "timeline", "discernment", "lateral", "post_checker",
                                     "law_walk", "download_rule_checker", "manipulator_game"}
    for method, file in calls:
        component = COMPONENTS[method]
        for item, response in _samples(method, _content(component.kind, file)):
            said = describe_answer(item, response, file, DATASETS, lang)
            assert said.from_file, (file, item)
            shown = said.text + " " + said.answer
            assert not any(f"{c.records}:" in shown for c in COMPONENTS.values() if c.records), (item, shown)
            assert said.text and said.answer and label("item_numbers", lang, numbers="") not in said.answer, (item, said)
