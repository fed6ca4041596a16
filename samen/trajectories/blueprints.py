"""Blueprints: set up a whole trajectory (phases and tracks) in one step."""

import datetime
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class TrackBlueprint:
    key: str
    title: str | Promise
    description: str | Promise


@dataclass(frozen=True)
class PhaseBlueprint:
    type: str
    title: str | Promise
    description: str | Promise
    months: int
    tracks: tuple[TrackBlueprint, ...] = ()


@dataclass(frozen=True)
class Blueprint:
    key: str
    name: str | Promise
    description: str | Promise
    title: str | Promise
    question: str | Promise
    goals: str | Promise
    phases: tuple[PhaseBlueprint, ...] = field(default_factory=tuple)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Return the same day `months` later (clamped to the month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


TWO_PHASE = Blueprint(
    key="two_phase",
    name=_("Exploration and follow-up"),
    description=_(
        "First listen to every household (about four months), then a follow-up of about ten "
        "months with connecting activities and a stronger neighbourhood committee."
    ),
    title=_("Living together in our neighbourhood"),
    question=_("How do we want to live together here, and what do we do about it together?"),
    goals=_(
        "Neighbours get to know each other. Residents say what they need and what they want "
        "to do. Residents and the housing company make clear agreements about maintenance "
        "and living together."
    ),
    phases=(
        PhaseBlueprint(
            type="exploration",
            title=_("Exploration: we listen"),
            description=_(
                "We ask every household: what do you like, what can be better, what do you "
                "want to do yourself? At a stand in the street, on a card, at the door and online. "
                "Then we tell you what we heard and what the housing company does with it."
            ),
            months=4,
        ),
        PhaseBlueprint(
            type="follow_up",
            title=_("Follow-up: we do it together"),
            description=_(
                "Activities where neighbours meet, and a stronger neighbourhood committee."
            ),
            months=10,
            tracks=(
                TrackBlueprint(
                    key="activities",
                    title=_("Connecting activities"),
                    description=_("Activities where neighbours get to know each other."),
                ),
                TrackBlueprint(
                    key="committee",
                    title=_("Strengthening the committee"),
                    description=_(
                        "The neighbourhood committee works on its mission, roles, tasks and "
                        "meeting agreements."
                    ),
                ),
            ),
        ),
    ),
)

BLUEPRINTS = {TWO_PHASE.key: TWO_PHASE}
