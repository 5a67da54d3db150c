"""An answer to store, the same in every store test (a helper module, not a test module)."""

from __future__ import annotations

from kit.store import Answer


def answer(i=0, **kw):
    base = dict(lesson="demo", item=f"q{i}", response=(1,), correct=True, phase="pre", session="s", student="<b>3番</b>", class_code="2-3")
    base.update(kw)
    return Answer(**base)
