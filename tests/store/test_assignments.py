"""Assignments: a student's order of forms or experiment arm, balanced within a class, kept across reloads."""

from __future__ import annotations

import random
from collections import Counter

from kit.store import open_store
from kit.store.assignments import choose_arm

ARMS = ("AB", "BA")


def tokens(n, seed=1):
    rng = random.Random(seed)
    return [f"{rng.getrandbits(128):032x}" for _ in range(n)]


def test_the_least_filled_arm_is_chosen_and_level_arms_are_settled_by_the_token():
    assert choose_arm(ARMS, {"AB": 3, "BA": 2}, "a" * 32) == "BA"
    assert choose_arm(ARMS, {"AB": 2}, "a" * 32) == "BA"  # an arm nobody is in yet has 0
    picks = {choose_arm(ARMS, {}, t, "forms") for t in tokens(40)}
    assert picks == set(ARMS)  # level arms: different students land in different arms
    assert all(choose_arm(ARMS, {}, t, "forms") == choose_arm(ARMS, {}, t, "forms") for t in tokens(10))


def test_a_class_is_split_half_and_half_and_each_class_on_its_own(location):
    store = open_store(location)
    arms = [store.assign("demo", "forms", ARMS, t, "2-1", f"s{i}") for i, t in enumerate(tokens(31))]
    counts = Counter(arms)
    assert abs(counts["AB"] - counts["BA"]) <= 1  # 16 and 15, never 20 and 11
    other = [store.assign("demo", "forms", ARMS, t, "2-2") for t in tokens(4, seed=2)]
    assert Counter(other) == {"AB": 2, "BA": 2}
    assert len(store.assignments(lesson="demo", class_code="2-1")) == 31


def test_a_student_keeps_their_arm_across_reloads_and_reopened_stores(location):
    store = open_store(location)
    [me, *others] = tokens(5)
    mine = store.assign("demo", "forms", ARMS, me, "2-1", "ken")
    for t in others:
        store.assign("demo", "forms", ARMS, t, "2-1")
    again = open_store(location)  # another kernel after a reload
    assert again.assign("demo", "forms", ARMS, me, "2-1", "ken") == mine
    assert [a["arm"] for a in again.assignments(design="forms") if a["session"] == me] == [mine]


def test_designs_and_lessons_are_assigned_separately(location):
    store = open_store(location)
    [me] = tokens(1)
    store.assign("demo", "forms", ARMS, me, "2-1")
    arm = store.assign("demo", "experiment:prompt", ("control", "prompt"), me, "2-1")
    assert arm in ("control", "prompt")
    assert {a["design"] for a in store.assignments(lesson="demo")} == {"forms", "experiment:prompt"}
    assert store.assignments(lesson="other") == []


def test_purging_a_class_removes_its_assignments(location):
    store = open_store(location)
    for t in tokens(3):
        store.assign("demo", "forms", ARMS, t, "2-1")
    store.assign("demo", "forms", ARMS, "f" * 32, "3-1")
    store.purge(class_code="2-1")
    assert [a["class_code"] for a in store.assignments()] == ["3-1"]
