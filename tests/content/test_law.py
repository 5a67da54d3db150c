"""Law walk-throughs and law cards: each mistake named with its fix; shipped content checked against the facts."""

from __future__ import annotations

import pytest
import yaml

from kit.content.errors import ContentError
from kit.content.facts import load_all_facts
from kit.content.law import load_law_cards, load_law_walk, missing_facts
from tests.conftest import REPO


def test_sample_walk_and_cards_load(datasets):
    walk = load_law_walk(datasets / "law" / "walk.yaml")
    assert [s.id for s in walk.steps] == ["one", "two"] and [s.answer for s in walk.steps] == [1, 0]
    cards = load_law_cards(datasets / "law" / "cards.yaml")
    assert cards.card("insult").penalty_fact == "insult-penalty-2022"
    with pytest.raises(ContentError, match="defamation"):
        cards.card("defamation")


def test_shipped_law_content_uses_only_known_facts_with_dates():
    facts = load_all_facts(REPO / "datasets" / "facts")
    walk = load_law_walk(REPO / "datasets" / "law" / "identified.yaml")
    cards = load_law_cards(REPO / "datasets" / "law" / "cards.yaml")
    assert missing_facts(walk, facts) == [] and missing_facts(cards, facts) == []
    assert {c.id for c in cards.cards} == {"defamation", "insult", "civil-damages"}
    # the penalties shown are the 2025-06 拘禁刑 wording, with that as-of date
    for cid in ("defamation", "insult"):
        fact = facts[cards.card(cid).penalty_fact]
        assert "拘禁刑" in fact.text.ja and fact.as_of == "2025-06-01"
    shown = {f for _, f in walk.fact_ids}
    assert {"hassinsha-kaiji-2022", "platform-act-2025"} <= shown
    assert facts["hassinsha-kaiji-2022"].as_of == "2022-10-01" and facts["platform-act-2025"].as_of == "2025-04-01"
    assert "7日" in facts["platform-act-2025"].text.ja


def rewrite(datasets, name, change):
    path = datasets / "law" / name
    doc = yaml.safe_load(path.read_text("utf-8"))
    change(doc)
    broken = datasets / "law" / f"broken_{name}"
    broken.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return broken


@pytest.mark.parametrize(
    "change,place,field,words",
    [
        (lambda d: d["steps"][0]["choices"][0].update(correct=True), "段階「one」", "choices", "1つだけ"),
        (lambda d: d["steps"][0]["choices"][1].pop("correct"), "段階「one」", "choices", "1つだけ"),
        (lambda d: d["steps"][1]["choices"][1].pop("feedback_en"), "段階「two」の選択肢2", "feedback_en", "空です"),
        (lambda d: d["steps"][1].pop("ask_ja"), "段階「two」", "ask_ja", "空です"),
        (lambda d: d["steps"][1].update(id="one"), "段階「one」", "id", "2回"),
        (lambda d: d["steps"][0].update(fatcs=["x"]), "段階「one」", "fatcs", "「facts」のまちがい"),
    ],
)
def test_walk_mistakes(datasets, change, place, field, words):
    with pytest.raises(ContentError) as err:
        load_law_walk(rewrite(datasets, "walk.yaml", change))
    match = [p for p in err.value.problems if p.place == place and p.field == field]
    assert match, [p.sentence() for p in err.value.problems]
    assert "broken_walk.yaml" in match[0].sentence() and words in match[0].sentence()


def test_card_mistakes_and_unknown_facts(datasets):
    with pytest.raises(ContentError) as err:
        load_law_cards(rewrite(datasets, "cards.yaml", lambda d: d["cards"][0].update(as_of="去年", penalty_fact="")))
    fields = {p.field for p in err.value.problems}
    assert {"as_of", "penalty_fact"} <= fields
    cards = load_law_cards(rewrite(datasets, "cards.yaml", lambda d: d["cards"][0].update(penalty_fact="no-such-fact")))
    problems = missing_facts(cards, load_all_facts(datasets / "facts"))
    assert len(problems) == 1 and "no-such-fact" in problems[0].sentence() and problems[0].place == "カード「insult」"
