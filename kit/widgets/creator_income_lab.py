"""CreatorIncomeLab: what one manga volume earns its author, with and without a pirate site."""

from __future__ import annotations

from kit.content.text import Text
from kit.models.creator_income import IncomeParams, compare
from kit.text.numbers import percent
from kit.text.ui import label
from kit.widgets.model_lab import ModelLab


class CreatorIncomeLab(ModelLab):
    """Sliders for the income model's assumptions; bars for income, copies and the next volume."""

    params_class = IncomeParams

    def __init__(self, *, lang: str = "ja", furigana: bool = False, start: dict | None = None, **kwargs):
        super().__init__(lang=lang, furigana=furigana, start=start,
                         title=_ui("income_title"), lead=_ui("income_lead"), prompts=(
                             _ui("income_prompt_1"), _ui("income_prompt_2"), _ui("income_prompt_3")), **kwargs)

    def present(self, p: IncomeParams) -> dict:
        c = compare(p)
        w, wo = c.with_piracy, c.without_piracy
        ui = self._ui
        return {
            "headline_html": ui("income_headline", share=percent(p.pirate_share), with_=self._yen(w.author_yen),
                                without=self._yen(wo.author_yen)),
            "charts": [
                {"title_html": ui("income_chart_author"), "rows": [
                    {"label_html": ui("income_no_pirate"), "value": wo.author_yen, "text": self._yen(wo.author_yen), "kind": "good"},
                    {"label_html": ui("income_with_pirate"), "value": w.author_yen, "text": self._yen(w.author_yen), "kind": "plain"},
                ]},
                {"title_html": ui("income_chart_sold"), "rows": [
                    {"label_html": ui("income_no_pirate"), "value": wo.sold, "text": self._count(wo.sold, "冊", "copies"), "kind": "good"},
                    {"label_html": ui("income_with_pirate"), "value": w.sold, "text": self._count(w.sold, "冊", "copies"), "kind": "plain"},
                ]},
                {"title_html": ui("income_chart_next"), "max": 1.0, "rows": [
                    {"label_html": ui("income_no_pirate"), "value": wo.next_volume, "text": percent(wo.next_volume), "kind": "good"},
                    {"label_html": ui("income_with_pirate"), "value": w.next_volume, "text": percent(w.next_volume), "kind": "plain"},
                ]},
                {"title_html": ui("income_chart_pirate"), "rows": [
                    {"label_html": ui("income_pirate_site"), "value": w.pirate_site_yen, "text": self._yen(w.pirate_site_yen), "kind": "bad"},
                    {"label_html": ui("income_to_author"), "value": 0.0, "text": self._yen(0), "kind": "muted"},
                ]},
            ],
            "notes_html": [ui("income_note_next", threshold=self._count(p.threshold, "冊", "copies")),
                           ui("income_note_assumptions")],
        }

    def _ui(self, key: str, **values) -> str:
        values = {k.rstrip("_"): v for k, v in values.items()}
        return self._html(Text(label(key, "ja", **values), label(key, "en", **values)))


def _ui(key: str) -> Text:
    return Text(label(key, "ja"), label(key, "en"))
