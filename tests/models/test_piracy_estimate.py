"""The estimate explorer's arithmetic: the published figure back, and assumptions moving it."""

from __future__ import annotations

import pytest

from kit.models.piracy_estimate import PUBLISHED, EstimateParams, headline, reading_minutes, volumes

HEADLINE = 8.5e12  # about 8.5 trillion yen a year (fact abj-world-2025-assumption)


def test_published_assumptions_give_the_published_figure():
    assert headline(HEADLINE, PUBLISHED) == pytest.approx(HEADLINE)


def test_working_back_the_reading_time():
    minutes = reading_minutes(HEADLINE)
    assert volumes(minutes, PUBLISHED) == pytest.approx(1.7e10)  # 8.5 trillion ÷ 500 yen
    assert minutes == pytest.approx(5.1e11)


def test_assumptions_move_the_headline_as_arithmetic_says():
    assert headline(HEADLINE, EstimateParams(minutes_per_volume=60)) == pytest.approx(HEADLINE / 2)
    assert headline(HEADLINE, EstimateParams(price=1000)) == pytest.approx(HEADLINE * 2)
    assert headline(HEADLINE, EstimateParams(buy_share=0.2)) == pytest.approx(HEADLINE * 0.2)
    assert headline(HEADLINE, EstimateParams(buy_share=0.0)) == 0


def test_longer_reading_per_volume_always_lowers_the_figure():
    figures = [headline(HEADLINE, EstimateParams(minutes_per_volume=m)) for m in (10, 20, 30, 60, 120)]
    assert figures == sorted(figures, reverse=True)
