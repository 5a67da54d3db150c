"""Teacher guides: the shipped ones load, every problem of a broken one is listed with its fix."""

from __future__ import annotations

import json
import re
import shutil
from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from kit.cli import main
from kit.content.errors import ContentError
from kit.content.guide import find_guide, load_guide
from kit.content.schema import load_schema
from tests.conftest import REPO

GUIDE = {
    "schema_version": 1,
    "lesson": "defamation-basics",
    "title_ja": "誹謗中傷", "title_en": "Online abuse",
    "audience": "中学生",
    "minutes": 15,
    "aims": [{"ja": "ねらい", "en": "aim"}],
    "timing": [{"minutes": 10, "activity_ja": "説明"}, {"minutes": 5, "activity_ja": "まとめ"}],
    "questions": [{"ask_ja": "問い", "answer_ja": "答え"}],
}


def write(path: Path, doc) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def problems(path: Path) -> list:
    with pytest.raises(ContentError) as info:
        load_guide(path)
    return info.value.problems


@pytest.mark.parametrize("path", sorted((REPO / "datasets" / "guides").glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_guides_load_and_add_up(path):
    guide = load_guide(path)
    assert guide.lesson == path.stem
    assert sum(step.minutes for step in guide.timing if not step.optional) == guide.minutes
    assert guide.aims and guide.questions
    assert all(q.ask.en and q.answer.en for q in guide.questions)


PERIOD = {"小3-4": 45, "小5-6": 45, "中学生": 50, "高校生": 50}  # a school period in minutes (小 45, 中・高 50)
SCHOOL_GUIDES = sorted(p for p in (REPO / "datasets" / "guides").glob("*.yaml")
                       if yaml.safe_load(p.read_text("utf-8")).get("audience") in PERIOD)


@pytest.mark.parametrize("path", SCHOOL_GUIDES, ids=lambda p: p.stem)
def test_a_school_lesson_fills_whole_periods_each_marked(path):
    """A lesson fits one period, or several: each later one starts at a step marked （2時間目）… and each is full.

    The total alone would let a part added to one period push the other past the bell.
    """
    guide = load_guide(path)
    period = PERIOD[guide.audience]
    core = [s for s in guide.timing if not s.optional]
    marks = [(i, int(m.group(1))) for i, s in enumerate(core) if (m := re.match(r"（(\d+)時間目）", s.activity.ja))]
    starts, marked = [i for i, _ in marks], [n for _, n in marks]
    if guide.minutes <= period:
        assert starts == []
        return
    assert guide.minutes % period == 0 and marked == list(range(2, guide.minutes // period + 1))
    bounds = [0, *starts, len(core)]
    assert [sum(s.minutes for s in core[a:b]) for a, b in pairwise(bounds)] == [period] * (len(bounds) - 1)


def test_every_starter_lesson_has_a_guide():
    notebooks = [json.loads(p.read_text("utf-8"))["metadata"]["netkit"]["id"] for p in (REPO / "lessons").rglob("*.ipynb")]
    for lesson_id in notebooks:
        assert find_guide(REPO / "datasets", lesson_id) is not None, lesson_id


def test_a_sound_guide_reads_into_dataclasses(tmp_path):
    guide = load_guide(write(tmp_path / "g.yaml", GUIDE))
    assert guide.title.get("en") == "Online abuse"
    assert [s.minutes for s in guide.timing] == [10, 5]
    assert guide.timing[0].activity.get("en") == "説明"  # Japanese where English is missing
    assert guide.notes == ()
    with pytest.raises(AttributeError):
        guide.minutes = 45  # frozen


def test_timing_must_add_up_to_minutes(tmp_path):
    found = problems(write(tmp_path / "g.yaml", {**GUIDE, "minutes": 45}))
    assert len(found) == 1
    assert found[0].field == "timing"
    assert "15 分" in found[0].why and "45 分" in found[0].why


def test_every_problem_is_listed_with_its_place_and_fix(tmp_path):
    doc = {**GUIDE, "audience": "中学", "minutes": "四十五", "lessons": "x",
           "aims": [{"ja": ""}, "just text"],
           "timing": [{"minutes": 0, "activity_ja": "説明", "activty_en": "typo"}],
           "questions": []}
    del doc["title_ja"]
    found = problems(write(tmp_path / "g.yaml", doc))
    by_place = {(p.place, p.field) for p in found}
    assert ("", "audience") in by_place
    assert ("", "minutes") in by_place
    assert ("", "title_ja") in by_place
    assert ("", "lessons") in by_place and any("「lesson」のまちがい" in p.why for p in found)
    assert ("aims の1番目", "ja") in by_place
    assert ("aims の2番目", "") in by_place
    assert ("timing の1番目", "minutes") in by_place
    assert ("timing の1番目", "activty_en") in by_place
    assert ("", "questions") in by_place
    audience = next(p for p in found if p.field == "audience")
    assert "小3-4・小5-6・中学生" in audience.why and audience.why_en
    assert "guides" not in found[0].file or found[0].file.endswith("g.yaml")


def test_yaml_errors_name_the_line(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("schema_version: 1\nlesson: [oops\n", "utf-8")
    (problem,) = problems(path)
    assert problem.place.endswith("行目")


def test_every_field_of_the_schema_carries_a_fix():
    def walk(node, name):
        for key, sub in node.get("properties", {}).items():
            assert sub.get("x-fix-ja") and sub.get("x-fix-en"), f"{name}.{key}"
            if isinstance(sub.get("items"), dict):
                walk(sub["items"], f"{name}.{key}[]")

    walk(load_schema("guide"), "guide")


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(REPO / "datasets", tmp_path / "datasets")
    shutil.copytree(REPO / "lessons", tmp_path / "lessons")
    return tmp_path


def test_validate_checks_guides_against_the_notebooks(folder, capsys):
    assert main(["validate", str(folder)]) == 0
    capsys.readouterr()
    write(folder / "datasets/guides/orphan.yaml", {**GUIDE, "lesson": "no-such-lesson"})
    write(folder / "datasets/guides/other.yaml", {**GUIDE, "minutes": 45, "audience": "高校生",
                                                    "timing": [{"minutes": 45, "activity_ja": "全部"}]})
    broken = {**GUIDE, "lesson": "piracy-basics"}
    broken["timing"] = [{"minutes": 3, "activity_ja": "短い"}]
    write(folder / "datasets/guides/piracy-basics.yaml", broken)
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "guides/orphan.yaml: 列・項目「lesson」: id「no-such-lesson」の授業ノートブックがありません" in out
    assert "defamation-basics" in out.split("いまある id: ")[1].split("）")[0]  # the ids that exist are suggested
    assert "guides/other.yaml" in out and "手引きは 45 分" in out and "手引きは 高校生" in out
    assert "授業「defamation-basics」の手引きは" in out  # two guides for one lesson
    assert "guides/piracy-basics.yaml: 列・項目「timing」: timing の時間の合計（optional: true の活動をのぞく）が 3 分" in out


def test_optional_steps_are_outside_the_period(tmp_path):
    doc = {**GUIDE, "timing": [*GUIDE["timing"], {"minutes": 7, "optional": True, "activity_ja": "（省略可）炎上ラボ"}]}
    path = tmp_path / "g.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    guide = load_guide(path)
    assert guide.timing[-1].optional and sum(s.minutes for s in guide.timing if not s.optional) == guide.minutes
    doc["timing"][-1]["optional"] = False  # counted now: the period no longer adds up
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    with pytest.raises(ContentError, match="optional: true の活動をのぞく"):
        load_guide(path)
