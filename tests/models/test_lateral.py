"""Scoring lateral reading: one point for the right answer, one for leaving the page; stored and read back alike."""

from __future__ import annotations

import pytest

from kit.content.lateral import load_lateral
from kit.models.lateral import MAX_PATH, SEARCH, from_response, response, score, summarise
from tests.conftest import REPO


@pytest.fixture(scope="module")
def task():
    return load_lateral(REPO / "datasets" / "lateral" / "who_is_behind.yaml").task("supplement")


def test_staying_on_the_page_is_vertical_reading_even_with_the_right_answer(task):
    s = score(task, "b", [])
    assert (s.right, s.left_page, s.reading, s.points, s.found_key) == (True, False, "vertical", 1, False)


def test_leaving_the_page_scores_even_with_a_wrong_answer(task):
    s = score(task, "a", [SEARCH, "news"])
    assert (s.right, s.left_page, s.reading, s.points, s.found_key) == (False, True, "lateral", 1, False)


def test_right_answer_after_opening_the_about_page_scores_two(task):
    s = score(task, "b", [SEARCH, "factcheck", "about", "factcheck"])
    assert s.points == 2 and s.found_key and s.sources_opened == ("factcheck", "about")


def test_unknown_pages_in_the_path_are_left_out_and_an_unknown_answer_is_refused(task):
    assert score(task, "c", ["x", SEARCH, "nowhere", "about"]).path == (SEARCH, "about")
    with pytest.raises(KeyError):
        score(task, "z", [])


def test_response_round_trips_and_fits_the_store(task):
    path = [SEARCH, "about", "factcheck", "encyclopedia", "news"] * 10
    stored = response(task, "c", path)
    assert stored[0] == 2 and stored[1:4] == (0, 1, 2) and len(stored) == 1 + MAX_PATH
    back = from_response(task, stored)
    assert back == score(task, "c", path[:MAX_PATH])


@pytest.mark.parametrize("stored", [(), (9,), (0, 99), (0, -1), ("0",), (True, 0)])
def test_a_response_that_does_not_fit_the_task_reads_as_nothing(task, stored):
    assert from_response(task, stored) is None


def test_summary_adds_up(task):
    s = summarise([score(task, "b", [SEARCH, "about"]), score(task, "a", []), score(task, "b", [SEARCH])])
    assert (s.tasks, s.right, s.left_page, s.found_key, s.points, s.max_points) == (3, 2, 2, 1, 4, 6)
