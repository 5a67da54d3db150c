"""The base of the kit's widgets: the kernel owns their state, and a browser's message never raises.

A widget's synced values are the kernel's to set. The browser of a student on the classroom network can send an
``update`` for any of them (a forged comm message), and a widget that trusted one would store a stage of a game
twice (``phase``, ``number``), keep a post the teacher chose not to keep (``store_text``) or index out of range.
So an update from the browser sets only the values in ``BROWSER_SETS``: ``pending`` (the page's "waiting" flag,
which the kernel clears) and, in a lab, ``values`` (checked like a slider, ``kit.widgets.lab``); the rest is
dropped (a debug line in the kernel's log). Everything else a page asks for comes as a custom message
(``{"action": …}``), which each widget checks; one that still raises is logged in one line, never shown to the
student as a traceback.
"""

from __future__ import annotations

import logging
from typing import ClassVar

import anywidget
import traitlets

log = logging.getLogger("kit.widgets")


class KitWidget(anywidget.AnyWidget):
    """An anywidget whose state the browser may change only in ``BROWSER_SETS``."""

    BROWSER_SETS: ClassVar[frozenset[str]] = frozenset({"pending"})

    def set_state(self, sync_data):
        """A state update from the browser: only ``BROWSER_SETS``, and a value of the wrong kind is ignored."""
        if not isinstance(sync_data, dict):
            return
        allowed = {name: value for name, value in sync_data.items() if name in self.BROWSER_SETS}
        dropped = sorted(str(name) for name in sync_data if name not in allowed)
        if dropped:  # only a forged page sends these: not a line in the teacher's terminal per message
            log.debug("netkit: %s ignored a browser's update of %s", type(self).__name__, ", ".join(dropped)[:200])
        if not allowed:
            return
        try:
            super().set_state(allowed)
        except (traitlets.TraitError, TypeError, ValueError) as error:
            log.warning("netkit: %s ignored a browser's update it could not read: %s", type(self).__name__,
                        str(error)[:200])

    def _handle_custom_msg(self, content, buffers):
        for callback in list(self._msg_callbacks.callbacks):
            try:
                callback(self, content, buffers)
            except Exception as error:  # a forged or broken message: one line in the log, nothing on the page
                log.warning("netkit: %s ignored a message it could not handle: %s: %s", type(self).__name__,
                            type(error).__name__, str(error)[:200])


__all__ = ["KitWidget"]
