"""Shared fixtures: a small valid content folder that each test copies and breaks on purpose."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def datasets(tmp_path) -> Path:
    """A writable copy of the fixture datasets folder."""
    target = tmp_path / "datasets"
    shutil.copytree(FIXTURES / "datasets", target)
    return target


def read_rows(path: Path) -> list[list[str]]:
    """The cells of a CSV fixture, first row (schema_version) included."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [list(r) for r in csv.reader(f)]


def write_rows(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig", newline: str = "\r\n") -> Path:
    """Write ``rows`` as a CSV the way Excel would, in ``encoding``."""
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f, lineterminator=newline).writerows(rows)
    return path


def set_cell(rows: list[list[str]], item_id: str, column: str, value: str) -> list[list[str]]:
    """``rows`` with one cell changed: the row whose id is ``item_id``, the column named ``column``."""
    header = rows[1]
    col = header.index(column)
    for row in rows[2:]:
        if row[0] == item_id:
            row[col] = value
    return rows


@pytest.fixture(scope="session")
def one_chromium():
    """The test session's one Playwright and headless Chromium, shared by the browser and security tests:
    Playwright's sync API cannot be started a second time in a thread while the first is alive."""
    from tests.served import headless_chromium

    with headless_chromium() as b:
        yield b
