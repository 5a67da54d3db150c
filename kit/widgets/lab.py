"""Lab: the one shell of every model lab; its controls are built from the model's parameter spec.

A lab names its model's Params class (``kit.models.parameters``). The shell turns the model's
``specs`` into the controls the browser draws (``widgets/_lab.js``: native range sliders and
menus named by their plain labels, in the lab's groups, each value written beside it as the
kernel words it; the lab's buttons; one alert line), so a range, a step or a label is written
once, in the model and ``kit/text/params.yaml``, and the browser gets every limit from here. Every
value, from a slider, from a teacher's code or from a forged browser message, goes through the
model's one check: a refused value leaves the lab as it was, with the ``ParamError`` sentence in
``error``. ``set(**values)`` and ``press(action)`` do what the controls and buttons do, so tests
need no browser; the browser's requests are run by ``kit.widgets._pacing.PACER`` (a burst becomes
one run with the last values).
"""

from __future__ import annotations

from typing import ClassVar

import traitlets

from kit.content.text import Text
from kit.models.parameters import ParamError, Spec, checked, spec, specs
from kit.text.numbers import amount, percent
from kit.text.ui import label, labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._pacing import PACER
from kit.widgets._render import text_html


def shown_value(s: Spec, value, lang: str) -> str:
    """A parameter's value as a lab writes it beside its control: 30%, 2万人, 0.06, 友だちの多い人から."""
    if s.kind == "choice":
        return s.choice_labels[s.choices.index(value)].get(lang) if value in s.choices else str(value)
    if s.percent:
        return percent(value)
    if s.unit.ja:
        return amount(value, lang, s.unit.ja, s.unit.en)
    if s.kind == "int":
        return str(int(value))
    return f"{value:.3f}".rstrip("0").rstrip(".")


