"""「だます側になってみよう」 content: the shipped game and discernment posts, and broken files told in one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kit.content.check import check_tree
from kit.content.discernment import load_discernment
from kit.content.errors import ContentError
from kit.content.manipulator import load_game

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "datasets" / "games" / "manipulator.yaml"
POSTS = ROOT / "datasets" / "discernment" / "game.yaml"
TECHNIQUES = ["なりすまし", "感情をあおる", "対立をあおる", "陰謀論", "信用をおとす", "荒らし"]
# Real places, companies, teams and people a teacher might slip in: the shipped content names none.
REAL = ("東京", "大阪", "熊本", "日本ハム", "巨人", "阪神", "カルビー", "明治", "ロッテ", "森永", "グリコ", "NHK",
        "総理", "首相", "X（旧", "ツイッター", "LINE", "YouTube", "TikTok", "Bリーグ", "Jリーグ")


def test_the_shipped_game_has_the_six_named_techniques_each_with_posts_and_how_to_spot_it():
    game = load_game(SHIPPED)
    assert [s.technique.ja for s in game.stages] == TECHNIQUES
    for stage in game.stages:
        assert 2 <= len(stage.choices) <= 3 and stage.spot
        assert stage.technique.en and stage.target.ja and stage.target.en and stage.explain.en
        assert all(c.text.ja and c.text.en and c.result.ja and c.result.en for c in stage.choices)
        assert all(p.ja and p.en for p in stage.spot)
        risks = sorted(c.risk for c in stage.choices)
        assert risks[0] < risks[-1]  # a subtle and a reckless way, so being found out depends on the choice
    assert game.title.en and game.intro.en and game.debrief.en and game.handle.startswith("@")


def test_the_shipped_game_and_its_test_posts_name_no_real_place_company_team_or_person():
    game = load_game(SHIPPED)
    posts = load_discernment(POSTS)
    words = " ".join([game.intro.ja, game.debrief.ja, game.account_name.ja]
                     + [t for s in game.stages for t in (s.target.ja, s.explain.ja, *(c.text.ja for c in s.choices),
                                                        *(c.result.ja for c in s.choices))]
                     + [p.author.name.ja + p.text.ja for p in posts.posts])
    for real in REAL:
        assert real not in words, real


def test_the_test_posts_are_new_matched_forms_half_true():
    posts = load_discernment(POSTS)
    assert posts.forms == ("a", "b")
    for form in posts.forms:
        judged = posts.form(form)
        assert len(judged) == 6 and sum(p.truth for p in judged) == 3
    everyday = load_discernment(ROOT / "datasets" / "discernment" / "everyday.yaml")
    assert not {p.text.ja for p in posts.posts} & {p.text.ja for p in everyday.posts}


def _problems(tmp_path, change) -> list:
    data = yaml.safe_load(SHIPPED.read_text("utf-8"))
    change(data)
    path = tmp_path / "datasets" / "games" / "manipulator.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(ContentError) as caught:
        load_game(path)
    return caught.value.problems


def test_a_risk_out_of_range_is_one_sentence_naming_the_file_stage_choice_field_and_fix(tmp_path):
    def change(data):
        data["stages"][1]["choices"][0]["risk"] = 1.5

    [problem] = _problems(tmp_path, change)
    sentence = problem.sentence()
    assert sentence.startswith("datasets/games/manipulator.yaml: stages の2番目（id: emotion）の choices の1番目（id: sick-child）")
    assert problem.field == "risk" and "0（見やぶりにくい）から1" in sentence and sentence.count("。") <= 2
    assert "from 0" in problem.sentence_en()


@pytest.mark.parametrize("change,place,field,words", [
    (lambda d: d["stages"][0].pop("spot"), "stages の1番目（id: impersonation）", "spot", "見やぶり方"),
    (lambda d: d["stages"][2]["choices"][1].update(hook=9), "stages の3番目（id: polarize）の choices の2番目（id: fake-quote）",
     "hook", "1（弱い）から5"),
    (lambda d: d["stages"][3].update(choices=d["stages"][3]["choices"][:1]), "stages の4番目（id: conspiracy）", "choices",
     "2〜4個"),
    (lambda d: d["stages"][4].update(id="emotion"), "stages の5番目（id: emotion）", "id", "2回"),
    (lambda d: d["account"].update(handle="うわさ"), "", "account", "handle"),
    (lambda d: d["stages"][5]["choices"][0].update(txt_ja="x"), "stages の6番目（id: trolling）の choices の1番目（id: many-accounts）",
     "txt_ja", "text_ja"),
])
def test_each_broken_field_is_named_with_its_place_and_fix(tmp_path, change, place, field, words):
    [problem] = _problems(tmp_path, change)
    assert (problem.place, problem.field) == (place, field)
    assert words in problem.sentence()


def test_a_stage_that_is_not_a_set_of_fields_is_named(tmp_path):
    problems = _problems(tmp_path, lambda d: d["stages"].append("なりすまし"))
    assert [(p.place, p.field) for p in problems] == [("stages の7番目", "")]


def test_validate_reads_the_games_folder_and_tells_a_broken_game_in_one_sentence(tmp_path):
    datasets = tmp_path / "datasets"
    (datasets / "games").mkdir(parents=True)
    data = yaml.safe_load(SHIPPED.read_text("utf-8"))
    (datasets / "games" / "manipulator.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    assert check_tree(datasets).ok
    data["stages"][0]["choices"][2]["risk"] = "high"
    (datasets / "games" / "manipulator.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    report = check_tree(datasets)
    [problem] = report.problems
    assert problem.file == "datasets/games/manipulator.yaml" and problem.field == "risk"
    assert "snack-present" in problem.place
