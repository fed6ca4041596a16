"""Reads about trajectories: the current one of a neighbourhood and its timeline."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from samen.neighbourhoods.models import Neighbourhood
from samen.trajectories.models import Phase, Track, Trajectory
from samen.trajectories.registry import PhaseType


@dataclass
class Timeline:
    """A trajectory's phases split into what happened, what is now and what comes next."""

    trajectory: Trajectory
    today: datetime.date
    past: list[Phase] = field(default_factory=list)
    current: list[Phase] = field(default_factory=list)
    future: list[Phase] = field(default_factory=list)

    @property
    def phases(self) -> list[Phase]:
        """Return all phases in order."""
        return [*self.past, *self.current, *self.future]


# Where `current_trajectory` leaves today's phase types on the neighbourhood object it was given.
ACTIVE_TYPES_ATTR = "_samen_active_phase_types"


def _with_phases(queryset: QuerySet[Trajectory]) -> QuerySet[Trajectory]:
    return queryset.select_related("neighbourhood").prefetch_related(
        Prefetch(
            "phases",
            queryset=Phase.objects.order_by("starts_on", "position").prefetch_related(
                Prefetch("tracks", queryset=Track.objects.order_by("position", "id"))
            ),
        )
    )


def trajectories_of(*, neighbourhood: Neighbourhood) -> list[Trajectory]:
    """Return a neighbourhood's trajectories with their phases and tracks, newest first."""
    return list(_with_phases(Trajectory.objects.filter(neighbourhood=neighbourhood)))


def trajectory_of(*, neighbourhood: Neighbourhood, pk: int) -> Trajectory | None:
    """Return one trajectory of the neighbourhood with its phases and tracks, or None."""
    return _with_phases(Trajectory.objects.filter(neighbourhood=neighbourhood, pk=pk)).first()


def current_trajectory(
    *, neighbourhood: Neighbourhood, today: datetime.date | None = None
) -> Trajectory | None:
    """Return the trajectory that runs today, else the one that starts next, else the last one."""
    today = today or timezone.localdate()
    trajectories = trajectories_of(neighbourhood=neighbourhood)
    # The phases are loaded anyway: remember today's phase types on this neighbourhood object,
    # so the phase rules of the same request (`active_phase_types`) need no query of their own.
    setattr(
        neighbourhood,
        ACTIVE_TYPES_ATTR,
        (
            today,
            [
                p.phase_type
                for t in trajectories
                for p in t.phases.all()
                if p.starts_on <= today <= p.ends_on and p.phase_type
            ],
        ),
    )

    def span(t: Trajectory) -> tuple[datetime.date, datetime.date] | None:
        phases = list(t.phases.all())
        if not phases:
            return None
        return min(p.starts_on for p in phases), max(p.ends_on for p in phases)

    spans = [(t, span(t)) for t in trajectories]
    running = [t for t, s in spans if s and s[0] <= today <= s[1]]
    if running:
        return running[0]
    upcoming = sorted(((s[0], t.pk, t) for t, s in spans if s and s[0] > today))
    if upcoming:
        return upcoming[0][2]
    finished = sorted(((s[1], t.pk, t) for t, s in spans if s), reverse=True)
    if finished:
        return finished[0][2]
    return trajectories[0] if trajectories else None


def timeline_of(
    *, neighbourhood: Neighbourhood, today: datetime.date | None = None
) -> Timeline | None:
    """Return the current trajectory as a timeline, or None if there is none."""
    today = today or timezone.localdate()
    trajectory = current_trajectory(neighbourhood=neighbourhood, today=today)
    if trajectory is None:
        return None
    timeline = Timeline(trajectory=trajectory, today=today)
    for phase in trajectory.phases.all():
        getattr(timeline, phase.status_on(today)).append(phase)
    return timeline


def active_phases(
    *, neighbourhood: Neighbourhood, today: datetime.date | None = None
) -> list[Phase]:
    """Return the phases that run today in any of the neighbourhood's trajectories."""
    today = today or timezone.localdate()
    return list(
        Phase.objects.filter(
            trajectory__neighbourhood=neighbourhood, starts_on__lte=today, ends_on__gte=today
        ).order_by("starts_on", "position")
    )


def active_phase_types(
    *, neighbourhood: Neighbourhood, today: datetime.date | None = None
) -> list[PhaseType]:
    """Return the registered types of the phases that run today."""
    remembered = getattr(neighbourhood, ACTIVE_TYPES_ATTR, None)
    if remembered is not None and remembered[0] == (today or timezone.localdate()):
        return list(remembered[1])
    return [
        p.phase_type
        for p in active_phases(neighbourhood=neighbourhood, today=today)
        if p.phase_type
    ]
