"""The teacher's pictures, drawn on the server as SVG: small pure functions from plain data to markup.

Each chart takes frozen dataclasses (no pandas, no store) and returns one ``<svg role="img">``
string with its ``<title>`` and ``<desc>`` (the picture in words), every word from
``charts.yaml`` (Japanese first, English second) and every colour from the kit's tokens
(``palette``), written as attributes so the picture prints and can be saved on its own. Text a
student typed (a nickname) is escaped by the XML writer (``svg``), never pasted into markup.

- ``item_bars``: per question, the correct rate and the most chosen wrong answer.
- ``slope``: each student's score before → after (→ a delayed test, when there is one).
- ``sdt_plot``: the class's d′ and c before and after, with intervals and the published reference.
- ``progress_chart``: who is on which part of the lesson right now.
- ``from_tables``: the dashboard's tables (``kit.analysis``) turned into these charts' inputs.
"""

from kit.analysis.charts.item_bars import ItemBar, item_bars
from kit.analysis.charts.progress_chart import PartCount, progress_chart
from kit.analysis.charts.sdt_plot import Reference, SdtPoint, sdt_plot
from kit.analysis.charts.slope import StudentScores, slope_chart

__all__ = ["ItemBar", "PartCount", "Reference", "SdtPoint", "StudentScores", "item_bars", "progress_chart",
           "sdt_plot", "slope_chart"]
