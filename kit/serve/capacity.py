"""How many kernels the machine can hold, and refills of the preheated pool that do not stampede.

A lesson's kernel takes 58–83 MB when its page has loaded and up to about 95 MB once played
(benchmarks/classroom/sizing.py, docs/performance.md); a school server may have 4 GB. Beyond
``max_kernels`` a new student gets a friendly waiting page that retries by itself, not a blank
page and not a machine that swaps. When a class of 40 takes 40 preheated kernels at once, Voilà
would start 40 replacements a second later, all at once, and starve the pages still being
served; here they start one after another, and only while the machine has room for them: the
replacements count against ``max_kernels`` like the kernels students are using.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

log = logging.getLogger(__name__)

KERNEL_MB = 100  # what one lesson kernel started afresh may grow to (measured up to 94 MB RSS), with a little room
# A kernel forked from its folder's warm parent (the default, kit/zygote.py) shares the imported code:
# 21 MB of PSS waiting, about 40 MB once played (docs/performance.md), with a little room.
FORKED_KERNEL_MB = 50
RESERVE_MB = 1024  # left for the server, the browser on the teacher's PC, the system


def available_mb(meminfo: str | None = None) -> int:
    """MemAvailable in MB (Linux); a cautious 4096 where it cannot be read."""
    try:
        text = meminfo if meminfo is not None else Path("/proc/meminfo").read_text()
    except OSError:
        return 4096
    for line in text.splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) // 1024
    return 4096


def kernel_mb(forked: bool = True) -> int:
    """What one student's kernel is counted as: forked from a warm parent, or started afresh."""
    return FORKED_KERNEL_MB if forked else KERNEL_MB


