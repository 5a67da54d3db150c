"""How a piracy-loss headline is made, so students can change its assumptions and watch it move.

A published estimate (e.g. about 8.5 trillion yen a year) rests on the assumption "30 minutes of
reading on a pirate site = one 500-yen volume". Working back from the headline and its
assumptions gives the reading time the estimate counted; the headline under other assumptions is

    reading minutes ÷ minutes per volume × price × share who would have bought.

The published method counts every such volume as a lost sale (share 100%); that is our reading of
"30 minutes = one 500-yen volume", and the slider lets students question it. Pure arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.models.parameters import ModelParams, param


@dataclass(frozen=True)
class EstimateParams(ModelParams):
    """The assumptions of the model; labels, units and sources in kit/text/params.yaml (``estimate``)."""

    TEXT = "estimate"

    minutes_per_volume: float = param(30, 5, 120, 5)
    price: int = param(500, 100, 1500, 50)
    buy_share: float = param(1.0, 0.0, 1.0, 0.05, percent=True)


PUBLISHED = EstimateParams()  # the assumptions of the published figure


def reading_minutes(headline_yen: float, basis: EstimateParams = PUBLISHED) -> float:
    """The reading time an estimate counted, worked back from its headline and its assumptions."""
    return headline_yen / (basis.price * basis.buy_share) * basis.minutes_per_volume


def volumes(minutes: float, p: EstimateParams) -> float:
    """How many volumes ``minutes`` of reading count as."""
    return minutes / p.minutes_per_volume


def headline(published_yen: float, p: EstimateParams, basis: EstimateParams = PUBLISHED) -> float:
    """The headline figure (yen) the same reading time gives under the assumptions ``p``."""
    return volumes(reading_minutes(published_yen, basis), p) * p.price * p.buy_share
