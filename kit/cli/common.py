"""What more than one ``netkit`` subcommand needs: the lesson and content folders named on the command line, and
the whole-number argument type. Below every subcommand module; imports none of them."""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

from kit.content.paths import bundled_root


def find_folders(directory: str | None) -> tuple[Path, Path]:
    """(lessons, datasets) for a folder made by ``netkit init``, a checkout, or the kit's own."""
    if directory is None:
        here = Path.cwd()
        base = here if (here / "lessons").is_dir() else bundled_root()
    else:
        base = Path(directory).resolve()
        if base.name == "lessons" and base.is_dir():
            return base, base.parent / "datasets"
        if base.name == "datasets" and base.is_dir():
            return base.parent / "lessons", base
    return base / "lessons", base / "datasets"


def whole_number(text: str) -> int:
    """A whole number of 0 or more for --class-size, --max-kernels, --cull-after (full-width digits too)."""
    value = unicodedata.normalize("NFKC", text).strip()
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"0 以上の整数を書いてください（「{text}」）/ write a whole number of 0 or more, not {text!r}")
    return int(value)
