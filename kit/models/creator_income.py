"""A small, transparent model of what one manga volume earns its author, with and without piracy.

Every step is one line a student can follow:

- of ``readers`` people who read the volume, ``pirate_share`` read it on a pirate site and the
  rest buy it;
- without the pirate site, ``lost_sale_share`` of those pirate readers would have bought it (the
  rest would not have read it at all) — the assumption estimates argue about;
- the author earns ``royalty_rate`` × ``price`` per copy sold;
- the pirate site earns ``pirate_ad_yen`` from ads per pirate reader, and passes none of it on;
- **model assumption**: the publisher decides on the next volume from its sales; the chance is a
  logistic curve that is 50% at ``threshold`` copies and rises from about 12% to 88% over
  ``threshold ± 2 × spread``. Real publishers weigh more than sales; this curve only shows the
  direction.

Deterministic: no randomness, so no seed. Defaults marked as assumptions are illustrations, not
facts (see ``kit.models.parameters``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kit.models.parameters import param


@dataclass(frozen=True)
class IncomeParams:
    """The assumptions of the income model; field metadata gives range, labels and sources."""

    readers: int = param(20000, 1000, 200000, 1000, "この巻を読む人の数", "People who read this volume",
                         unit_ja="人", unit_en="people")
    pirate_share: float = param(0.3, 0.0, 0.95, 0.05, "そのうち海賊版で読む人の割合", "Share of them reading a pirated copy",
                                percent=True)
    lost_sale_share: float = param(0.5, 0.0, 1.0, 0.05, "海賊版がなければ買っていた人の割合（海賊版で読む人のうち）",
                                   "Share of pirate readers who would have bought it otherwise", percent=True)
    price: int = param(500, 100, 1500, 50, "1冊の値段", "Price of one volume", unit_ja="円", unit_en="yen",
                       source_ja="ABJ の推計が使う「1冊500円」（共同通信 2025-10 の報道）",
                       source_en="the 500 yen a volume that ABJ's estimate uses (Kyodo, 2025-10)")
    royalty_rate: float = param(0.10, 0.03, 0.20, 0.01, "作者の印税率（1冊の値段のうち作者に届く割合）",
                                "Author's royalty (share of the price that reaches the author)", percent=True)
    pirate_ad_yen: float = param(0.5, 0.0, 5.0, 0.1, "海賊版サイトが1人の読者から得る広告のお金",
                                 "Ad money the pirate site makes per reader", unit_ja="円", unit_en="yen")
    threshold: int = param(10000, 1000, 50000, 1000, "次の巻を出すかどうかの目安の売上（見込み50%）",
                           "Sales at which the next volume has a 50% chance", unit_ja="冊", unit_en="copies")
    spread: int = param(2000, 500, 10000, 500, "見込みが変わる幅", "How gradually the chance changes",
                        unit_ja="冊", unit_en="copies")


@dataclass(frozen=True)
class Income:
    """One side of the comparison (with or without the pirate site)."""

    sold: float  # copies sold
    author_yen: float  # the author's royalties for this volume
    publisher_yen: float  # what the rest of the sales brings the publisher and shops
    next_volume: float  # chance the next volume is published, 0–1
    pirate_site_yen: float  # ad money the pirate site makes


@dataclass(frozen=True)
class Comparison:
    """The same volume with and without the pirate site."""

    with_piracy: Income
    without_piracy: Income

    @property
    def lost_sales(self) -> float:
        return self.without_piracy.sold - self.with_piracy.sold

    @property
    def lost_author_yen(self) -> float:
        return self.without_piracy.author_yen - self.with_piracy.author_yen


def chance_next_volume(sold: float, threshold: float, spread: float) -> float:
    """Model assumption: a logistic curve in sales, 50% at ``threshold``."""
    return 1.0 / (1.0 + math.exp(-(sold - threshold) / spread))


def _income(p: IncomeParams, sold: float, pirate_readers: float) -> Income:
    author = sold * p.price * p.royalty_rate
    return Income(sold=sold, author_yen=author, publisher_yen=sold * p.price - author,
                  next_volume=chance_next_volume(sold, p.threshold, p.spread),
                  pirate_site_yen=pirate_readers * p.pirate_ad_yen)


def compare(p: IncomeParams) -> Comparison:
    """The volume's income with the pirate site as described, and with no pirate site."""
    pirate_readers = p.readers * p.pirate_share
    sold_with = p.readers - pirate_readers
    sold_without = sold_with + pirate_readers * p.lost_sale_share
    return Comparison(with_piracy=_income(p, sold_with, pirate_readers),
                      without_piracy=_income(p, sold_without, 0.0))
