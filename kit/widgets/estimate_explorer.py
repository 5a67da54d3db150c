"""EstimateExplorer: change the assumptions behind a piracy-loss headline and watch it move.

It shows the published figure beside the one the student's assumptions give, the reading time
the estimate counted (worked back from the headline), and a table of other published figures with
what each counts, its source and date — material for discussing what an estimate is.
"""

from __future__ import annotations

from collections.abc import Mapping

from kit.content.errors import ContentError
from kit.content.estimates import EstimateSet
from kit.content.facts import Fact
from kit.content.text import Text
from kit.models.lab_settings import assumption_problems
from kit.models.parameters import checked
from kit.models.piracy_estimate import EstimateParams, headline, reading_minutes
from kit.text.numbers import amount
from kit.text.ui import label
from kit.widgets.model_lab import ModelLab


class EstimateExplorer(ModelLab):
    """Sliders for minutes per volume, price and share who would have bought; the headline redrawn."""

    params_class = EstimateParams

    def __init__(self, estimates: EstimateSet, facts: Mapping[str, Fact], *, lang: str = "ja",
                 furigana: bool = False, **kwargs):
        self.estimates = estimates
        self._facts = estimates.with_facts(facts)
        wrong = assumption_problems(estimates)
        if wrong:
            raise ContentError(wrong)
        target = estimates.explored
        self._basis = checked(EstimateParams, target.assumptions)
        self._published = self._facts[target.id].value * target.yen_per_unit
        super().__init__(lang=lang, furigana=furigana, start=self._basis.values(), title=estimates.title,
                         lead=Text(label("est_lead", "ja"), label("est_lead", "en")), prompts=estimates.prompts, **kwargs)

    def present(self, p: EstimateParams) -> dict:
        target = self.estimates.explored
        mine = headline(self._published, p, self._basis)
        fact = self._facts[target.id]
        ui = self._ui
        return {
            "headline_html": ui("est_headline", value=self._yen(mine)),
            "charts": [{"title_html": ui("est_chart"), "rows": [
                {"label_html": ui("est_published", date=fact.as_of), "value": self._published,
                 "text": self._yen(self._published), "kind": "muted"},
                {"label_html": ui("est_yours"), "value": mine, "text": self._yen(mine), "kind": "plain"},
            ]}],
            "table": {
                "caption_html": ui("est_table"),
                "columns": [ui("est_col_estimate"), ui("est_col_value"), ui("est_col_counts"), ui("est_col_method"), ui("est_col_source")],
                "rows": [[self._html(e.label), self._html(self._value(self._facts[e.id], e.yen_per_unit)), self._html(e.counts),
                          self._html(e.method), self._html(Text(f"{self._facts[e.id].source}（{self._facts[e.id].as_of}）",
                                                                  f"{self._facts[e.id].source} ({self._facts[e.id].as_of})"))]
                         for e in self.estimates.estimates],
            },
            "notes_html": [
                ui("est_note_minutes", minutes=self._count(reading_minutes(self._published, self._basis), "分", "minutes"),
                   label_=target.label.get(self._lang)),
                ui("est_note_what"),
            ],
        }

    def _value(self, fact: Fact, yen_per_unit: float) -> Text:
        # Japanese as the source wrote it (約6,031億円); English in yen words (about 603 billion yen)
        return Text(f"約{fact.value:,g}{fact.unit.ja}", f"about {amount(fact.value * yen_per_unit, 'en', unit_en='yen')}")

    def _ui(self, key: str, **values) -> str:
        values = {k.rstrip("_"): v for k, v in values.items()}
        return self._html(Text(label(key, "ja", **values), label(key, "en", **values)))
