"""A download-rule prediction (``download_rule_checker:<rules id>:<rule id>``, response ``(outcome,)``) in words.

The item is the rule that decided the student's case, so the case is told by the answers that
rule fits (「作品をダウンロード（保存）する・海賊版…」); the response is the predicted outcome, in
the prediction buttons' words.
"""

from __future__ import annotations

from kit.analysis.describe.words import Described, child, chosen
from kit.content.law_rules import LawRules, Rule
from kit.models.download_rule import OUTCOMES
from kit.text.ui import label


def describe(content: LawRules, item: str, response: tuple[int, ...], lang: str) -> Described | None:
    """The case the rule decides, and the outcome the student predicted."""
    rule = child(content, content.rules, item)
    outcome = chosen(OUTCOMES, response) if rule is not None else None
    case = _case(content, rule, lang) if outcome is not None else None
    return Described(case, label(f"drc_{outcome.value}", lang)) if case else None


def _case(content: LawRules, rule: Rule, lang: str) -> str | None:
    """The answers ``rule`` fits, condition by condition (None when a condition or answer is no longer in the file)."""
    pieces = []
    for condition_id, allowed in rule.when:
        condition = next((c for c in content.conditions if c.id == condition_id), None)
        if condition is None:
            return None
        pieces.append(label("item_or", lang).join(o.label.get(lang) for o in condition.options if o.id in allowed))
    return label("item_drc_case", lang, case=label("item_and", lang).join(pieces)) if pieces else label("item_drc_other", lang)
