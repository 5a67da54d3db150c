import asyncio

import pytest

from kit.serve.capacity import (
    DEVICES,
    FORKED_KERNEL_MB,
    KERNEL_MB,
    RESERVE_MB,
    available_mb,
    default_max_kernels,
    district_memory_mb,
    district_plan,
    kernel_mb,
    pace_refills,
    preheat_per_lesson,
    seconds_to_store,
    sizing,
)


def test_memory_reading():
    assert available_mb("MemTotal: 8000000 kB\nMemAvailable:    4194304 kB\n") == 4096
    assert default_max_kernels("MemAvailable:    4194304 kB\n") == (4096 - 1024) // KERNEL_MB
    assert default_max_kernels("MemAvailable:    100 kB\n") == 4
    # a kernel forked from the warm parent shares its code, and is counted smaller
    assert default_max_kernels("MemAvailable:    4194304 kB\n", kernel_mb(True)) == (4096 - 1024) // FORKED_KERNEL_MB
    assert kernel_mb(False) == KERNEL_MB > FORKED_KERNEL_MB == kernel_mb(True)
    assert available_mb("nothing here") == 4096


class Manager:
    fill_delay = 1.0

    def __init__(self, running=0, pending=0):
        self.calls, self.running = [], running
        loop = asyncio.new_event_loop()
        self._pools = {"a.ipynb": [loop.create_future() for _ in range(pending)]}
        loop.close()

    def list_kernel_ids(self):
        return [f"k{i}" for i in range(self.running)]

    def fill_if_needed(self, delay=None, notebook_name=None, **kwargs):
        self.calls.append(delay)


def test_refills_are_spread_out():
    km = Manager()
    pace_refills(km, spacing=2.0)
    for _ in range(4):
        km.fill_if_needed(notebook_name="a.ipynb")
    km.fill_if_needed(delay=0, notebook_name="a.ipynb")  # startup fills are not delayed
    calls = km.calls
    assert calls[-1] == 0
    gaps = [b - a for a, b in zip(calls[:3], calls[1:4], strict=True)]
    assert all(1.9 < g < 2.1 for g in gaps) and 0.9 < calls[0] <= 1.0


def test_refills_stop_at_the_memory_limit_counting_those_waiting_to_start():
    below = Manager(running=30, pending=9)
    pace_refills(below, spacing=1.0, limit=40)
    below.fill_if_needed(notebook_name="a.ipynb")
    assert len(below.calls) == 1  # 39 counted: one more fits
    full = Manager(running=31, pending=9)
    pace_refills(full, spacing=1.0, limit=40)
    full.fill_if_needed(notebook_name="a.ipynb")
    assert full.calls == []  # the class took the pool: no second pool on top of it
    full.fill_if_needed(delay=0, notebook_name="a.ipynb")
    assert full.calls == [0]  # the start-up fill is sized before the server starts (preheat_per_lesson)


def test_a_pool_for_every_lesson_is_cut_to_what_fits():
    assert preheat_per_lesson(40, 1, 50) == 40
    assert preheat_per_lesson(40, 16, 50) == 3  # --class-size 40 without --lesson: 640 kernels would not fit
    assert preheat_per_lesson(40, 2, 60) == 30
    assert preheat_per_lesson(0, 16, 50) == 0
    assert preheat_per_lesson(40, 16, 10) == 0  # none fit: kernels start when students open the page


def test_a_district_plan_is_one_instance_a_class_with_a_tenth_spare():
    # The rows of docs/district.md's projected table: 250 classes with 10% spare are 275 instances, not 276.
    rows = {n: district_plan(n) for n in (40, 200, 1_000, 10_000)}
    assert [(r["classes"], r["instances"], r["nodes"]) for r in rows.values()] == [(1, 2, 1), (5, 6, 1), (25, 28, 4), (250, 275, 40)]
    assert rows[1_000]["max_connections"] == 28 * 82
    assert district_plan(41)["classes"] == 2 and district_plan(0)["instances"] == 0
    assert district_plan(400, spare_percent=0)["instances"] == 10


def test_district_memory_and_write_time_from_measured_figures():
    # 1,000 students of 30 MB, 28 instances of 150 MB with a pool of 40 waiting kernels of 20 MB
    assert district_memory_mb(1_000, 28, 30, 150, 20) == 30_000 + 28 * (150 + 800)
    assert district_memory_mb(0, 2, 30, 150, 20, pool=0) == 300
    assert seconds_to_store(10_000, 400) == 25
    assert seconds_to_store(1, 0) == float("inf")


def test_sizing_counts_each_student_once_and_the_parent_and_server_once():
    # 16 GB, 8 cores, 2 GB kept back: 16384 - 2048 - 120 (server) - 24 (warm parent) = 14192 MB for 20 MB kernels
    row = sizing(20, 24, 120, 20, 16, 8, 2048)
    assert row["left_mb"] == 14192 and row["by_memory"] == 14192 // 20 == 709
    assert row["per_gb"] == round(1024 / 20, 1) and row["student_mb"] == 20
    assert row["arriving_together"] == 160 and row["per_core"] == 20
    assert row["max_kernels"] == (16384 - 2048 - RESERVE_MB) // 50
    assert row["at_once"] == min(row["by_memory"], row["max_kernels"])


def test_sizing_a_played_kernel_holds_fewer_students_and_a_small_machine_none():
    waiting, played = sizing(21, 22, 120, 20, 8, 4, 3072), sizing(21, 22, 120, 20, 8, 4, 3072, played_mb=18)
    assert played["student_mb"] == 39 and played["by_memory"] < waiting["by_memory"]
    assert played["per_gb"] == round(1024 / 39, 1)
    tiny = sizing(40, 22, 120, 20, 1, 1, 1024)
    assert tiny["by_memory"] == 0 and tiny["left_mb"] == 0 and tiny["at_once"] == 0 and tiny["max_kernels"] == 4
    with pytest.raises(ValueError):
        sizing(0, 22, 120, 20, 8, 4, 3072)


def test_the_sized_machines_grow_from_laptop_to_district_node():
    rows = [sizing(21, 22, 120, 20, ram, cores, reserve) for _, ram, cores, reserve in DEVICES]
    assert [r["by_memory"] for r in rows] == sorted(r["by_memory"] for r in rows)
    assert len({name for name, *_ in DEVICES}) == 3  # laptop, school server (two sizes), district node
