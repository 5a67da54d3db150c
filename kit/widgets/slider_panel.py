"""SliderPanel: labelled native sliders for a model's parameters, some behind "more", and a run button.

Native ``<input type="range">`` elements, each named by its plain label, are what a keyboard, a
touch screen and a screen reader all work with (ipywidgets' sliders have no accessible name and
hide their "more" section from the keyboard). ``values`` holds what the sliders show; ``press()``
does what the button does, so a lab built on the panel is tested without a browser.
"""

from __future__ import annotations

from collections.abc import Callable

import anywidget
import traitlets

from kit.widgets._assets import asset


class SliderPanel(anywidget.AnyWidget):
    """One slider per parameter (the first ones always shown, the rest under a disclosure) and a button."""

    _esm = traitlets.Unicode(asset("slider_panel.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("slider_panel.css")).tag(sync=True)

    sliders = traitlets.List(help="One slider per parameter: name, label (plain), label_html, min, max, step, "
                                  "integer, more (shown under the disclosure).").tag(sync=True)
    values = traitlets.Dict(help="The value each slider shows, by parameter name.").tag(sync=True)
    labels = traitlets.Dict(help="The disclosure's and the button's text (with readings under __ruby).").tag(sync=True)

    def __init__(self, sliders: list[dict], values: dict, labels: dict, **kwargs):
        super().__init__(sliders=sliders, values=dict(values), labels=labels, **kwargs)
        self._on_press: list[Callable[[], None]] = []
        self.on_msg(self._on_browser_message)

    def set(self, **values) -> None:
        """Move sliders, as a student would (``panel.set(join=0.2)``)."""
        self.values = {**self.values, **values}

    def on_press(self, handler: Callable[[], None]) -> None:
        """Call ``handler`` when the button is pressed."""
        self._on_press.append(handler)

    def press(self) -> None:
        """Do what the button does."""
        for handler in self._on_press:
            handler()

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        if content.get("action") == "set" and content.get("name") in self.values:
            value = content.get("value")
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                self.set(**{content["name"]: value})
        elif content.get("action") == "press":
            self.press()
