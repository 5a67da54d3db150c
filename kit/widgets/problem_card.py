"""ProblemCard: what a student sees instead of a part that cannot be shown, never a traceback.

The student is told kindly to carry on; the teacher gets each problem as one sentence naming the
file, the place, the field and the fix. The kernel sends the sentences and the card's words; the
browser half (``widgets/problem_card.js``) draws the card.
"""

from __future__ import annotations

import traitlets

from kit.content.errors import ContentError
from kit.text.ui import labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget

SHOWN = 20  # sentences listed for the teacher; the rest are counted


class ProblemCard(KitWidget):
    """A friendly card standing in for a broken part of a lesson."""

    _esm = traitlets.Unicode(asset("problem_card.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("problem_card.css")).tag(sync=True)

    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    partial = traitlets.Bool(False, help="True when the rest of the same part is still shown (some questions left out).").tag(sync=True)
    sentences = traitlets.List(traitlets.Unicode(), help=f"For the teacher: one sentence per problem, the first {SHOWN}.").tag(sync=True)
    more = traitlets.Int(0, help="How many problems there are beyond the sentences listed.").tag(sync=True)

    def __init__(self, error: ContentError, *, lang: str = "ja", partial: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.problems = list(error.problems)
        sentences = [p.sentence() if lang == "ja" else p.sentence_en() for p in self.problems]
        self.labels = labels(lang)
        self.partial = partial
        self.sentences = sentences[:SHOWN]
        self.more = max(len(sentences) - SHOWN, 0)
