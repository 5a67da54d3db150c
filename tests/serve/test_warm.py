"""At start the server compresses what every lesson page loads, before the first student asks for it."""

from __future__ import annotations

from kit.serve import caching, warm


def test_scripts_are_compressed_before_anyone_asks():
    caching._compressed.cache_clear()
    warm.warm_compression().join(timeout=120)
    assert caching._compressed.cache_info().currsize >= 50
