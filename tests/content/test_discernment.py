"""Discernment feeds: the shipped forms are matched, and a teacher's broken file gets one sentence per problem."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from kit.content.check import check_notebook, check_tree
from kit.content.discernment import load_discernment
from kit.content.errors import ContentError
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "datasets" / "discernment" / "everyday.yaml"
SMALL = FIXTURES / "datasets" / "discernment" / "small.yaml"


def test_the_shipped_feed_has_three_matched_forms_half_true():
    feed = load_discernment(SHIPPED)
    assert feed.forms == ("a", "b", "c")
    mixes = [Counter((p.truth, p.clue) for p in feed.form(f)) for f in feed.forms]
    assert mixes[0] == mixes[1] == mixes[2]
    for form in feed.forms:
        posts = feed.form(form)
        assert len(posts) == 8 and sum(p.truth for p in posts) == 4
    assert len({p.id for p in feed.posts}) == 24
    assert all(p.reason.ja and p.reason.en for p in feed.posts)
    assert feed.item(feed.posts[0]) == "discern:everyday-feed:a-city-pool"


def test_no_real_name_appears_in_the_shipped_posts():
    # fictional town, accounts and companies only: the handles and names are the kit's own
    feed = load_discernment(SHIPPED)
    names = " ".join(p.author.name.ja + p.text.ja for p in feed.posts)
    for real in ("東京", "大阪", "熊本", "能登", "東日本", "総理", "JR", "NHK"):
        assert real not in names


def _broken(tmp_path, change) -> list:
    data = yaml.safe_load(SMALL.read_text("utf-8"))
    change(data)
    path = tmp_path / "datasets" / "discernment" / "x.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(ContentError) as caught:
        load_discernment(path)
    return caught.value.problems


def test_a_form_that_is_not_half_true_is_named_with_its_fix(tmp_path):
    def flip(data):
        data["posts"][6]["truth"] = "true"  # b-photo
    problems = _broken(tmp_path, flip)
    [problem] = problems
    assert problem.file == "datasets/discernment/x.yaml" and problem.place == "form b" and problem.field == "truth"
    assert "本当とうそを半分ずつ" in problem.why and "half true and half false" in problem.why_en


def test_forms_with_different_clues_are_not_matched(tmp_path):
    def change(data):
        data["posts"][7]["clue"] = "numbers"  # b-emotion
    [problem] = _broken(tmp_path, change)
    assert (problem.place, problem.field) == ("form b", "clue")
    assert "false/emotion×1" in problem.why and "false/numbers×1" in problem.why


def test_one_form_only_cannot_measure_a_change(tmp_path):
    def one(data):
        data["posts"] = [p for p in data["posts"] if p["form"] == "a"]
    [problem] = _broken(tmp_path, one)
    assert problem.field == "form" and "a と b の2組以上" in problem.why


def test_field_problems_name_the_post_and_field(tmp_path):
    def bad(data):
        data["posts"][0]["truth"] = "maybe"
        data["posts"][1]["author"]["handle"] = "no at sign"
        del data["posts"][2]["photo_en"]
    problems = _broken(tmp_path, bad)
    named = {(p.place, p.field) for p in problems}
    assert named == {("1番目の項目（id: a-official）", "truth"), ("2番目の項目（id: a-source）", "author.handle"),
                     ("3番目の項目（id: a-photo）", "photo_en")}
    assert all(p.why.endswith("。") and p.why_en for p in problems)


def test_validate_names_a_notebook_asking_for_a_form_the_file_lacks(tmp_path):
    import json

    datasets = tmp_path / "datasets"
    (datasets / "discernment").mkdir(parents=True)
    (datasets / "discernment" / "small.yaml").write_text(SMALL.read_text("utf-8"), "utf-8")
    lessons = tmp_path / "lessons" / "misinformation"
    lessons.mkdir(parents=True)
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": [
        "lesson = Lesson(\"x\")\n", "lesson.discernment(\"discernment/small.yaml\", form=\"c\", phase=\"post\")"]}],
          "metadata": {"netkit": {"id": "x", "title_ja": "x", "topic": "misinformation", "audience": "中学生"}},
          "nbformat": 4, "nbformat_minor": 5}
    (lessons / "x.ipynb").write_text(json.dumps(nb), "utf-8")
    problems = check_notebook(lessons / "x.ipynb", tmp_path / "lessons", datasets)
    [problem] = problems
    assert problem.field == "form" and "form「c」" in problem.why and "(it has a, b)" in problem.why_en
    assert check_tree(datasets).ok
