"""The law from one source of truth: every download case the kit states agrees with the rule data.

A text section, quiz item, fact, guide or scenario that states what the law says about downloading
(or streaming, uploading, linking) carries a ``download_case`` tag such as
``{work: music_video, paid: true, repeated: false, knowing: true, claim: crime}``. Each tag is
checked against ``datasets/law_rules/download_rule.yaml`` through ``kit.models.download_rule``:
the claim must hold for every case the tag describes (answers it leaves out range over all their
values; the exceptions — caught by chance, a tiny part, a parody — are taken as "no" unless given).
A quiz's answer key must be what the tags derive. Prose that talks about downloading and the law
without a tag fails, and no prose outside ``datasets/facts`` may type a penalty.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

from kit.content.law_rules import Outcome, all_cases, load_law_rules
from kit.models.download_rule import decide
from tests.conftest import REPO

DATASETS = REPO / "datasets"
LAW = DATASETS / "law_rules" / "download_rule.yaml"

# tag key -> (question id in the rule file, {tag value: answer id})
YES_NO = {True: "yes", False: "no"}
KEYS = {
    "action": ("action", {"download": "download", "stream": "stream", "upload": "upload", "link": "link"}),
    "work": ("work", {"music_video": "music_video", "music": "music_video", "video": "music_video",
                      "other": "other", "manga": "other", "book": "other"}),
    "knowing": ("source", {True: "known", False: "unknown", "official": "official"}),
    "paid": ("sold", YES_NO),
    "repeated": ("repeated", {True: "repeated", False: "once"}),
    "incidental": ("incidental", YES_NO),
    "minor": ("minor", YES_NO),
    "parody": ("parody", YES_NO),
    "permission": ("permission", YES_NO),
    "link_to": ("link_to", {"pirated": "pirated", "official": "official"}),
}
CLAIMS = {
    "crime": lambda o: o is Outcome.CRIME,
    "not_crime": lambda o: o is not Outcome.CRIME,
    "illegal": lambda o: o is not Outcome.NOT_ILLEGAL,  # illegal, and perhaps a crime too
    "illegal_not_crime": lambda o: o is Outcome.ILLEGAL,
    "not_illegal": lambda o: o is Outcome.NOT_ILLEGAL,
}
EXCEPTIONS = ("incidental", "minor", "parody")

# prose about downloading and the law: a sentence with 「ダウンロード」 (or 保存 of a 海賊版) and a legal word
DOWNLOAD = re.compile(r"ダウンロード|保存.*(海賊版|無断)|(海賊版|無断).*保存")
LEGAL = re.compile(r"犯罪|刑罰|刑事罰|違法|罰せ|罪に|くり返し|繰り返し|1回|一回|親告罪")
# a penalty typed as an amount: 「2年以下」「200万円以下の罰金」「30日未満」「科料9,000円」
PENALTY = re.compile(r"[0-9０-９][0-9０-９,，]*\s*(年|か月|万円|円|日)(以下|未満)|(罰金|科料)\s*[0-9０-９]|"
                     r"[0-9０-９][0-9０-９,，]*\s*万?円の(罰金|科料)|up to [0-9]+ years|fine of up to|"
                     r"[0-9][0-9,.]* (million )?yen (fine|or)")


def parse_tag(raw) -> list[dict]:
    """A tag as written (a mapping, a list of them, or 'key=value ...' strings from a CSV cell)."""
    if raw in (None, ""):
        return []
    if isinstance(raw, dict):
        return [raw]
    if isinstance(raw, list):
        return [t for r in raw for t in parse_tag(r)]
    tags = []
    for part in str(raw).split(";"):
        tag = {}
        for pair in part.split():
            key, _, value = pair.partition("=")
            tag[key] = {"true": True, "false": False}.get(value, int(value) if value.isdigit() else value)
        if tag:
            tags.append(tag)
    return tags


def answers_of(tag: dict) -> dict[str, str]:
    """The rule file's answers a tag fixes (without claim and choice)."""
    answers = {"action": "download"}
    for key, value in tag.items():
        if key in ("claim", "choice"):
            continue
        assert key in KEYS, f"unknown key {key!r} in download_case {tag}; use {', '.join(KEYS)}"
        question, values = KEYS[key]
        assert value in values, f"unknown value {value!r} for {key} in download_case {tag}"
        answers[question] = values[value]
    if answers["action"] == "download":
        for key in EXCEPTIONS:
            answers.setdefault(key, "no")
    return answers


