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

from kit.models.parameters import ModelParams, param


@dataclass(frozen=True)
class IncomeParams(ModelParams):
    """The assumptions of the model; labels, units and sources in kit/text/params.yaml (``income``)."""

    TEXT = "income"

    readers: int = param(20000, 1000, 200000, 1000)
    pirate_share: float = param(0.3, 0.0, 0.95, 0.05, percent=True)
    lost_sale_share: float = param(0.5, 0.0, 1.0, 0.05, percent=True)
    price: int = param(500, 100, 1500, 50)
    royalty_rate: float = param(0.10, 0.03, 0.20, 0.01, percent=True)
    pirate_ad_yen: float = param(0.5, 0.0, 5.0, 0.1)
    threshold: int = param(10000, 1000, 50000, 1000)
    spread: int = param(2000, 500, 10000, 500)


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
