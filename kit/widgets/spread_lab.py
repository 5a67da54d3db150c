"""SpreadLab: sliders, two runs side by side (without and with the measures), a network and curves.

The sliders are built from ``Params`` field metadata (defaults and ranges are written once, in
``kit.models.spread``). The network's positions and links are sent to the browser once as
compact binary arrays; after each change only the states of every person in every round
(``uint8``, one byte each) and the counts for the curves are sent. The browser half
(``widgets/spread_lab.js``) draws on a canvas and animates the rounds it already has.
"""

from __future__ import annotations

import logging

import anywidget
import numpy as np
import traitlets

from kit.models.networks import Network
from kit.models.parameters import ParamError, spec, specs
from kit.models.spread import History, Params, State, simulate
from kit.text.ui import label, labels
from kit.widgets._assets import asset
from kit.widgets._pacing import PACER
from kit.widgets._render import text_html

log = logging.getLogger(__name__)

STATE_KEYS = {State.UNAWARE: "spread_unaware", State.SHARING: "spread_sharing", State.BELIEVING: "spread_believing",
              State.CORRECTING: "spread_correcting", State.CORRECTED: "spread_corrected"}


def slider_names() -> tuple[str, ...]:
    """Every parameter a student may move (all but the seed)."""
    return tuple(s.name for s in specs(Params) if s.slider)


