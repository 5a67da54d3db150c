"""The kernel's websocket without Nagle's delay: each reply reaches the student's browser at once.

A kernel answers a request with several small websocket messages (status busy, the reply, status
idle). With Nagle's algorithm on, the server holds back each small write until the browser has
acknowledged the previous one, and the browser delays that acknowledgement by up to 40 ms. Tornado
leaves the choice to the handler (``WebSocketHandler.set_nodelay``) and neither Jupyter Server nor
Voilà makes it, so every round trip to the kernel (the page's first three, every answer a student
submits) waited about 40 ms for nothing; measured on 127.0.0.1 and worse on a school's Wi-Fi.
"""

from __future__ import annotations

import struct

from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

# What Jupyter Server raises reading a frame that is not a Jupyter message: not JSON, a cut binary frame, no header.
MALFORMED = (ValueError, KeyError, TypeError, IndexError, AssertionError, struct.error)
V1 = "v1.kernel.websocket.jupyter.org"  # Jupyter Server's binary websocket protocol; the light page speaks the older one


class PromptKernelWebsocketHandler(VoilaKernelWebsocketHandler):
    """Voilà's kernel websocket, sending each message as soon as it is written; only to the kernel's owner."""

    async def get(self, kernel_id, *args, **kwargs):
        from kit.serve.kernel_handlers import is_owner

        if not is_owner(self, kernel_id):  # before the upgrade: another browser gets a plain 404
            self.set_status(404)
            return self.finish()
        return await super().get(kernel_id, *args, **kwargs)

    def write_message(self, message, binary=False):
        """A binary frame of the older protocol goes out without Voilà's look at its header.

        Voilà drops ``execute_input`` messages, and to find them reads every binary frame's header as the v1
        protocol lays it out (8-byte offsets). A frame of the older protocol (4-byte offsets: what the light
        page speaks, and a message carrying buffers, such as the spread lab's state) read that way gave a count
        of billions of offsets: the server's one thread built that list, and every student's page stopped.
        An ``execute_input`` never carries buffers, so it is never such a frame.
        """
        if isinstance(message, bytes) and self.connection is not None and self.connection.subprotocol != V1:
            return super(VoilaKernelWebsocketHandler, self).write_message(message, binary)
        return super().write_message(message, binary)

    def on_message(self, ws_message):
        """A frame that is not a Jupyter message is dropped with one line in the teacher's terminal.

        Jupyter Server let the parse error escape, so Tornado printed a 20-line traceback and closed the
        socket; a student's script sending ``{not json`` could fill the teacher's terminal, one traceback a try.
        """
        try:
            super().on_message(ws_message)
        except MALFORMED as error:
            self.log.warning("netkit: dropped a malformed message on the websocket of kernel %s (%s)",
                             self.kernel_id, type(error).__name__)

    async def open(self, kernel_id):  # type: ignore[override]
        self.set_nodelay(True)
        await super().open(kernel_id)
        pools = self.settings.get("netkit_autopools")
        if pools is not None:  # the browser came back with its cookie: it counts towards the lesson's pool (autopool.py)
            from kit.serve.kernels import BROWSER_COOKIE, VISIT

            token = VISIT.set(None)  # the pool's kernels are the pool's, not this browser's
            try:
                pools.came_back(self.get_cookie(BROWSER_COOKIE))
            finally:
                VISIT.reset(token)
