"""The cohesion score against hand-computed examples, including the reverse item."""

import pytest

from samen.cohesion.instrument import group_score, person_score


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ((5, 1, 1, 1, 1), 0.0),  # item 1 reversed: 5 → 1 point; all 1 → mean 1 → 0
        ((1, 5, 5, 5, 5), 10.0),  # item 1 reversed: 1 → 5 points; mean 5 → 10
        ((3, 3, 3, 3, 3), 5.0),
        ((2, 4, 3, 4, 3), 6.5),  # points 4, 4, 3, 4, 3 → mean 3.6 → (3.6 − 1) × 2.5
    ],
)
def test_person_score_by_hand(answers, expected):
    assert person_score(answers) == pytest.approx(expected)


def test_one_skipped_item_still_scores_on_the_other_four():
    # Points 5 (reversed 1), 4, 4, 4 → mean 4.25 → (4.25 − 1) × 2.5 = 8.125
    assert person_score((1, 4, None, 4, 4)) == pytest.approx(8.125)


def test_two_skipped_items_give_no_score():
    assert person_score((1, None, None, 4, 4)) is None


def test_three_skipped_items_give_no_score():
    assert person_score((None, None, None, 4, 4)) is None


def test_group_score_is_hidden_below_five_scored_answers():
    four = [(3, 3, 3, 3, 3)] * 4
    assert group_score(four) == (None, 4)
    score, count = group_score([*four, (1, 5, 5, 5, 5)])
    assert count == 5
    assert score == pytest.approx((5.0 * 4 + 10.0) / 5)


def test_unscored_answers_do_not_count_towards_the_five():
    answers = [(3, 3, 3, 3, 3)] * 4 + [(None, None, None, 3, 3)]
    assert group_score(answers) == (None, 4)
