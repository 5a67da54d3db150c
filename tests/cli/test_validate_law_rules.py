"""``netkit validate`` checks the law files a DownloadRuleChecker reads."""

from __future__ import annotations

import shutil

from kit.cli import main
from tests.conftest import REPO


def test_validate_catches_a_rule_naming_an_unknown_condition(datasets, capsys):
    target = datasets / "law_rules" / "download_rule.yaml"
    target.parent.mkdir()
    shutil.copy(REPO / "datasets" / "law_rules" / "download_rule.yaml", target)
    assert main(["validate", str(datasets.parent)]) == 0
    capsys.readouterr()
    text = target.read_text("utf-8").replace("when: {action: stream}", "when: {acton: stream}")
    target.write_text(text, "utf-8")
    assert main(["validate", str(datasets.parent)]) != 0
    out = capsys.readouterr().out
    assert "datasets/law_rules/download_rule.yaml: stream、列・項目「when」: 知らない質問「acton」" in out
