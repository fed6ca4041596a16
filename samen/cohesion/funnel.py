"""The participation funnel: how many households took each step in a period (pure functions).

Each step counts distinct households; the steps are not nested (a household can attend an
activity without having written a contribution). "Reached" is every household that took any
recorded step in the period, or whose first resident logged in to Samen for the first time
then. See docs/cohesion-figures.md for the definitions.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from samen.cohesion.instrument import MIN_GROUP

# The steps in the order of the funnel; "joined" only counts towards "reached".
# (key, label, short label for a chart's axis)
STEPS: tuple[tuple[str, object, object], ...] = (
    ("reached", _("reached"), _("reached")),
    ("contributed", _("said something (a contribution)"), _("said")),
    ("registered", _("registered for an activity"), _("registered")),
    ("attended", _("came to an activity"), _("came")),
    ("helped", _("offered help or joined the committee"), _("helped")),
)
EVENT_KINDS = ("joined", "contributed", "registered", "attended", "helped")


@dataclass(frozen=True)
class Event:
    """A household did something between two days (one day for most events)."""

    household_id: int
    kind: str
    starts_on: datetime.date
    ends_on: datetime.date


@dataclass(frozen=True)
class FunnelStep:
    """One step: a count of households and its share of all households, or None when hidden."""

    key: str
    label: object
    short: object
    count: int | None
    share: float | None

    @property
    def suppressed(self) -> bool:
        """Return True when the figure rests on fewer than five households."""
        return self.count is None

    @property
    def percent(self) -> float | None:
        """Return the share in percent, or None when hidden."""
        return None if self.share is None else 100 * self.share


def funnel(
    events: Iterable[Event], *, starts_on: datetime.date, ends_on: datetime.date, households: int
) -> list[FunnelStep]:
    """Count the households per step for events overlapping the period; hide counts below five."""
    seen: dict[str, set[int]] = {kind: set() for kind in EVENT_KINDS}
    for event in events:
        if event.starts_on <= ends_on and event.ends_on >= starts_on:
            seen[event.kind].add(event.household_id)
    counts = {kind: len(ids) for kind, ids in seen.items()}
    counts["reached"] = len(set().union(*seen.values()))
    steps = []
    for key, label, short in STEPS:
        count = counts[key]
        if count < MIN_GROUP or households < MIN_GROUP:
            steps.append(FunnelStep(key, label, short, None, None))
        else:
            steps.append(FunnelStep(key, label, short, count, count / households))
    return steps
