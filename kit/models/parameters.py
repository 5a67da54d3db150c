"""Model parameters whose dataclass field metadata is the single source for sliders and checks.

``param(...)`` declares a field with its default, range, step, bilingual label and the source of
its default (or ``ASSUMPTION`` when the default is only an illustration). ``sliders(cls)`` lists
them for a widget, and ``checked(cls, values)`` builds a Params object or raises ``ParamError``
naming the parameter and its range in Japanese and English.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

ASSUMPTION_JA = "説明のための仮の値（事実ではありません）"
ASSUMPTION_EN = "an illustrative assumption, not a fact"


class ParamError(ValueError):
    """A parameter is outside its range; ``ja`` and ``en`` say which and what to do."""

    def __init__(self, name: str, ja: str, en: str):
        self.name, self.ja, self.en = name, ja, en
        super().__init__(en)


@dataclass(frozen=True)
class Slider:
    """What a slider for one parameter needs: name, range, step, labels, unit and source."""

    name: str
    default: float
    min: float
    max: float
    step: float
    label_ja: str
    label_en: str
    unit_ja: str
    unit_en: str
    source_ja: str
    source_en: str
    assumption: bool
    percent: bool  # a share from 0 to 1, shown as a percentage


def param(default, lo, hi, step, label_ja: str, label_en: str, *, unit_ja: str = "", unit_en: str = "",
          source_ja: str = "", source_en: str = "", percent: bool = False):
    """A Params field. Without a source the default is marked as an illustrative assumption."""
    assumption = not source_ja
    meta = dict(default=default, min=lo, max=hi, step=step, label_ja=label_ja, label_en=label_en,
                unit_ja=unit_ja, unit_en=unit_en, percent=percent, assumption=assumption,
                source_ja=source_ja or ASSUMPTION_JA, source_en=source_en or ASSUMPTION_EN)
    return field(default=default, metadata=meta)


def sliders(cls) -> list[Slider]:
    """One ``Slider`` per field of the Params dataclass ``cls``, in field order."""
    return [Slider(name=f.name, **{k: f.metadata[k] for k in (
        "default", "min", "max", "step", "label_ja", "label_en", "unit_ja", "unit_en",
        "source_ja", "source_en", "assumption", "percent")}) for f in fields(cls)]


def checked(cls, values: dict[str, Any] | None = None, **changes):
    """``cls`` built from its defaults, ``values`` and ``changes``; ``ParamError`` if out of range."""
    merged = {**(values or {}), **changes}
    known = {f.name: f for f in fields(cls)}
    for name in merged:
        if name not in known:
            raise ParamError(name, f"「{name}」という設定はありません。", f"there is no parameter '{name}'.")
    for name, value in merged.items():
        meta = known[name].metadata
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ParamError(name, f"「{meta['label_ja']}」には数を入れてください。",
                             f"'{meta['label_en']}' must be a number.") from None
        if not meta["min"] <= number <= meta["max"]:
            raise ParamError(
                name, f"「{meta['label_ja']}」は {_show(meta['min'], meta)}〜{_show(meta['max'], meta)} の間にしてください。",
                f"'{meta['label_en']}' must be between {_show(meta['min'], meta)} and {_show(meta['max'], meta)}.")
        merged[name] = int(number) if isinstance(meta["default"], int) else number
    return cls(**merged)


def _show(value, meta) -> str:
    return f"{value * 100:g}%" if meta["percent"] else f"{value:g}"
