"""The creator-income model: arithmetic a student can check, directions that must hold, range checks."""

from __future__ import annotations

import dataclasses

import pytest

from kit.models.creator_income import IncomeParams, chance_next_volume, compare


def test_defaults_by_hand():
    c = compare(IncomeParams())  # 20,000 readers, 30% pirate, half of them would buy, 500 yen, 10%
    assert c.with_piracy.sold == pytest.approx(14000)
    assert c.without_piracy.sold == pytest.approx(17000)
    assert c.with_piracy.author_yen == pytest.approx(14000 * 50)
    assert c.lost_author_yen == pytest.approx(3000 * 50)
    assert c.with_piracy.pirate_site_yen == pytest.approx(6000 * 0.5)
    assert c.without_piracy.pirate_site_yen == 0
    assert c.with_piracy.author_yen + c.with_piracy.publisher_yen == pytest.approx(14000 * 500)


def test_no_piracy_means_no_difference():
    c = compare(IncomeParams(pirate_share=0.0))
    assert c.with_piracy == c.without_piracy and c.lost_sales == 0


@pytest.mark.parametrize("share", [0.1, 0.3, 0.6, 0.9])
def test_more_piracy_never_raises_income_or_the_chance_of_a_next_volume(share):
    less, more = compare(IncomeParams(pirate_share=share - 0.05)), compare(IncomeParams(pirate_share=share))
    assert more.with_piracy.author_yen < less.with_piracy.author_yen
    assert more.with_piracy.next_volume < less.with_piracy.next_volume
    assert more.with_piracy.pirate_site_yen > less.with_piracy.pirate_site_yen
    assert more.without_piracy.next_volume >= more.with_piracy.next_volume


def test_the_lost_sale_assumption_changes_the_loss_not_the_income_with_piracy():
    low, high = compare(IncomeParams(lost_sale_share=0.1)), compare(IncomeParams(lost_sale_share=0.9))
    assert low.with_piracy == high.with_piracy
    assert low.lost_author_yen < high.lost_author_yen
    assert compare(IncomeParams(lost_sale_share=0.0)).lost_sales == 0


def test_chance_curve_is_the_stated_assumption():
    assert chance_next_volume(10000, 10000, 2000) == pytest.approx(0.5)
    assert chance_next_volume(14000, 10000, 2000) == pytest.approx(0.881, abs=0.001)
    assert chance_next_volume(6000, 10000, 2000) == pytest.approx(0.119, abs=0.001)


def test_params_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        IncomeParams().readers = 3
