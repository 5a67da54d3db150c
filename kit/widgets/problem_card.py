"""ProblemCard: what a student sees instead of a part that cannot be shown, never a traceback.

The student is told kindly to carry on; the teacher gets each problem as one sentence naming the
file, the place, the field and the fix.
"""

from __future__ import annotations

import html

import ipywidgets as ipw

from kit.content.errors import ContentError
from kit.text.ui import label


class ProblemCard(ipw.HTML):
    """A friendly card standing in for a broken part of a lesson."""

    def __init__(self, error: ContentError, *, lang: str = "ja", partial: bool = False, **kwargs):
        self.problems = list(error.problems)
        sentences = [p.sentence() if lang == "ja" else p.sentence_en() for p in self.problems]
        items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences[:20])
        more = f"<li>… ({len(sentences) - 20})</li>" if len(sentences) > 20 else ""
        value = (
            '<div class="nk-problem" role="note" style="border:2px solid #b35c00;border-radius:12px;'
            'padding:1rem 1.25rem;background:#fff8ee;color:#1a1a1a;max-width:46rem">'
            f"<p style=\"font-weight:700;font-size:1.15rem;margin:0\">{html.escape(label('problem_partial' if partial else 'problem_title', lang))}</p>"
            f"<p>{html.escape(label('problem_student', lang))}</p>"
            f"<details><summary>{html.escape(label('problem_teacher', lang))}</summary><ul>{items}{more}</ul></details>"
            "</div>"
        )
        super().__init__(value=value, **kwargs)
