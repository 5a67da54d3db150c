"""``netkit validate`` checks the law files a DownloadRuleChecker reads."""

from __future__ import annotations

import shutil

import yaml

from kit.cli import main
from tests.conftest import REPO


def add_penalty_facts(datasets):
    """The shipped facts the rules' penalties name, beside the fixture's own facts."""
    law = yaml.safe_load((REPO / "datasets" / "law_rules" / "download_rule.yaml").read_text("utf-8"))
    wanted = {p["fact"] for p in law["penalties"]}
    shipped = yaml.safe_load((REPO / "datasets" / "facts" / "piracy.yaml").read_text("utf-8"))["facts"]
    doc = {"schema_version": 1, "facts": [f for f in shipped if f["id"] in wanted]}
    (datasets / "facts" / "penalties.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")


def test_validate_catches_a_rule_naming_an_unknown_condition(datasets, capsys):
    target = datasets / "law_rules" / "download_rule.yaml"
    target.parent.mkdir()
    shutil.copy(REPO / "datasets" / "law_rules" / "download_rule.yaml", target)
    add_penalty_facts(datasets)
    assert main(["validate", str(datasets.parent)]) == 0
    capsys.readouterr()
    text = target.read_text("utf-8").replace("when: {action: stream}", "when: {acton: stream}")
    target.write_text(text, "utf-8")
    assert main(["validate", str(datasets.parent)]) != 0
    out = capsys.readouterr().out
    assert "datasets/law_rules/download_rule.yaml: stream、列・項目「when」: 知らない質問「acton」" in out


def test_validate_catches_a_penalty_naming_a_missing_fact(datasets, capsys):
    target = datasets / "law_rules" / "download_rule.yaml"
    target.parent.mkdir()
    shutil.copy(REPO / "datasets" / "law_rules" / "download_rule.yaml", target)
    assert main(["validate", str(datasets.parent)]) != 0  # the fixture facts lack the penalty facts
    out = capsys.readouterr().out
    assert "download_rule.yaml: download-crime、列・項目「fact」: 事実「download-penalty-2025」が datasets/facts にありません" in out