class Lab(KitWidget):
    """A model's controls, the lab's buttons and an alert line; a subclass adds what the model shows.

    A subclass sets ``params_class``, its ``_esm``/``_css`` (``lab_asset``), ``BUTTONS`` (action,
    ui.yaml key, class) with a method per action, and may override ``groups_for`` (where each
    control goes) and ``changed`` (what follows a change of parameters).
    """

    params_class: ClassVar[type]
    BUTTONS: ClassVar[tuple[tuple[str, str, str], ...]] = ()  # (action, label key, CSS class)
    RUBY_LABELS: ClassVar[tuple[str, ...]] = ()  # shown on buttons or summaries: with readings under furigana
    SOURCES: ClassVar[bool] = False  # write under each control where its default comes from
    LIVE: ClassVar[bool] = True  # send values while a slider is dragged (False: when it is let go)
    BROWSER_SETS: ClassVar[frozenset[str]] = frozenset({"pending", "values"})  # values: checked like a slider

    heading = traitlets.Dict(help="Title and lead paragraph, as HTML.").tag(sync=True)
    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    controls = traitlets.List(help="One control per parameter a student may move, from the model's spec: name, kind, "
                                   "label, label_html, help_html, min, max, step, choices, group, source.").tag(sync=True)
    groups = traitlets.List(help="Where controls go, in order: key, legend, kind (fieldset, details or plain).").tag(sync=True)
    buttons = traitlets.List(help="The lab's buttons: action, label, class.").tag(sync=True)
    live = traitlets.Bool(True, help="Whether a slider sends its value while dragged, not only when let go.").tag(sync=True)
    values = traitlets.Dict(help="The value in use of every control, by parameter name.").tag(sync=True)
    shown = traitlets.Dict(help="Each value as written beside its control (30%, 2万人).").tag(sync=True)
    error = traitlets.Unicode("", help="Why the last change was refused, in the lesson's language; empty if none.").tag(sync=True)

    def __init__(self, params=None, *, lang: str = "ja", furigana: bool = False, names: tuple[str, ...] | None = None,
                 title: Text | None = None, lead: Text | None = None, **kwargs):
        super().__init__(**kwargs)
        self._lang, self._furigana = lang, furigana
        cls = self.params_class
        self._names = tuple(names) if names is not None else tuple(s.name for s in specs(cls) if s.slider)
        for name in self._names:
            spec(cls, name)  # an unknown name is a ParamError now, not a broken page later
        self.params = params if params is not None else cls()
        self._start = self.params
        self._waiting: dict = {}  # values from the browser not yet checked (see _set_soon)
        self.labels = labels(lang, ruby=self.RUBY_LABELS if furigana else ())
        self.heading = {"title_html": self._html(title) if title else "", "lead_html": self._html(lead) if lead else ""}
        self.groups = [{"key": key, "legend": legend, "kind": kind} for key, legend, kind in self.group_list()]
        self.controls = [self._control(spec(cls, name)) for name in self._names]
        self.buttons = [{"action": action, "label": label(key, lang), "class": css} for action, key, css in self.BUTTONS]
        self.live = self.LIVE
        self._sync_values()
        self.observe(self._on_values, names="values")
        self.on_msg(self._on_browser_message)

    # --- what the controls do ------------------------------------------------------------

    def set(self, **changes) -> bool:
        """Change parameters, as moving controls does; False (and ``error`` says why) if one is refused."""
        try:
            params = checked(self.params_class, {**self.params.values(), **changes})
        except ParamError as exc:
            self.error = exc.ja if self._lang == "ja" else exc.en
            self._sync_values()  # the browser's controls go back to the values in use
            return False
        self.error = ""
        before, self.params = self.params, params
        self._sync_values()
        if params != before:
            self.changed()
        return True

    def reset(self) -> None:
        """Every control back to the lab's starting values."""
        self.set(**{name: getattr(self._start, name) for name in self._names})

    def press(self, action: str) -> None:
        """Do what the button ``action`` does."""
        if action in {b["action"] for b in self.buttons}:
            getattr(self, action)()

    # --- for subclasses ------------------------------------------------------------------

    def group_list(self) -> list[tuple[str, str, str]]:
        """(key, legend, kind) of each group of controls, in order; kind is fieldset, details or plain."""
        return [("main", "", "plain")]

    def group_of(self, s: Spec) -> str:
        """The group a parameter's control goes in."""
        return "main"

    def changed(self) -> None:
        """Called after the parameters changed (a lab redraws or reruns here)."""

    def _html(self, text: Text) -> str:
        return text_html(text, self._lang, self._furigana)

    # --- internals -----------------------------------------------------------------------

    def _control(self, s: Spec) -> dict:
        control = {"name": s.name, "kind": s.kind, "label": s.label.get(self._lang), "label_html": self._html(s.label),
                   "help_html": self._html(s.help) if s.help else "", "group": self.group_of(s)}
        if s.kind == "choice":
            control["choices"] = [{"value": v, "label": t.get(self._lang)} for v, t in zip(s.choices, s.choice_labels, strict=True)]
        else:
            control.update(min=s.min, max=s.max, step=s.step)
        if self.SOURCES:
            control.update(assumption=s.assumption, source_html=self._html(s.source) if s.source else "")
        return control

    def _sync_values(self) -> None:
        values = {name: getattr(self.params, name) for name in self._names}
        with self.hold_sync():
            self.shown = {name: shown_value(spec(self.params_class, name), v, self._lang) for name, v in values.items()}
            self.values = values

    def _on_values(self, change) -> None:
        # A teacher's code, or a browser's state update, may write ``values`` itself: checked like a slider.
        new = change["new"] if isinstance(change["new"], dict) else {}
        changed = {k: v for k, v in new.items() if getattr(self.params, str(k), object()) != v}
        if changed:
            self._set_soon(changed)

    def _set_soon(self, values: dict) -> None:
        """Values from the browser: merged with those not yet checked, set by the pacer."""
        self._waiting.update(values)

        def work():
            waiting, self._waiting = self._waiting, {}
            if waiting:
                self.set(**{str(k): v for k, v in waiting.items()})

        PACER.request((id(self), "set"), work)

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        action = content.get("action")
        if action == "set" and isinstance(content.get("values"), dict):
            self._set_soon(content["values"])
        elif isinstance(action, str) and action in {b["action"] for b in self.buttons}:
            PACER.request((id(self), action), lambda: self.press(action))  # after any change still waiting


def lab_asset(name: str) -> str:
    """A lab's ES module or stylesheet with the shell's (``_lab.js`` / ``_lab.css``) in front."""
    return asset(name, "_lab" + name[name.rindex("."):])
