"""Model parameters: one declared spec per model, one check, one error.

A model's ``Params`` is a frozen dataclass built on ``ModelParams`` whose fields are declared with
``param(default, min, max, step)`` (or ``choice(default, values)``); its labels, units, sources and
help in Japanese and English are read from ``kit/text/params.yaml`` under the class's ``TEXT``
name. ``specs(cls)`` gives one ``Spec`` per field — all a lab needs to build its controls, all a
check needs — and every way a value reaches a model (a constructor, a lesson's starting values, a
teacher's file, a browser message) goes through ``check``, which returns the value as the model
uses it or raises ``ParamError`` naming the parameter and what it allows, in both languages.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from functools import cache
from importlib import resources
from numbers import Integral, Real
from typing import Any, ClassVar

from kit.content.text import Text


class ParamError(ValueError):
    """A value a parameter does not allow; ``ja`` and ``en`` name the parameter and what it allows."""

    def __init__(self, name: str, ja: str, en: str):
        self.name, self.ja, self.en = name, ja, en
        super().__init__(en)


@dataclass(frozen=True)
class Spec:
    """One parameter as a control and a check need it."""

    name: str
    kind: str  # "int", "float" or "choice"
    default: Any
    min: float | None
    max: float | None
    step: float | None
    label: Text
    help: Text | None = None
    unit: Text = Text("")
    source: Text | None = None  # where the default comes from; None: an illustrative assumption
    percent: bool = False  # a share from 0 to 1, shown as a percentage
    choices: tuple = ()
    choice_labels: tuple[Text, ...] = ()
    intervention: bool = False  # a measure someone takes (switched off for a comparison run)
    off: Any = None  # its value when switched off
    slider: bool = True  # whether a student may move it

    @property
    def assumption(self) -> bool:
        """Whether the default is only an illustration (no source given)."""
        return self.source is None

    def allowed(self, lang: str) -> str:
        """What the parameter allows, as a reader of ``lang`` reads it: ``0%〜95%``, ``random, hubs``."""
        if self.kind == "choice":
            return ("・" if lang == "ja" else ", ").join(self.choices)
        return f"{self.show(self.min, lang)}〜{self.show(self.max, lang)}" if lang == "ja" else \
            f"{self.show(self.min, lang)} and {self.show(self.max, lang)}"

    def show(self, value, lang: str) -> str:
        """``value`` as the lab writes it: a percentage for a share, else the number and its unit."""
        if self.percent:
            return f"{value * 100:g}%"
        unit = self.unit.get(lang)
        value = str(int(value)) if float(value).is_integer() else f"{value:g}"
        return f"{value}{unit if lang == 'ja' else (' ' + unit if unit else '')}"


def param(default, lo, hi, step, *, percent: bool = False, intervention: bool = False, off=None,
          slider: bool = True):
    """A numeric Params field with its range and step (whole numbers when the field is ``int``)."""
    return field(default=default, metadata=dict(min=lo, max=hi, step=step, percent=percent,
                                                intervention=intervention, off=off, slider=slider))


def choice(default, values: tuple, *, intervention: bool = False, off=None, slider: bool = True):
    """A Params field that takes one of ``values`` (shown as a menu)."""
    return field(default=default, metadata=dict(choices=tuple(values), intervention=intervention, off=off,
                                                slider=slider))


@cache
def _texts() -> dict:
    import yaml

    return yaml.safe_load(resources.files("kit.text").joinpath("params.yaml").read_text("utf-8"))


def _text(entry: dict | None) -> Text | None:
    return Text(str(entry["ja"]), str(entry.get("en") or "")) if entry else None


@cache
def specs(cls) -> tuple[Spec, ...]:
    """One ``Spec`` per field of the Params dataclass ``cls``, in field order."""
    texts = _texts()[cls.TEXT]
    out = []
    for f in fields(cls):
        meta, words = f.metadata, texts[f.name]
        kind = "choice" if "choices" in meta else "int" if f.type in ("int", int) else "float"
        out.append(Spec(
            name=f.name, kind=kind, default=f.default, min=meta.get("min"), max=meta.get("max"), step=meta.get("step"),
            label=_text(words), help=_text(words.get("help")), unit=_text(words.get("unit")) or Text(""),
            source=_text(words.get("source")), percent=meta.get("percent", False), choices=meta.get("choices", ()),
            choice_labels=tuple(_text(words["choices"][c]) for c in meta.get("choices", ())),
            intervention=meta["intervention"], off=meta["off"], slider=meta["slider"]))
    return tuple(out)


def spec(cls, name: str) -> Spec:
    """The ``Spec`` of parameter ``name`` of ``cls``; ``ParamError`` if there is none."""
    for s in specs(cls):
        if s.name == name:
            return s
    names = ", ".join(s.name for s in specs(cls))
    raise ParamError(name, f"「{name}」という設定はありません。使えるのは {names} です。",
                     f"there is no parameter '{name}'; use one of {names}.")


def check(cls, name: str, value):
    """``value`` as parameter ``name`` of ``cls`` holds it, or ``ParamError`` saying what is allowed.

    A whole number written as ``3.0`` or a number written as text (``"30000"``, from a teacher's
    file) is taken as that number; anything else that is not a finite number in range is refused.
    """
    s = spec(cls, name)
    ja, en = f"「{s.label.ja}」（{name}）", f"'{s.label.en}' ({name})"
    if s.kind == "choice":
        if not isinstance(value, str) or value not in s.choices:
            raise ParamError(name, f"{ja}は {s.allowed('ja')} のどれかにしてください（いまの値: {_brief(value)}）。",
                             f"{en} must be one of {s.allowed('en')} (got {_brief(value)}).")
        return value
    number = _number(value)
    whole = number is not None and float(number).is_integer()
    if number is None or (s.kind == "int" and not whole):
        kind_ja, kind_en = ("整数", "a whole number") if s.kind == "int" else ("数", "a number")
        raise ParamError(name, f"{ja}は{kind_ja}で指定してください（いまの値: {_brief(value)}）。",
                         f"{en} must be {kind_en} (got {_brief(value)}).")
    if not s.min <= number <= s.max:
        raise ParamError(name, f"{ja}は {s.allowed('ja')} の間にしてください（いまの値: {s.show(number, 'ja')}）。",
                         f"{en} must be between {s.allowed('en')} (got {s.show(number, 'en')}).")
    return int(number) if s.kind == "int" else float(number)


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if isinstance(value, (Integral, Real)) or hasattr(value, "__float__"):
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            return None
        return number if math.isfinite(number) else None
    return None


def _brief(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def checked(cls, values: dict[str, Any] | None = None, **changes):
    """``cls`` built from its defaults, ``values`` and ``changes``; ``ParamError`` for the first bad one."""
    return cls(**{name: check(cls, name, value) for name, value in {**(values or {}), **changes}.items()})


class ModelParams:
    """Base of every model's Params dataclass: each field is checked as the object is made."""

    TEXT: ClassVar[str] = ""  # the section of kit/text/params.yaml with this model's labels

    def __post_init__(self):
        for f in fields(self):
            object.__setattr__(self, f.name, check(type(self), f.name, getattr(self, f.name)))

    def with_changes(self, **changes):
        """A copy with some fields changed (each checked; an unknown name is a ``ParamError``)."""
        for name in changes:
            spec(type(self), name)
        return replace(self, **changes)

    @classmethod
    def specs(cls) -> tuple[Spec, ...]:
        """One ``Spec`` per parameter, in order."""
        return specs(cls)

    def values(self) -> dict:
        """Every parameter's value, by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def without_interventions(self):
        """The same run with every measure switched off: the comparison baseline."""
        return replace(self, **{s.name: s.off for s in specs(type(self)) if s.intervention})