class SpreadLab(anywidget.AnyWidget):
    """A false story and its correction on one network; the student moves the levers."""

    _esm = traitlets.Unicode(asset("spread_lab.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("spread_lab.css")).tag(sync=True)

    title = traitlets.Unicode("", help="The network's name in the lesson's language.").tag(sync=True)
    nodes = traitlets.Int(0, help="Number of people in the network.").tag(sync=True)
    positions = traitlets.Bytes(b"", help="float32 x, y per person (0…1), sent once.").tag(sync=True)
    links = traitlets.Bytes(b"", help="uint32 pairs (u, v), each link once, sent once.").tag(sync=True)
    bots = traitlets.Bytes(b"", help="uint8 per person: 1 for a bot account.").tag(sync=True)
    controls = traitlets.List(help="One entry per slider or choice: name, label HTML, range, step, choices.").tag(sync=True)
    values = traitlets.Dict(help="The parameter values in use; the browser sets it when a slider moves.").tag(sync=True)
    compare = traitlets.Bool(True, help="Show a run without the measures beside the student's run.").tag(sync=True)
    panels = traitlets.List(help="Per run: heading, believers and correctors per round, summary text.").tag(sync=True)
    states_without = traitlets.Bytes(b"", help="uint8 (rounds + 1) × nodes: states of the run without measures.").tag(sync=True)
    states_with = traitlets.Bytes(b"", help="uint8 (rounds + 1) × nodes: states of the run with the student's values.").tag(sync=True)
    round = traitlets.Int(0, help="The round shown (0 = the start).").tag(sync=True)
    last_round = traitlets.Int(0, help="The last round of the longer run.").tag(sync=True)
    version = traitlets.Int(0, help="Goes up with every new simulation, so the browser knows to redraw.").tag(sync=True)
    error = traitlets.Unicode("", help="Why the last change was refused, in the lesson's language; empty if none.").tag(sync=True)
    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)

    def __init__(self, network: Network, params: Params | None = None, *, lang: str = "ja", furigana: bool = False,
                 compare: bool = True, sliders: tuple[str, ...] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.network = network
        self._lang, self._furigana = lang, furigana
        self._params = params or Params()
        self._waiting: dict = {}  # slider values from the browser not yet run (see _set_soon)
        self._shown = tuple(sliders) if sliders is not None else slider_names()
        for name in self._shown:
            spec(Params, name)  # an unknown name is a ParamError now, not a broken page later
        self.history_with: History | None = None
        self.history_without: History | None = None
        self.labels = labels(lang)
        self.title = network.title.get(lang)
        self.nodes = network.n
        self.positions = np.ascontiguousarray(network.layout, dtype="<f4").tobytes()
        self.links = np.ascontiguousarray(network.edges, dtype="<u4").tobytes()
        self.compare = compare
        self.controls = [self._control(name) for name in self._shown]
        self._simulate()
        self.values = self._values()
        self.observe(self._on_values, names="values")
        self.on_msg(self._on_browser_message)

    # --- what the buttons and sliders do -------------------------------------------------

    @property
    def params(self) -> Params:
        """The parameters of the student's run."""
        return self._params

    def set(self, **changes) -> bool:
        """Change parameters, as moving sliders does; re-runs both runs and shows their end.

        A value outside its range is refused: ``error`` says why and nothing else changes.
        """
        try:
            params = self._params.with_changes(**changes)
        except ParamError as exc:
            self.error = exc.ja if self._lang == "ja" else exc.en
            self.values = self._values()  # the browser's sliders go back to the values in use
            return False
        self.error = ""
        if params != self._params:
            self._params = params
            self._simulate()
        self.values = self._values()
        return True

    def run(self) -> None:
        """Show the end of the runs, as the run button does (the browser plays the rounds)."""
        self.round = self.last_round

    def step(self) -> None:
        """Show the next round, as the step button does."""
        self.round = min(self.round + 1, self.last_round)

    def reset(self) -> None:
        """Go back to the start of the runs, as the reset button does."""
        self.round = 0

    def defaults(self) -> None:
        """Put every slider back to its default, as the defaults button does."""
        self.set(**{name: spec(Params, name).default for name in self._shown})

    # --- internals -----------------------------------------------------------------------

    def _control(self, name: str) -> dict:
        meta = spec(Params, name)
        control = {
            "name": name,
            "label_html": text_html(meta.label, self._lang, self._furigana),
            "label": meta.label.get(self._lang),
            "intervention": meta.intervention,
        }
        if meta.choices:
            control["choices"] = [{"value": v, "label": lab.get(self._lang)} for v, lab in zip(meta.choices, meta.choice_labels, strict=True)]
        else:
            control.update(min=meta.min, max=meta.max, step=meta.step, integer=meta.kind == "int")
        return control

    def _values(self) -> dict:
        return {name: getattr(self._params, name) for name in self._shown}

    def _simulate(self) -> None:
        runs = [("spread_with", self._params)]
        if self.compare:
            runs.insert(0, ("spread_without", self._params.without_interventions()))
        histories = {key: simulate(self.network, p) for key, p in runs}
        self.history_with = histories["spread_with"]
        self.history_without = histories.get("spread_without")
        last = max(h.rounds for h in histories.values())
        # Pad the shorter run with its last round, so both have the same number of rounds.
        pad = {key: np.concatenate([h.states, np.repeat(h.states[-1:], last - h.rounds, axis=0)]) for key, h in histories.items()}
        with self.hold_sync():  # the browser gets the new states, curves and round in one message
            self.states_with = pad["spread_with"].tobytes()
            self.states_without = pad["spread_without"].tobytes() if self.compare else b""
            self.bots = self.history_with.bots.astype(np.uint8).tobytes()
            self.panels = [self._panel(key, histories[key], last) for key, _ in runs]
            self.last_round = last
            self.round = last
            self.version += 1

    def _panel(self, key: str, h: History, last: int) -> dict:
        def padded(a: np.ndarray) -> list[int]:
            return np.concatenate([a, np.repeat(a[-1:], last - h.rounds)]).astype(int).tolist()

        share = round(100 * h.final_size / max(h.people, 1))
        return {
            "key": key,
            "heading": label(key, self._lang),
            "believers": padded(h.believers),
            "correctors": padded(h.correctors),
            "summary": label("spread_summary", self._lang, believed=h.final_size, people=h.people, percent=share,
                             peak=h.peak_believers, corrected=int(h.correctors[-1])),
        }

    def _on_values(self, change) -> None:
        new = change["new"] or {}
        changed = {k: v for k, v in new.items() if getattr(self._params, k, object()) != v}
        if changed:
            self._set_soon(changed)

    def _set_soon(self, values: dict) -> None:
        """Slider changes from the browser: merged with those not yet run, run by the pacer (``_pacing``)."""
        self._waiting.update(values)

        def work():
            waiting, self._waiting = self._waiting, {}
            if waiting:
                self.set(**waiting)

        PACER.request((id(self), "set"), work)

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        action = content.get("action")
        if action == "set" and isinstance(content.get("values"), dict):
            self._set_soon({str(k): v for k, v in content["values"].items()})
        elif action == "defaults":
            self._waiting.clear()
            PACER.request((id(self), "defaults"), self.defaults)
        elif action in ("run", "step", "reset"):
            PACER.request((id(self), action), getattr(self, action))  # in order after any change still waiting




def warm() -> None:
    """Read the shipped networks ahead of the student (called for preheated kernels by kit.warmup)."""
    from kit.content.errors import ContentError
    from kit.content.paths import resolve
    from kit.models.networks import load_network

    for path in sorted(resolve("networks").glob("*.json")):
        try:
            load_network(str(path))
        except ContentError:
            pass  # reported when the lesson builds the lab


__all__ = ["SpreadLab", "slider_names", "warm"]
