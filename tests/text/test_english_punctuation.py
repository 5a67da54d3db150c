"""English texts use English punctuation: no full-width brackets, quotes, commas or full stops in an ``en`` text.

A Japanese full-width bracket in English ("yardstick.（Roozenbeek") reads as a typo to an English-speaking
teacher. Every ``en`` text of the kit's texts, the analysis words and the datasets is checked, and so are
the texts the code joins from them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.served import REPO

FULL_WIDTH = re.compile(r"[（）「」、。]")
FOLDERS = ("kit/text", "kit/analysis", "datasets")
ALLOWED: set[tuple[str, str]] = set()  # (file, key path) of an English text that must quote Japanese as it is written


def english_texts(node, where: str = ""):
    """Every (key path, text) under an ``en`` or ``…_en`` key of a loaded YAML document."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{where}.{key}" if where else str(key)
            if (key == "en" or str(key).endswith("_en")) and isinstance(value, str):
                yield here, value
            else:
                yield from english_texts(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from english_texts(value, f"{where}[{i}]")


def yaml_files() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (REPO / folder).rglob("*.yaml"))


def test_the_check_finds_a_full_width_bracket_in_english():
    found = list(english_texts({"sdt_note": {"ja": "目安（出典）", "en": "a yardstick.（Roozenbeek 2022）"},
                                "posts": [{"text_ja": "「本当？」", "text_en": "“Really?”、"}]}))
    assert [key for key, text in found if FULL_WIDTH.search(text)] == ["sdt_note.en", "posts[0].text_en"]


def test_the_files_checked_include_the_kits_texts_and_the_datasets():
    names = {p.relative_to(REPO).as_posix() for p in yaml_files()}
    assert {"kit/text/ui.yaml", "kit/text/cli.yaml", "kit/analysis/charts/charts.yaml"} <= names
    assert any(name.startswith("datasets/") for name in names)


@pytest.mark.parametrize("path", yaml_files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_english_text_has_full_width_punctuation(path):
    data = yaml.safe_load(path.read_text("utf-8"))
    name = path.relative_to(REPO).as_posix()
    bad = [f"{key}: {text}" for key, text in english_texts(data)
           if FULL_WIDTH.search(text) and (name, key) not in ALLOWED]
    assert not bad, f"full-width punctuation in English in {name}:\n" + "\n".join(bad)


def test_a_note_joined_to_an_english_text_is_in_english_brackets():
    from kit.analysis.charts.words import say

    note = say("with_note", "en", text=say("sdt_caveat", "en"), note="Roozenbeek et al. 2022")
    assert note.endswith("yardstick. (Roozenbeek et al. 2022)") and not FULL_WIDTH.search(note)
    assert say("with_note", "ja", text="目安です。", note="出典") == "目安です。（出典）"
