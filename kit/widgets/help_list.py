"""HelpList: where to get help, each desk with its contact and the date it was checked.

The kernel sends the desks for the audience and the words around them, with readings in a lesson
with furigana (小学生: the help card must be readable by the child who needs it); the browser half
(``widgets/help_list.js``) draws the list on the help card. ``desk_view`` is also the router's
(``kit.widgets.help_router``), so a desk reads the same wherever it is shown.
"""

from __future__ import annotations

import re

import traitlets

from kit.content.help import HelpDesk
from kit.content.text import Text
from kit.text.ui import labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._render import text_html

_PHONE = re.compile(r"^[0-9#][0-9-]*$")

# The words of the help card, with readings when the lesson has furigana.
HELP_WORDS = ("help_title", "help_note", "help_hours", "help_checked")


def desk_view(desk: HelpDesk, lang: str, furigana: bool = False) -> dict:
    """One help desk as the browser shows it: its words as HTML (with readings if ``furigana``), the plain
    name and contact for a link's spoken name, the number to call (``tel``, "" for a web desk) and the checked date."""
    phone = desk.contact.split("（")[0].split("(")[0].strip()
    return {
        "id": desk.id,
        "name": desk.name.get(lang),
        "name_html": text_html(desk.name, lang, furigana),
        "for_html": text_html(desk.purpose, lang, furigana),
        "contact": desk.contact,
        "contact_html": text_html(Text(desk.contact), lang, furigana),
        "tel": phone.replace("-", "") if _PHONE.match(phone) else "",
        "hours_html": text_html(desk.hours, lang, furigana) if desk.hours.get(lang) else "",
        "checked": desk.checked,
    }


class HelpList(KitWidget):
    """The help desks for an audience, with a reassuring note first."""

    _esm = traitlets.Unicode(asset("help_list.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("help_list.css")).tag(sync=True)

    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    shown = traitlets.List(traitlets.Dict(), help="The desks for the audience, in the file's order.").tag(sync=True)

    def __init__(self, desks: list[HelpDesk], *, lang: str = "ja", furigana: bool = False, audience: str = "children",
                 **kwargs):
        super().__init__(**kwargs)
        self.desks = [d for d in desks if audience in d.audience]
        self.labels = labels(lang, ruby=HELP_WORDS if furigana else ())
        self.shown = [desk_view(d, lang, furigana) for d in self.desks]
