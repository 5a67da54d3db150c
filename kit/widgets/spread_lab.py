"""SpreadLab: sliders, two runs side by side (without and with the measures), a network and curves.

A lab on the shell of ``kit.widgets.lab``: its controls come from the spread model's ``Params``
spec, grouped into the story's conditions and the measures. The network's positions and links
are sent to the browser once as compact binary arrays; after each change only the states of every person in every round
(``uint8``, one byte each) and the counts for the curves are sent. The browser half
(``widgets/spread_lab.js``) draws on a canvas and animates the rounds it already has.
"""

from __future__ import annotations

import numpy as np
import traitlets

from kit.models.networks import Network
from kit.models.parameters import spec, specs
from kit.models.spread import History, Params, simulate
from kit.text.ui import label
from kit.widgets.lab import Lab, lab_asset


def slider_names() -> tuple[str, ...]:
    """Every parameter a student may move (all but the seed)."""
    return tuple(s.name for s in specs(Params) if s.slider)


class SpreadLab(Lab):
    """A false story and its correction on one network; the student moves the levers."""

    params_class = Params
    BUTTONS = (("run", "spread_run", "nk-spread-run nk-lab-primary"), ("step", "spread_step", "nk-spread-step"),
               ("reset", "spread_reset", "nk-spread-reset"), ("defaults", "spread_defaults", "nk-spread-defaults"))
    LIVE = False  # every change reruns the model: sent when a slider is let go

    _esm = traitlets.Unicode(lab_asset("spread_lab.js")).tag(sync=True)
    _css = traitlets.Unicode(lab_asset("spread_lab.css")).tag(sync=True)

    title = traitlets.Unicode("", help="The network's name in the lesson's language.").tag(sync=True)
    nodes = traitlets.Int(0, help="Number of people in the network.").tag(sync=True)
    positions = traitlets.Bytes(b"", help="float32 x, y per person (0…1), sent once.").tag(sync=True)
    links = traitlets.Bytes(b"", help="uint32 pairs (u, v), each link once, sent once.").tag(sync=True)
    bots = traitlets.Bytes(b"", help="uint8 per person: 1 for a bot account.").tag(sync=True)
    compare = traitlets.Bool(True, help="Show a run without the measures beside the student's run.").tag(sync=True)
    panels = traitlets.List(help="Per run: heading, believers and correctors per round, summary text.").tag(sync=True)
    states_without = traitlets.Bytes(b"", help="uint8 (rounds + 1) × nodes: states of the run without measures.").tag(sync=True)
    states_with = traitlets.Bytes(b"", help="uint8 (rounds + 1) × nodes: states of the run with the student's values.").tag(sync=True)
    round = traitlets.Int(0, help="The round shown (0 = the start).").tag(sync=True)
    last_round = traitlets.Int(0, help="The last round of the longer run.").tag(sync=True)
    version = traitlets.Int(0, help="Goes up with every new simulation, so the browser knows to redraw.").tag(sync=True)

    def __init__(self, network: Network, params: Params | None = None, *, lang: str = "ja", furigana: bool = False,
                 compare: bool = True, sliders: tuple[str, ...] | None = None, **kwargs):
        self.network = network
        self.history_with: History | None = None
        self.history_without: History | None = None
        super().__init__(params, lang=lang, furigana=furigana, names=sliders, **kwargs)
        self.title = network.title.get(lang)
        self.nodes = network.n
        self.positions = np.ascontiguousarray(network.layout, dtype="<f4").tobytes()
        self.links = np.ascontiguousarray(network.edges, dtype="<u4").tobytes()
        self.compare = compare
        self._simulate()

    # --- what the buttons and sliders do -------------------------------------------------

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
        self._waiting.clear()
        self.set(**{name: spec(Params, name).default for name in self._names})

    # --- the shell's hooks ---------------------------------------------------------------

    def group_list(self):
        return [("conditions", label("spread_conditions", self._lang), "fieldset"),
                ("measures", label("spread_measures", self._lang), "fieldset")]

    def group_of(self, s):
        return "measures" if s.intervention else "conditions"

    def changed(self) -> None:
        self._simulate()

    # --- internals -----------------------------------------------------------------------

    def _simulate(self) -> None:
        runs = [("spread_with", self.params)]
        if self.compare:
            runs.insert(0, ("spread_without", self.params.without_interventions()))
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