def holds(law, tag: dict) -> bool:
    """Whether the tag's claim is what the law says in every case the tag describes."""
    assert tag.get("claim") in CLAIMS, f"claim must be one of {', '.join(CLAIMS)}: {tag}"
    fixed = answers_of(tag)
    cases = [c for c in all_cases(law) if all(c.get(q, a) == a for q, a in fixed.items())
             and fixed["action"] == c["action"]]
    assert cases, f"download_case {tag} describes no case the rules know"
    return all(CLAIMS[tag["claim"]](decide(law, c).outcome) for c in cases)


def ja_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() if not str(k).endswith("_en") and k not in ("en", "download_case", "claim", "source")
                for s in ja_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in ja_strings(v)]
    return []


def talks_about_download_law(value) -> bool:
    sentences = (t for s in ja_strings(value) for t in re.split(r"[。\n]", s))
    return any(DOWNLOAD.search(t) and LEGAL.search(t) for t in sentences)


def quiz_items(path: Path) -> list[dict]:
    if path.suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        return [dict(zip(rows[1], r, strict=False)) for r in rows[2:] if any(r)]
    return yaml.safe_load(path.read_text("utf-8"))["items"]


def units(datasets: Path):
    """(file, place, content, tags, quiz item or None) for every unit of prose that may state a case."""
    for path in sorted((datasets / "facts").glob("*.yaml")):
        for fact in yaml.safe_load(path.read_text("utf-8"))["facts"]:
            yield path.name, fact["id"], fact, parse_tag(fact.get("download_case")), None
    for path in sorted((datasets / "texts").glob("*.yaml")):
        for section in yaml.safe_load(path.read_text("utf-8"))["sections"]:
            yield path.name, section["id"], section, parse_tag(section.get("download_case")), None
    for path in sorted((datasets / "quizzes").glob("*.*")):
        for item in quiz_items(path):
            yield path.name, item["id"], item, parse_tag(item.get("download_case")), item
    for folder in ("guides", "scenarios", "law"):
        for path in sorted((datasets / folder).glob("*.yaml")):
            doc = yaml.safe_load(path.read_text("utf-8"))
            yield path.name, "(file)", doc, parse_tag(doc.get("download_case")), None


def inconsistencies(law, datasets: Path) -> list[str]:
    """Every place where the kit's prose or quiz keys disagree with the rules, or state a case untagged."""
    found = []
    for file, place, content, tags, item in units(datasets):
        if talks_about_download_law(content) and not tags:
            found.append(f"{file} {place}: talks about downloading and the law without a download_case tag")
            continue
        if item is not None and item.get("type") == "truefalse" and tags:
            derived = "○" if all(holds(law, t) for t in tags) else "×"
            if str(item["answer"]).strip() != derived:
                found.append(f"{file} {place}: answer {item['answer']} but the rules make the statement {derived}")
            continue
        by_choice = [t for t in tags if "choice" in t]
        if item is not None and by_choice:
            true_choices = {int(t["choice"]) for t in by_choice
                            if all(holds(law, u) for u in by_choice if u["choice"] == t["choice"])}
            keyed = {int(a) for a in re.split(r"[;,]", str(item["answer"])) if a.strip()}
            if true_choices != keyed:
                found.append(f"{file} {place}: answer {sorted(keyed)} but the rules make {sorted(true_choices)} true")
        for tag in (t for t in tags if "choice" not in t):
            if not holds(law, tag):
                found.append(f"{file} {place}: states {tag} but the rules say otherwise")
    return found


@pytest.fixture(scope="module")
def law():
    return load_law_rules(LAW)


def test_every_download_case_the_kit_states_agrees_with_the_rules(law):
    assert inconsistencies(law, DATASETS) == []


def test_the_lessons_state_the_cases_that_matter(law):
    tags = [t for _, _, _, ts, _ in units(DATASETS) for t in ts]
    music_once = [t for t in tags if t.get("work") in ("music_video", "music", "video") and t.get("repeated") is False
                  and t.get("claim") == "crime"]
    manga_once = [t for t in tags if t.get("work") in ("other", "manga") and t.get("repeated") is False
                  and t.get("claim") in ("not_crime", "illegal_not_crime")]
    assert len(music_once) >= 3 and len(manga_once) >= 3  # the distinction the old texts got wrong


