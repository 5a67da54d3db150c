"""The kernel websocket sends each message at once (no Nagle delay), and the server uses it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from kit.serve.websocket import PromptKernelWebsocketHandler


def test_nagle_is_switched_off_before_the_kernel_connection_opens(monkeypatch):
    calls = []

    async def voila_open(self, kernel_id):
        calls.append(("open", kernel_id))

    monkeypatch.setattr(VoilaKernelWebsocketHandler, "open", voila_open)
    handler = PromptKernelWebsocketHandler.__new__(PromptKernelWebsocketHandler)
    handler.set_nodelay = lambda value: calls.append(("nodelay", value))
    opening = handler.open("k-1")  # driven by hand: another test may have left an event loop running
    with pytest.raises(StopIteration):
        opening.send(None)
    assert calls == [("nodelay", True), ("open", "k-1")]


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
