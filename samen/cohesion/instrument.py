"""The survey instrument: the CBS five-item social-cohesion scale and its 0–10 score.

Each item is answered on a five-point agreement scale (1 = strongly disagree … 5 = strongly
agree). Item 1 says something negative ("people hardly know each other"), so it is scored in
reverse (6 − answer). A person's score is the mean of the answered items, moved from the 1–5
range onto 0–10: (mean − 1) × 2.5. That is the same as CBS's sum score (5–25) rescaled to 0–10.
A person needs at least four of the five items answered; otherwise the answer has no score.
The formula and its source are written down in docs/cohesion.md.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean

from django.utils.translation import gettext_lazy as _

# A figure resting on fewer answers or households than this is never shown.
MIN_GROUP = 5
# A person's score needs at least this many of the five items.
MIN_ITEMS_FOR_SCORE = 4
# The national reference figure (see docs/cohesion.md for its source and year).
NATIONAL_REFERENCE = 6.4
NATIONAL_REFERENCE_YEAR = 2021


@dataclass(frozen=True)
class Item:
    """One statement of the scale."""

    field: str
    text: object  # a lazy translated string
    reverse: bool = False


CBS_ITEMS: tuple[Item, ...] = (
    Item("item1", _("People in this neighbourhood hardly know each other."), reverse=True),
    Item("item2", _("People in this neighbourhood treat each other in a pleasant way.")),
    Item("item3", _("I live in a friendly neighbourhood with a strong sense of togetherness.")),
    Item("item4", _("I feel at home with the people who live in this neighbourhood.")),
    Item(
        "item5", _("I live in a neighbourhood where people help each other and do things together.")
    ),
)
ITEM_FIELDS: tuple[str, ...] = tuple(item.field for item in CBS_ITEMS)


def item_points(item: Item, answer: int) -> int:
    """Return the points (1–5) an answer gives, reversing a negative item."""
    if not 1 <= answer <= 5:
        raise ValueError("An answer is on the 1–5 scale.")
    return 6 - answer if item.reverse else answer


def person_score(answers: Sequence[int | None]) -> float | None:
    """Return one person's 0–10 score from the five answers (None = skipped), or None."""
    points = [
        item_points(item, answer)
        for item, answer in zip(CBS_ITEMS, answers, strict=True)
        if answer is not None
    ]
    if len(points) < MIN_ITEMS_FOR_SCORE:
        return None
    return (fmean(points) - 1) * 2.5


def group_score(people: Iterable[Sequence[int | None]]) -> tuple[float | None, int]:
    """Return the mean score of a group and the number of scored answers (None below five)."""
    scores = [score for score in map(person_score, people) if score is not None]
    if len(scores) < MIN_GROUP:
        return None, len(scores)
    return fmean(scores), len(scores)
