"""HelpList: where to get help, each desk with its contact and the date it was checked."""

from __future__ import annotations

import html

import ipywidgets as ipw

from kit.content.help import HelpDesk
from kit.text.ui import label


def desk_html(desk: HelpDesk, lang: str) -> str:
    """One help desk as an HTML list item."""
    hours = desk.hours.get(lang)
    hours_part = f"<br>{html.escape(label('help_hours', lang))}: {html.escape(hours)}" if hours else ""
    return (
        '<li style="margin:0.5rem 0">'
        f"<strong>{html.escape(desk.name.get(lang))}</strong> — {html.escape(desk.purpose.get(lang))}<br>"
        f"<span style=\"font-size:1.1rem;font-weight:700\">{html.escape(desk.contact)}</span>{hours_part}"
        f"<br><small style=\"color:#3d4f5c\">{html.escape(label('help_checked', lang))}: {html.escape(desk.checked)}</small>"
        "</li>"
    )


class HelpList(ipw.HTML):
    """The help desks for an audience, with a reassuring note first."""

    def __init__(self, desks: list[HelpDesk], *, lang: str = "ja", audience: str = "children", **kwargs):
        shown = [d for d in desks if audience in d.audience]
        value = (
            '<section class="nk-help" style="border:3px solid #1b7a3a;border-radius:12px;padding:1rem 1.25rem;'
            'background:#f1faf3;color:#1a1a1a;max-width:46rem">'
            f"<h3 style=\"margin-top:0\">{html.escape(label('help_title', lang))}</h3>"
            f"<p>{html.escape(label('help_note', lang))}</p>"
            f"<ul style=\"padding-left:1.2rem\">{''.join(desk_html(d, lang) for d in shown)}</ul></section>"
        )
        super().__init__(value=value, **kwargs)
        self.desks = shown
