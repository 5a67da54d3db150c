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

from kit.models.parameters import param


@dataclass(frozen=True)
class EstimateParams:
    """The assumptions behind a loss estimate; field metadata gives range, labels and sources."""

    minutes_per_volume: float = param(30, 5, 120, 5, "何分読んだら「1冊」と数えるか", "Minutes of reading counted as one volume",
                                      unit_ja="分", unit_en="min",
                                      source_ja="ABJ の推計の仮定「30分＝1冊」（共同通信 2025-10 の報道）",
                                      source_en="ABJ's assumption '30 minutes = one volume' (Kyodo, 2025-10)")
    price: int = param(500, 100, 1500, 50, "1冊の値段", "Price of one volume", unit_ja="円", unit_en="yen",
                       source_ja="ABJ の推計の仮定「1冊500円」（共同通信 2025-10 の報道）",
                       source_en="ABJ's assumption 'a 500-yen volume' (Kyodo, 2025-10)")
    buy_share: float = param(1.0, 0.0, 1.0, 0.05, "海賊版がなければ、その本を買っていた人の割合",
                             "Share who would have bought the volume if there were no pirate site", percent=True,
                             source_ja="発表の計算は、読まれた分をすべて「売れなかった本」と数えている（この教材の読み方）",
                             source_en="the published figure counts everything read as a lost sale (this kit's reading)")


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
