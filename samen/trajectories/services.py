"""Writes about trajectories: blueprints, phases and tracks."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.core.idempotency import run_once
from samen.neighbourhoods.models import Neighbourhood
from samen.trajectories.blueprints import BLUEPRINTS, add_months
from samen.trajectories.models import Phase, Track, Trajectory


def trajectory_create_from_blueprint(
    *,
    neighbourhood: Neighbourhood,
    blueprint: str,
    starts_on: datetime.date,
    actor: User | None = None,
    idempotency_key: str | None = None,
) -> Trajectory:
    """Create a whole trajectory with its dated phases and tracks from a blueprint."""
    plan = BLUEPRINTS.get(blueprint)
    if plan is None:
        raise ValidationError({"blueprint": _("Choose a blueprint.")})

    def create() -> Trajectory:
        trajectory = Trajectory(
            neighbourhood=neighbourhood,
            title=str(plan.title),
            question=str(plan.question),
            goals=str(plan.goals),
            blueprint=plan.key,
        )
        trajectory.full_clean()
        trajectory.save()
        start = starts_on
        for position, phase_plan in enumerate(plan.phases):
            end = add_months(start, phase_plan.months) - datetime.timedelta(days=1)
            phase = Phase(
                trajectory=trajectory,
                type=phase_plan.type,
                title=str(phase_plan.title),
                description=str(phase_plan.description),
                starts_on=start,
                ends_on=end,
                position=position,
            )
            phase.full_clean()
            phase.save()
            for track_position, track_plan in enumerate(phase_plan.tracks):
                track = Track(
                    phase=phase,
                    key=track_plan.key,
                    title=str(track_plan.title),
                    description=str(track_plan.description),
                    position=track_position,
                )
                track.full_clean()
                track.save()
            start = end + datetime.timedelta(days=1)
        return trajectory

    trajectory, _created = run_once(
        key=idempotency_key, scope="trajectory_create", model=Trajectory, create=create
    )
    return trajectory


@transaction.atomic
def trajectory_update(
    *, trajectory: Trajectory, title: str, question: str, goals: str
) -> Trajectory:
    """Change a trajectory's title, question and goals."""
    trajectory.title = title.strip()
    trajectory.question = question.strip()
    trajectory.goals = goals.strip()
    trajectory.full_clean()
    trajectory.save()
    return trajectory


@transaction.atomic
def phase_update(
    *,
    phase: Phase,
    title: str,
    description: str,
    type: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
) -> Phase:
    """Change a phase; its dates must not overlap another phase of the trajectory."""
    phase.title = title.strip()
    phase.description = description.strip()
    phase.type = type
    phase.starts_on = starts_on
    phase.ends_on = ends_on
    phase.full_clean()
    overlapping = (
        Phase.objects.filter(
            trajectory=phase.trajectory_id, starts_on__lte=ends_on, ends_on__gte=starts_on
        )
        .exclude(pk=phase.pk)
        .first()
    )
    if overlapping is not None:
        raise ValidationError(
            {
                "starts_on": _("These dates overlap with the phase “%(title)s”.")
                % {"title": overlapping.title}
            }
        )
    phase.save()
    return phase


def track_create(
    *, phase: Phase, title: str, description: str = "", idempotency_key: str | None = None
) -> Track:
    """Add a track to a phase."""
    from django.utils.text import slugify

    def create() -> Track:
        base = slugify(title)[:36] or "spoor"
        key, n = base, 2
        while Track.objects.filter(phase=phase, key=key).exists():
            key, n = f"{base}-{n}", n + 1
        track = Track(
            phase=phase,
            key=key,
            title=title.strip(),
            description=description.strip(),
            position=Track.objects.filter(phase=phase).count(),
        )
        track.full_clean()
        track.save()
        return track

    track, _created = run_once(
        key=idempotency_key, scope="track_create", model=Track, create=create
    )
    return track


@transaction.atomic
def track_delete(*, track: Track) -> None:
    """Remove a track from its phase."""
    track.delete()
