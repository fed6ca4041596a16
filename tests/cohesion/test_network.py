"""Network figures on small graphs whose answers are known by hand."""

import pytest

from samen.cohesion.network import network_figures


def test_a_path_of_four_households():
    figures = network_figures([(1, 2), (2, 3), (3, 4)], 4)
    assert figures.pairs == 3
    assert figures.density == pytest.approx(3 / 6)
    assert figures.average_acquaintances == pytest.approx(1.5)
    assert figures.share_without == 0
    assert figures.largest_group == 4
    assert figures.largest_group_share == 1


def test_a_triangle_and_a_household_on_its_own():
    figures = network_figures([(1, 2), (2, 3), (1, 3)], 4)
    assert figures.density == pytest.approx(3 / 6)
    assert figures.average_acquaintances == pytest.approx(1.5)
    assert figures.share_without == pytest.approx(0.25)
    assert figures.largest_group == 3
    assert figures.largest_group_share == pytest.approx(0.75)


def test_no_pairs_at_all():
    figures = network_figures([], 5)
    assert figures.pairs == 0
    assert figures.density == 0
    assert figures.average_acquaintances == 0
    assert figures.share_without == 1
    assert figures.largest_group == 1
    assert figures.largest_group_share == pytest.approx(0.2)


def test_no_households():
    figures = network_figures([], 0)
    assert figures.households == 0
    assert figures.largest_group == 0


def test_two_groups_and_two_households_alone():
    figures = network_figures([(1, 2), (3, 4), (4, 5)], 7)
    assert figures.pairs == 3
    assert figures.density == pytest.approx(3 / 21)
    assert figures.average_acquaintances == pytest.approx(6 / 7)
    assert figures.share_without == pytest.approx(2 / 7)
    assert figures.largest_group == 3
    assert figures.largest_group_share == pytest.approx(3 / 7)


def test_a_pair_counted_twice_counts_once():
    assert network_figures([(1, 2), (2, 1), (1, 2)], 3).pairs == 1
