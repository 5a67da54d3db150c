"""Every page that names a help desk says who it is for as the desks file does (one rule, one wording).

The 2026-11 content review corrected チャイルドライン's age to 「18歳まで」 (FACTS.md) in
datasets/help/desks.yaml, while five guides and texts still said 「18歳未満」 / "under 18".
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
CHILDLINE = re.compile(r"チャイルドライン|ChildLine|Childline")
WRONG_AGE = re.compile(r"18歳未満|under[ -]18")


def sentences_naming_childline():
    for path in sorted((REPO / "datasets").rglob("*.yaml")) + sorted((REPO / "lessons").rglob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        for sentence in re.split(r"(?<=[。.!?！？])\s*|\n", text):
            if CHILDLINE.search(sentence):
                yield path.relative_to(REPO), sentence


def test_childline_is_for_children_up_to_18_everywhere():
    desks = yaml.safe_load((REPO / "datasets/help/desks.yaml").read_text(encoding="utf-8"))
    [childline] = [d for d in desks["desks"] if d["id"] == "childline"]
    assert "18歳まで" in childline["for_ja"] and "up to 18" in childline["for_en"]
    found = list(sentences_naming_childline())
    assert len(found) >= 5  # the guides and texts that name it are read
    wrong = [f"{path}: {sentence.strip()[:120]}" for path, sentence in found if WRONG_AGE.search(sentence)]
    assert wrong == [], "\n".join(wrong)
