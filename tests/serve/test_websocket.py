"""The kernel websocket sends each message at once (no Nagle delay), and the server uses it."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from kit.serve.websocket import PromptKernelWebsocketHandler


class RecordingPools:
    def __init__(self):
        self.came = []

    def came_back(self, browser):
        self.came.append(browser)


def _opened(monkeypatch, settings: dict, cookie: str | None = None) -> list:
    """The handler's ``open``, driven by hand (another test may have left an event loop running); what it did."""
    calls = []

    async def voila_open(self, kernel_id):
        calls.append(("open", kernel_id))

    monkeypatch.setattr(VoilaKernelWebsocketHandler, "open", voila_open)
    handler = PromptKernelWebsocketHandler.__new__(PromptKernelWebsocketHandler)
    handler.application = SimpleNamespace(settings=settings)
    handler.set_nodelay = lambda value: calls.append(("nodelay", value))
    handler.get_cookie = lambda name, default=None: cookie if name == "netkit_browser" else default
    opening = handler.open("k-1")
    with pytest.raises(StopIteration):
        opening.send(None)
    return calls


def test_nagle_is_switched_off_before_the_kernel_connection_opens(monkeypatch):
    assert _opened(monkeypatch, {}) == [("nodelay", True), ("open", "k-1")]


def test_a_browser_whose_websocket_opens_comes_back_to_the_lessons_pool(monkeypatch):
    pools = RecordingPools()
    _opened(monkeypatch, {"netkit_autopools": pools}, cookie="the-page-s-cookie")
    assert pools.came == ["the-page-s-cookie"]  # kit/serve/autopool.py counts it then, not when the page is served


def test_the_classroom_server_routes_kernel_channels_to_it(tmp_path):
    from kit.serve.app import ServeOptions, make_app

    saved = dict(os.environ)  # make_app sets the variables lesson kernels inherit
    try:
        app = make_app(ServeOptions(root=Path(__file__).resolve().parents[2] / "lessons", host="127.0.0.1", port=0,
                                    data_dir=tmp_path))
        app.init_settings()
        handlers = [spec[1] for spec in app.init_handlers()]
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert PromptKernelWebsocketHandler in handlers
    assert VoilaKernelWebsocketHandler not in handlers
