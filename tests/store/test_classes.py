"""A class typed three ways is one class in the results, and the teacher is told which spellings were merged."""

from __future__ import annotations

import pytest

from kit.store import Answer, open_store
from kit.store.classes import merged_spellings, normalise_class


@pytest.mark.parametrize("typed", ["2-1", "２－１", "2年1組", "２年１組", " 2 - 1 ", "2ー1", "2－1組"])
def test_the_ways_students_type_a_class_are_one_class(typed):
    assert normalise_class(typed) == "2-1"


def test_letters_and_lone_class_numbers():
    assert [normalise_class(t) for t in ("1年A組", "１－Ａ", "3組", "")] == ["1-A", "1-A", "3", ""]


def test_results_merge_spellings_and_say_which(location):
    store = open_store(location)
    for i, code in enumerate(["2-1", "２－１", "2年1組", "2-2"]):
        store.record(Answer("lesson-a", "q1", (0,), True, "pre", f"s{i}", f"n{i}", code))
    summary = {(c, lesson): students for c, lesson, students, *_ in store.summary()}
    assert summary == {("2-1", "lesson-a"): 3, ("2-2", "lesson-a"): 1}
    assert {a.student for a in store.answers(class_code="2年1組")} == {"n0", "n1", "n2"}
    assert all(a.class_code == "2-1" for a in store.answers(class_code="2-1"))
    assert store.merged_classes() == {"2-1": sorted(["2-1", "２－１", "2年1組"])}
    assert store.count(class_code="２－１") == 3
    assert merged_spellings(["2-2"]) == {}