def default_max_kernels(meminfo: str | None = None, per_kernel: int = KERNEL_MB) -> int:
    """How many lesson kernels of ``per_kernel`` MB fit in the memory available now (at least 4)."""
    return max(4, (available_mb(meminfo) - RESERVE_MB) // per_kernel)


def preheat_per_lesson(pool: int, lessons: int, limit: int) -> int:
    """Preheated kernels per lesson that fit: ``pool`` unless ``lessons`` × ``pool`` passes ``limit``.

    ``netkit serve --class-size 40`` without ``--lesson`` preheats every lesson in the folder:
    16 lessons × 40 kernels would take the machine down before the class arrives.
    """
    if pool <= 0 or lessons <= 0 or pool * lessons <= limit:
        return max(pool, 0)
    return max(limit // lessons, 0)


def pace_refills(kernel_manager, spacing: float, limit: int = 0, counted=None) -> None:
    """Make the pool's refills start ``spacing`` seconds apart, and only while under ``limit`` kernels.

    ``limit`` (0: none) counts the kernels running and the refills already waiting to start; a
    refill that would pass it is not made, so a class taking the whole pool does not double the
    memory in use. Later students then get a kernel started for them, or the waiting page.
    ``counted`` (default ``kernels_counted``) says how many kernels count now; the server passes
    one that includes students' kernels still starting (``kernels.Kernels.count``).
    """
    counted = counted or (lambda: kernels_counted(kernel_manager))
    original = kernel_manager.fill_if_needed
    state = {"next": 0.0}

    def fill_if_needed(delay=None, notebook_name=None, **kwargs):
        if delay is None:  # a refill after a student took a kernel (startup fills pass 0)
            if limit and counted() >= limit:
                log.info("no replacement for the preheated kernel just taken: %s kernels is the limit", limit)
                return None
            now = time.monotonic()
            start = max(now + kernel_manager.fill_delay, state["next"])
            state["next"] = start + spacing
            delay = start - now
        return original(delay=delay, notebook_name=notebook_name, **kwargs)

    kernel_manager.fill_if_needed = fill_if_needed


def kernels_counted(kernel_manager) -> int:
    """Kernels running, plus preheated kernels that are still waiting to start."""
    pools = getattr(kernel_manager, "_pools", {})
    pending = sum(1 for pool in pools.values() for task in pool if not task.done())
    return len(kernel_manager.list_kernel_ids()) + pending


def ready_in_pool(kernel_manager, notebook: str) -> int:
    """Preheated kernels of ``notebook`` that are started and waiting for a student."""
    pools = getattr(kernel_manager, "_pools", {})
    return sum(1 for task in pools.get(notebook, []) if task.done() and not task.cancelled() and not task.exception())


def district_plan(students: int, class_size: int = 40, spare_percent: int = 10, instances_per_node: int = 7,
                  connections_per_instance: int = 82) -> dict[str, int]:
    """What a district needs for ``students`` at once: one netkit instance per class of ``class_size``,
    ``spare_percent`` more instances for the classes of one that dies, nodes of ``instances_per_node``
    instances, and PostgreSQL's ``max_connections`` (a kernel in use holds one connection; an instance
    at its ``--max-kernels 80`` and its own two, docs/district.md).

    Integer arithmetic: 250 classes with 10% spare are 275 instances, not 276.
    """
    if students <= 0:
        return {"students": 0, "classes": 0, "instances": 0, "nodes": 0, "max_connections": 0}
    classes = -(-students // class_size)
    instances = classes + -(-classes * spare_percent // 100)
    return {"students": students, "classes": classes, "instances": instances,
            "nodes": -(-instances // instances_per_node), "max_connections": instances * connections_per_instance}


def district_memory_mb(students: int, instances: int, student_mb: float, instance_mb: float, waiting_mb: float,
                       pool: int = 40) -> float:
    """Memory (PSS) ``students`` at once take on ``instances``: each student's kernel (``student_mb``), and on
    every instance its server and warm parent (``instance_mb``) and a refilled pool of ``pool`` kernels
    waiting (``waiting_mb`` each) — measured figures in, a projection out."""
    return students * student_mb + instances * (instance_mb + pool * waiting_mb)


def seconds_to_store(answers: int, answers_per_second: float) -> float:
    """How long ``answers`` sent in the same moment take to be stored at a measured write rate."""
    return answers / answers_per_second if answers_per_second > 0 else float("inf")


# The machines of docs/performance.md's sizing table: (name, RAM in GB, cores, MB kept back for the
# system — and on the teacher's laptop for the teacher's own browser — before the kit's server).
DEVICES = (
    ("teacher's laptop / 先生のノートPC", 8, 4, 3072),
    ("school server / 学校のサーバー", 16, 8, 2048),
    ("school server / 学校のサーバー", 32, 16, 2048),
    ("district node / 地区のノード", 64, 16, 2048),
)


def sizing(kernel_pss_mb: float, parent_pss_mb: float, server_mb: float, students_per_core: float, ram_gb: float,
           cores: int, reserve_mb: float, played_mb: float = 0.0) -> dict:
    """Students one machine holds, from measured figures: a student's kernel (``kernel_pss_mb`` waiting, plus
    ``played_mb`` its play writes), the lesson folder's warm parent and the server (once each), and how many
    students a core served arriving together (``students_per_core``); ``ram_gb``, ``cores`` and
    ``reserve_mb`` (kept back for the system) describe the machine.

    ``max_kernels`` is ``netkit serve``'s own limit there (``default_max_kernels`` on the memory left after
    the reserve, counting ``FORKED_KERNEL_MB`` a kernel), ``at_once`` the smallest of memory and that limit.
    """
    per_student = kernel_pss_mb + played_mb
    if per_student <= 0:
        raise ValueError("a student's kernel takes some memory")
    left = ram_gb * 1024 - reserve_mb - server_mb - parent_pss_mb
    by_memory = max(0, int(left // per_student))
    max_kernels = max(4, int((ram_gb * 1024 - reserve_mb - RESERVE_MB) // FORKED_KERNEL_MB))
    return {"student_mb": round(per_student, 1), "per_gb": round(1024 / per_student, 1),
            "per_core": round(students_per_core, 1), "left_mb": round(max(0.0, left)), "by_memory": by_memory,
            "arriving_together": int(students_per_core * cores), "max_kernels": max_kernels,
            "at_once": min(by_memory, max_kernels)}
