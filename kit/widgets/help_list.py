"""HelpList: where to get help, each desk with its contact and the date it was checked.

The kernel sends the desks for the audience and the words around them; the browser half
(``widgets/help_list.js``) draws the list on the help card.
"""

from __future__ import annotations

import traitlets

from kit.content.help import HelpDesk
from kit.text.ui import labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget


def desk_view(desk: HelpDesk, lang: str) -> dict:
    """One help desk as the browser shows it: name, purpose, contact, hours, checked date (plain text)."""
    return {"name": desk.name.get(lang), "purpose": desk.purpose.get(lang), "contact": desk.contact,
            "hours": desk.hours.get(lang), "checked": desk.checked}


class HelpList(KitWidget):
    """The help desks for an audience, with a reassuring note first."""

    _esm = traitlets.Unicode(asset("help_list.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("help_list.css")).tag(sync=True)

    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    shown = traitlets.List(traitlets.Dict(), help="The desks for the audience, in the file's order.").tag(sync=True)

    def __init__(self, desks: list[HelpDesk], *, lang: str = "ja", audience: str = "children", **kwargs):
        super().__init__(**kwargs)
        self.desks = [d for d in desks if audience in d.audience]
        self.labels = labels(lang)
        self.shown = [desk_view(d, lang) for d in self.desks]
