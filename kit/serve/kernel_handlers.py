"""The kernel endpoints a lesson page uses, answering only the browser that owns the kernel (``kernels.py``).

Stock Voilà lets anyone who knows a kernel id connect to its websocket, read its model at
``/api/kernels/<id>`` or shut it down (``DELETE`` there, or ``/voila/api/shutdown/<id>``). Here a
request without the owner's ``netkit_browser`` cookie gets 404, as if the kernel did not exist.
``/voila/query/<id>``, where a preheated kernel waits for its student's link, is for the kernels
on this machine only.
"""

from __future__ import annotations

import ipaddress

import tornado.web
from jupyter_server.services.kernels.handlers import KernelHandler
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler

from kit.serve.kernels import BROWSER_COOKIE


def is_owner(handler, kernel_id: str | None = None) -> bool:
    """Whether the request comes from the browser that owns ``kernel_id`` (default: the one in the URL)."""
    if kernel_id is None:
        kernel_id = handler.path_kwargs.get("kernel_id") or (handler.path_args[0] if handler.path_args else "")
    kernels = handler.settings.get("netkit_kernels")
    return kernels is not None and kernels.owns(kernel_id, handler.get_cookie(BROWSER_COOKIE))


def check_owner(handler, kernel_id: str | None = None) -> None:
    """404 unless the request comes from the browser that owns the kernel."""
    if not is_owner(handler, kernel_id):
        raise tornado.web.HTTPError(404)


class OwnedKernelHandler(KernelHandler):
    """``/api/kernels/<id>``: the model and ``DELETE``, for the owner only."""

    async def prepare(self):
        await super().prepare()
        check_owner(self)


class OwnedShutdownHandler(VoilaShutdownKernelHandler):
    """``/voila/api/shutdown/<id>``: the beacon of a closing tab, for the owner only."""

    async def prepare(self):
        await super().prepare()
        check_owner(self)


class LocalRequestInfoHandler(RequestInfoSocketHandler):
    """``/voila/query/<id>``: only kernels (processes on this machine) connect here."""

    def get(self, *args, **kwargs):
        if not from_this_machine(self.request):
            raise tornado.web.HTTPError(404)
        return super().get(*args, **kwargs)


def from_this_machine(request) -> bool:
    """Whether ``request`` comes from a process on this machine: loopback, or the address it was sent to
    (a kernel of a server started with ``--host 192.168.1.10`` connects to that address)."""
    remote = request.remote_ip or ""
    try:
        if ipaddress.ip_address(remote).is_loopback:
            return True
        local = request.connection.stream.socket.getsockname()[0]
    except (ValueError, AttributeError, OSError):
        return False
    return remote == local