def test_changing_the_rules_fails_every_text_that_depends_on_them(tmp_path):
    doc = yaml.safe_load(LAW.read_text("utf-8"))
    rule = next(r for r in doc["rules"] if r["id"] == "music-crime")
    rule["outcome"] = "illegal"  # as if paid music downloaded knowingly were no longer a crime
    del rule["penalty"]
    changed = tmp_path / "datasets" / "law_rules" / "download_rule.yaml"
    changed.parent.mkdir(parents=True)
    changed.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    found = inconsistencies(load_law_rules(changed), DATASETS)
    places = {line.split(":")[0] for line in found}
    assert "piracy.yaml download-crime-2021" in places
    assert "piracy_jh.yaml checker" in places  # 「音楽を知りながら1回ダウンロード」 is a crime


def test_prose_without_a_tag_is_caught(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "t.yaml").write_text(yaml.safe_dump({"sections": [{
        "id": "s", "heading_ja": "h", "heading_en": "h", "body_en": "b",
        "body_ja": "マンガの海賊版は、1回ダウンロードしただけなら犯罪になりません。"}]}, allow_unicode=True), "utf-8")
    assert inconsistencies(None, tmp_path) == ["t.yaml s: talks about downloading and the law without a download_case tag"]


def test_a_quiz_key_that_disagrees_with_the_rules_is_caught(law, tmp_path):
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    item = {"id": "q", "type": "truefalse", "answer": "×", "text_ja": "有料の音楽の海賊版を、知りながら1回ダウンロードすると犯罪になる。",
            "download_case": {"work": "music_video", "paid": True, "repeated": False, "knowing": True, "claim": "crime"}}
    (quizzes / "q.yaml").write_text(yaml.safe_dump({"items": [item]}, allow_unicode=True), "utf-8")
    assert inconsistencies(law, tmp_path) == ["q.yaml q: answer × but the rules make the statement ○"]


def prose_files() -> list[Path]:
    """Every content file a learner or teacher reads, except the facts (where penalties live)."""
    skip = {"facts", "lexicon", "networks"}
    files = [p for p in DATASETS.rglob("*") if p.suffix in (".yaml", ".csv") and p.relative_to(DATASETS).parts[0] not in skip]
    return sorted(files + list((REPO / "kit" / "text").glob("*.yaml")))


@pytest.mark.parametrize("path", prose_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_penalty_is_typed_outside_the_facts(path):
    lines = [f"{n}: {line.strip()[:80]}" for n, line in enumerate(path.read_text("utf-8-sig").splitlines(), 1)
             if PENALTY.search(line) and not line.lstrip().startswith("#")]
    assert lines == [], f"penalties belong in datasets/facts (name the fact instead): {lines}"


def test_nothing_unconfirmed_is_shown(law):
    assert [a.id for a in law.articles.values() if not a.confirmed] == []
    for path in DATASETS.rglob("*.yaml"):
        assert "未確認" not in path.read_text("utf-8"), path


def test_every_fact_names_its_source_the_date_it_was_read_and_its_claim():
    for path in sorted((DATASETS / "facts").glob("*.yaml")):
        for fact in yaml.safe_load(path.read_text("utf-8"))["facts"]:
            assert fact.get("source") and fact.get("read") and fact.get("claim"), f"{path.name} {fact['id']}"
            assert str(fact["read"]) >= "2026-11", f"{path.name} {fact['id']}"  # read in the 2026-11 review or since


ABSOLUTE = re.compile(r"かくれられ(ない|ません)|かくれることはできません|隠れられない|必ずわかる|必ず特定|必ずバレ|"
                      r"doesn't let you hide|does not let the writer hide|does not hide you")


@pytest.mark.parametrize("path", prose_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_identification_is_possible_never_promised(path):
    """FACTS.md: write 「特定されることがある」, never 「必ずわかる」「かくれられない」."""
    lines = [f"{n}: {line.strip()[:80]}" for n, line in enumerate(path.read_text("utf-8-sig").splitlines(), 1)
             if ABSOLUTE.search(line) and not line.lstrip().startswith("#")]
    assert lines == []
