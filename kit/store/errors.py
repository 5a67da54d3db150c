"""What a store raises when it cannot serve now, and when the backend a URL names is not installed."""

from __future__ import annotations


class StoreUnavailable(Exception):
    """The database cannot be reached now (restarting, network gone): the same call may succeed a moment later."""


class MissingExtra(ImportError):
    """The store URL names a backend whose driver is not installed (``pip install "net-literacy-kit[postgres]"``)."""

    def __init__(self, extra: str):
        super().__init__(extra)
        self.extra = extra
