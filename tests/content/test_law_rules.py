"""A teacher's law file: every mistake is reported as a sentence naming the place and the fix."""

from __future__ import annotations

import pytest
import yaml

from kit.content.errors import ContentError
from kit.content.law_rules import load_law_rules
from tests.conftest import REPO

SOURCE = REPO / "datasets" / "law_rules" / "download_rule.yaml"


@pytest.fixture
def doc():
    return yaml.safe_load(SOURCE.read_text("utf-8"))


def write(tmp_path, doc) -> str:
    path = tmp_path / "datasets" / "law_rules" / "rules.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def problems(tmp_path, doc):
    with pytest.raises(ContentError) as info:
        load_law_rules(write(tmp_path, doc))
    return info.value.problems


def rule(doc, rule_id):
    return next(r for r in doc["rules"] if r["id"] == rule_id)


def test_the_shipped_file_loads(tmp_path, doc):
    law = load_law_rules(write(tmp_path, doc))
    assert law.as_of == "2026-11-01" and law.sources
    assert all(a.confirmed for a in law.articles.values())  # every article checked against the law text
    assert law.penalties["music-download-crime"].fact == "download-penalty-2025"


def test_a_rule_naming_an_unknown_condition(tmp_path, doc):
    rule(doc, "stream")["when"] = {"acton": "stream"}
    found = problems(tmp_path, doc)
    assert any(p.place == "stream" and p.field == "when" and "acton" in p.why and "action" in p.why for p in found)


def test_a_rule_naming_an_unknown_answer(tmp_path, doc):
    rule(doc, "music-crime")["when"]["sold"] = "maybe"
    found = problems(tmp_path, doc)
    assert any(p.place == "music-crime" and "maybe" in p.why and "yes" in p.why for p in found)


def test_a_question_depending_on_a_later_one(tmp_path, doc):
    doc["conditions"][0]["ask_when"] = {"work": "other"}
    found = problems(tmp_path, doc)
    assert any(p.field == "ask_when" and "work" in p.why for p in found)


def test_missing_article_and_penalty(tmp_path, doc):
    rule(doc, "upload-without-permission")["articles"] = ["art-23", "art-999"]
    del rule(doc, "link-pirated")["penalty"]
    found = problems(tmp_path, doc)
    assert any(p.place == "upload-without-permission" and p.field == "articles" and "art-999" in p.why for p in found)
    assert any(p.place == "link-pirated" and p.field == "penalty" for p in found)


def test_a_case_no_rule_decides(tmp_path, doc):
    doc["rules"] = [r for r in doc["rules"] if r["id"] != "music-illegal"]
    found = problems(tmp_path, doc)
    assert any(p.field == "when" and "music_video" in p.why and "sold: no" in p.why for p in found)


def test_questions_that_combine_into_too_many_cases(tmp_path, doc):
    def yes_no():
        return [{"id": a, "label_ja": j, "label_en": a} for a, j in (("yes", "はい"), ("no", "いいえ"))]

    doc["conditions"] += [{"id": f"extra{n}", "question_ja": f"質問{n}", "question_en": f"Question {n}", "options": yes_no()}
                          for n in range(15)]  # 2**15 more combinations for every case the file had
    found = problems(tmp_path, doc)
    assert len(found) == 1 and found[0].place == "conditions" and "20000 通りを超えます" in found[0].why


def test_a_rule_hidden_behind_earlier_ones(tmp_path, doc):
    crime = rule(doc, "download-crime")
    doc["rules"].remove(crime)
    doc["rules"].append(crime)  # now below the general "knowingly downloaded" rule
    found = problems(tmp_path, doc)
    assert [p.place for p in found] == ["download-crime"]
    assert "使われません" in found[0].why and "never used" in found[0].why_en


def test_schema_problems_are_reported_field_by_field(tmp_path, doc):
    doc["as_of"] = "R8.11"
    rule(doc, "stream")["outcome"] = "ok"
    doc["articles"][0]["mark"] = "maybe"
    doc["conditions"][1]["options"] = [{"id": "yes"}]
    found = {(p.place, p.field) for p in problems(tmp_path, doc)}
    assert ("", "as_of") in found
    assert any(place.endswith("（id: stream）") and field == "outcome" for place, field in found)
    assert any(field == "mark" for _, field in found)
    assert any(field == "options" for _, field in found)


def test_a_missing_list(tmp_path, doc):
    del doc["penalties"]
    found = problems(tmp_path, doc)
    assert any(p.field == "penalties" for p in found)
