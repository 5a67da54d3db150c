"""Which arm a student joins: the least filled one in their class and lesson, ties settled by their token.

Used for the order of a pre/post test's matched forms (AB or BA, ``kit.content.forms``) and for the
arms of a class experiment. Filling the arm with fewer students keeps a class of 30 at 15 and 15
(a coin would often give 19 and 11); when arms are level, a hash of the browser's token and the
design decides, so the choice is the same every time for the same student and differs between
students. The store keeps the choice (``SQLStore.assign``), so a reload or a new kernel finds it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence


def choose_arm(arms: Sequence[str], counts: Mapping[str, int], session: str, design: str = "") -> str:
    """The arm among ``arms`` with the fewest students so far (``counts``); among level ones, by the token's hash."""
    if not arms:
        raise ValueError("an assignment needs at least one arm")
    fewest = min(counts.get(arm, 0) for arm in arms)
    level = [arm for arm in arms if counts.get(arm, 0) == fewest]
    digest = hashlib.sha256(f"{design}\0{session}".encode()).digest()
    return level[int.from_bytes(digest[:8], "big") % len(level)]
