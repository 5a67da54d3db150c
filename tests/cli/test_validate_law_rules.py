"""``netkit validate`` checks the law files a DownloadRuleChecker reads."""

from __future__ import annotations

import shutil

from kit.cli import main
from tests.conftest import REPO


def test_validate_catches_a_rule_naming_an_unknown_condition(datasets, capsys):
    target = datasets / "law_rules" / "download_rule.yaml"
    target.parent.mkdir()
    shutil.copy(REPO / "datasets" / "law_rules" / "download_rule.yaml", target)
    (datasets / "facts" / "sample.yaml").unlink()  # the real facts the rules' penalties name
    shutil.copy(REPO / "datasets" / "facts" / "piracy.yaml", datasets / "facts" / "piracy.yaml")
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
