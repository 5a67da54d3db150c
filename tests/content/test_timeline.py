"""Timelines: the sample loads; each kind of mistake gives one precise message naming file, post, field and fix."""

from __future__ import annotations

import pytest
import yaml

from kit.content import ContentError
from kit.content.timeline import Truth, load_timeline


def sample(datasets):
    return yaml.safe_load((datasets / "timelines" / "sample.yaml").read_text("utf-8"))


def write(datasets, doc):
    path = datasets / "timelines" / "broken.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def problems_of(path):
    with pytest.raises(ContentError) as err:
        load_timeline(path)
    return err.value.problems


def test_sample_loads_with_clues_steps_and_truth(datasets):
    t = load_timeline(datasets / "timelines" / "sample.yaml")
    assert t.id == "sample" and [p.id for p in t.posts] == ["rumour", "official", "unknown"]
    assert t.posts[0].time.ja == "20:00"  # a time, not the base-60 number YAML 1.1 would read
    rumour, official, unknown = t.posts
    assert rumour.author.followers == 12 and rumour.author.handle == "@rumour" and not rumour.author.official
    assert official.author.official and official.truth is Truth.TRUE and official.share_ok
    assert [s.kind for s in rumour.steps] == ["who", "others"] and rumour.steps[1].found.en.startswith("The city")
    assert rumour.picture is not None and rumour.picture.name == "dot.svg"
    assert rumour.is_careful("ignore") and not rumour.is_careful("share")
    assert unknown.truth is Truth.UNVERIFIED and not unknown.share_ok
    assert [p.id for p in t.select(["unknown", "rumour"]).posts] == ["unknown", "rumour"]


def test_selecting_a_missing_post_names_it(datasets):
    t = load_timeline(datasets / "timelines" / "sample.yaml")
    with pytest.raises(ContentError, match="nosuch"):
        t.select(["nosuch"])


def _set(doc, post, dotted, value):
    target = doc["posts"][post]
    *parents, last = dotted.split(".")
    for key in parents:
        target = target[int(key) - 1] if key.isdigit() else target[key]
    if value is None:
        del target[last]
    else:
        target[last] = value
    return doc


@pytest.mark.parametrize(
    "post,dotted,value,field,words",
    [
        (0, "truth", "maybe", "truth", "false（うそ）"),
        (0, "basis", "real", "basis", "fictional"),
        (0, "careful", ["share", "check"], "careful", "careful から share を外して"),
        (1, "careful", ["share"], "careful", "check を入れて"),
        (0, "careful", ["look"], "careful", "share・check・ignore"),
        (0, "author.handle", "no at sign", "author.handle", "@ のあとに"),
        (0, "author.followers", "many", "author.followers", "数字だけ"),
        (0, "author.name_ja", None, "author.name_ja", "空です"),
        (0, "author.nickname", "x", "author.nickname", "知らない"),
        (0, "steps.2.kind", "feelings", "steps.2.kind", "who（だれが投稿？）"),
        (0, "steps.1.found_en", "", "steps.1.found_en", "空です"),
        (0, "steps.2.kind", "who", "steps", "同じ種類"),
        (0, "steps", [], "steps", "1〜4つ"),
        (0, "picture", "pictures/missing.svg", "picture", "見つかりません"),
        (0, "picture", "picture.gif", "picture", "svg・png・jpg"),
        (0, "picture", "../../etc/passwd.svg", "picture", "同じフォルダ"),
        (0, "picture", "../timelines_x/dot.svg", "picture", "同じフォルダ"),  # a sibling whose name starts the same
        (0, "picture_alt_ja", None, "picture_alt_ja", "何が写っているか"),
        (0, "basis", "real-case", "sources", None),
        (1, "id", "rumour", "id", "使われています"),
        (0, "text_ja", "", "text_ja", "空です"),
        (0, "explanaton_ja", "x", "explanaton_ja", "「explanation_ja」のまちがい"),
    ],
)
def test_each_mistake_names_file_post_field_and_fix(datasets, post, dotted, value, field, words):
    doc = sample(datasets)
    if field == "sources":  # a real case without the fact about it
        doc["posts"][post]["sources"] = []
    path = write(datasets, _set(doc, post, dotted, value))
    problems = problems_of(path)
    match = [p for p in problems if p.field == field]
    assert len(match) == 1, [p.sentence() for p in problems]
    sentence = match[0].sentence()
    assert sentence.startswith("datasets/timelines/broken.yaml: ")
    assert "番目の項目" in sentence  # which post
    if words:
        assert words in sentence
    assert match[0].why_en  # English too


def test_heading_problems_are_reported_with_the_posts(datasets):
    doc = sample(datasets)
    doc["id"] = "Not An Id"
    del doc["note_ja"]
    doc["posts"][0]["truth"] = "maybe"
    problems = problems_of(write(datasets, doc))
    fields = sorted(p.field for p in problems)
    assert fields == ["id", "note_ja", "truth"], [p.sentence() for p in problems]


def test_every_problem_at_once_and_good_posts_unaffected(datasets):
    doc = sample(datasets)
    doc["posts"][0]["truth"] = "maybe"
    doc["posts"][2]["author"]["handle"] = "bad"
    problems = problems_of(write(datasets, doc))
    assert {(p.place.split("（")[0], p.field) for p in problems} == {("1番目の項目", "truth"), ("3番目の項目", "author.handle")}


def test_no_posts_and_not_a_list(datasets):
    doc = sample(datasets)
    doc["posts"] = []
    assert "投稿が1つもありません" in problems_of(write(datasets, doc))[0].sentence()
    doc["posts"] = "none"
    assert "posts:" in problems_of(write(datasets, doc))[0].sentence()


def test_the_kit_timelines_load(tmp_path):
    from tests.conftest import REPO

    for path in sorted((REPO / "datasets" / "timelines").glob("*.yaml")):
        t = load_timeline(path)
        truths = {p.truth for p in t.posts}
        assert Truth.TRUE in truths and Truth.FALSE in truths, "a timeline must not teach that everything is fake"
        assert all(p.basis in ("fictional", "real-case") for p in t.posts)
