"""The components' and pages' stylesheets: one file of tokens, used everywhere, with readable contrast."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kit.analysis.charts.palette import contrast
from kit.widgets._assets import asset

ROOT = Path(__file__).resolve().parents[2]
TOKENS = ROOT / "widgets" / "_tokens.css"
PAGES = ROOT / "kit" / "serve" / "jupyter" / "voila" / "templates" / "netkit" / "static"
COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|rgba?\(")


def tokens() -> dict[str, str]:
    return dict(re.findall(r"--nk-([a-z-]+):\s*([^;]+);", TOKENS.read_text("utf-8")))


def stylesheets() -> list[Path]:
    own = [p for p in sorted((ROOT / "widgets").glob("*.css")) if p != TOKENS]
    return own + sorted(PAGES.glob("*.css"))


@pytest.mark.parametrize("path", stylesheets(), ids=lambda p: p.name)
def test_a_stylesheet_names_its_colours_by_token(path):
    text = re.sub(r"/\*.*?\*/", "", path.read_text("utf-8"), flags=re.S)
    assert not COLOUR.findall(text), f"{path.name}: write var(--nk-…) from widgets/_tokens.css, not a colour"
    unknown = set(re.findall(r"var\(--nk-([a-z-]+)\)", text)) - set(tokens())
    assert not unknown, f"{path.name} uses tokens that _tokens.css does not define: {sorted(unknown)}"


def test_every_component_stylesheet_starts_with_the_tokens_and_the_base_card():
    for path in (ROOT / "widgets").glob("[!_]*.css"):
        css = asset(path.name)
        assert css.index("--nk-blue:") < css.index(".nk-card {") < css.index(path.read_text("utf-8")[:40])


# text token -> the surfaces it is written on in the stylesheets
TEXT_ON = {
    "ink": ["surface", "surface-soft", "page", "tint-grey", "tint-grey-strong", "tint-blue", "tint-blue-strong",
            "tint-green", "tint-green-soft", "tint-red", "tint-orange", "tint-yellow", "highlight", "tint-chat"],
    "ink-soft": ["surface", "surface-soft", "page", "tint-grey", "tint-blue", "tint-green", "tint-orange"],
    "ink-slate": ["surface", "tint-grey-strong", "tint-green-soft"],
    "muted": ["surface"],
    "ink-inverse": ["blue", "green", "green-dark", "red", "ink", "ink-soft", "muted", "orange-dark", "purple"],
    "blue": ["surface", "tint-blue", "tint-blue-strong", "page"],
    "green": ["surface", "tint-green", "tint-green-soft"],
    "green-dark": ["surface", "tint-green", "tint-green-soft"],
    "red": ["surface", "tint-red", "tint-orange"],
    "red-dark": ["tint-red"],
    "orange-dark": ["surface", "tint-orange"],
    "brown": ["tint-orange", "tint-yellow"],
    "purple": ["surface"],
}


@pytest.mark.parametrize("text", sorted(TEXT_ON))
def test_text_colours_keep_four_and_a_half_to_one(text):
    found = tokens()
    low = {bg: round(contrast(found[text], found[bg]), 2) for bg in TEXT_ON[text] if contrast(found[text], found[bg]) < 4.5}
    assert not low, f"--nk-{text} is under 4.5:1 on {low}"


def test_the_spread_labs_legend_shows_the_colours_its_canvas_paints():
    script = (ROOT / "widgets" / "spread_lab.js").read_text("utf-8")
    painted = re.search(r"const COLOURS = \[([^\]]+)\]", script).group(1)
    keys = re.search(r"const STATE_KEYS = \[([^\]]+)\]", script).group(1)
    states = [k.removeprefix("spread_") for k in re.findall(r'"([a-z_]+)"', keys)]
    found = tokens()
    assert [found[f"state-{s}"] for s in states] == re.findall(r'"(#[0-9a-f]{6})"', painted)
    css = (ROOT / "widgets" / "spread_lab.css").read_text("utf-8")
    for state in states:
        assert f".nk-swatch-{state} {{ background: var(--nk-state-{state}); }}" in css
    swatches = [line for line in script.splitlines() if "nk-swatch" in line]
    assert swatches and not [line for line in swatches if "style" in line], "the legend colours its swatches by class"
