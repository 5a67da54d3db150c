"""An install hint a teacher copies works in Windows' コマンドプロンプト too: double quotes, no Python error beside it."""

from __future__ import annotations

import re
import sys
from importlib import resources

import yaml

from kit.cli import main


def test_every_install_hint_quotes_the_extra_with_double_quotes():
    texts = []
    for name in ("cli.yaml", "ui.yaml"):
        texts += _strings(yaml.safe_load(resources.files("kit.text").joinpath(name).read_text("utf-8")))
    hints = [h for text in texts for h in re.findall(r".?net-literacy-kit\[\w+\].?", text)]
    assert len(hints) >= 6  # print, lab, postgres, hub, in both languages
    assert all(h.startswith('"') and h.endswith('"') for h in hints), hints


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def test_a_pdf_without_playwright_says_what_to_install_and_nothing_of_python(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "playwright", None)  # as on a fresh pip install . without the print extra
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)
    code = main(["print", "worksheet", "defamation-basics", "--out", str(tmp_path / "x.pdf"), "--no-embed-font"])
    err = capsys.readouterr().err
    assert code == 2 and not (tmp_path / "x.pdf").exists()
    assert 'pip install "net-literacy-kit[print]"' in err
    assert "No module named" not in err and "playwright.sync_api" not in err and "(" not in err.splitlines()[-1][:1]
    assert len(err.strip().splitlines()) == 1
