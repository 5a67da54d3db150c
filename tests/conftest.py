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


class KeptAnswers:
    """A results store in memory with the calls a sitting makes (``record``, ``record_post``, ``answers``).

    ``stored`` and ``posts`` are what reached it, in order; ``on_record(answer)`` runs as each answer
    is stored (to see what the page showed at that moment); ``failing`` makes every write raise, as
    a full disk does.
    """

    def __init__(self, earlier=()):
        self.stored, self.posts = list(earlier), []
        self.on_record = None
        self.failing = False

    def record(self, answer) -> None:
        if self.failing:
            raise OSError("disk full")
        if self.on_record is not None:
            self.on_record(answer)
        self.stored.append(answer)

    def record_post(self, post: dict) -> None:
        if self.failing:
            raise OSError("disk full")
        self.posts.append(post)

    def answers(self, lesson=None, class_code=None, session=None) -> list:
        return [a for a in self.stored if lesson in (None, a.lesson) and class_code in (None, a.class_code)
                and session in (None, a.session)]


@pytest.fixture
def kept() -> KeptAnswers:
    """An empty results store in memory (``KeptAnswers``)."""
    return KeptAnswers()


@pytest.fixture(scope="session")
def one_chromium():
    """The test session's one Playwright and headless Chromium, shared by the browser and security tests:
    Playwright's sync API cannot be started a second time in a thread while the first is alive."""
    from tests.served import headless_chromium

    with headless_chromium() as b:
        yield b


@pytest.fixture(autouse=True)
def no_leftover_event_loop(request):
    """Tests that do not drive Chromium run with no event loop marked running in the main thread.

    Playwright's sync API runs its event loop in a greenlet of the main thread; once the session's
    Chromium is started, ``asyncio.get_running_loop()`` in plain test code returns that loop, so a
    lab's work handed to the pacer was scheduled on it and never ran (six widget tests failed in a
    full run, after the browser tests, and passed alone). The marker is put back afterwards for the
    tests that still drive the browser.
    """
    import asyncio

    loop = asyncio._get_running_loop()
    if loop is None or "one_chromium" in request.fixturenames:
        yield
        return
    asyncio._set_running_loop(None)
    try:
        yield
    finally:
        asyncio._set_running_loop(loop)
