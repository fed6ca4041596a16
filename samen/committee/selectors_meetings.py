"""Reads of the meetings part: meetings, agenda, attendance, decisions, tasks."""

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from samen.committee.models import (
    AgendaItem,
    Attendance,
    Committee,
    Decision,
    Meeting,
    Membership,
    Task,
)
from samen.neighbourhoods.models import Neighbourhood, Resident


def committee_of(*, neighbourhood: Neighbourhood) -> Committee | None:
    """The committee of a neighbourhood, or None."""
    return Committee.objects.filter(neighbourhood=neighbourhood).first()


def current_members(*, committee: Committee | None) -> list[Resident]:
    """Residents with an open term in the committee (or the committee-member role), by name."""
    if committee is None:
        return []
    from django.db.models import Q

    from samen.neighbourhoods.models import NeighbourhoodRole, Role

    today = timezone.localdate()
    terms = Membership.objects.filter(
        committee=committee, starts_on__lte=today, ends_on__isnull=True
    )
    role_users = NeighbourhoodRole.objects.filter(
        neighbourhood_id=committee.neighbourhood_id, role=Role.COMMITTEE_MEMBER
    )
    return list(
        Resident.objects.filter(
            Q(pk__in=terms.values("resident_id")) | Q(user_id__in=role_users.values("user_id"))
        ).order_by("display_name", "id")
    )


def meetings_upcoming(*, committee: Committee | None) -> QuerySet[Meeting]:
    """Planned meetings from today on, soonest first."""
    if committee is None:
        return Meeting.objects.none()
    return (
        Meeting.objects.filter(
            committee=committee,
            status=Meeting.Status.PLANNED,
            starts_at__gte=timezone.now() - timezone.timedelta(hours=12),
        )
        .select_related("committee__neighbourhood")
        .order_by("starts_at", "id")
    )


def meetings_past(*, committee: Committee | None) -> QuerySet[Meeting]:
    """The other meetings, newest first."""
    if committee is None:
        return Meeting.objects.none()
    upcoming = meetings_upcoming(committee=committee).values("pk")
    return (
        Meeting.objects.filter(committee=committee)
        .exclude(pk__in=upcoming)
        .select_related("committee__neighbourhood")
    )


def meeting_detail(*, committee: Committee | None, pk: int, public_only: bool) -> Meeting | None:
    """One meeting with agenda, attendance, decisions and tasks (a fixed number of queries)."""
    if committee is None:
        return None
    agenda = AgendaItem.objects.select_related("owner", "task").order_by("position", "id")
    decisions = Decision.objects.select_related("agenda_item").order_by("id")
    if public_only:
        agenda = agenda.filter(is_public=True)
        decisions = decisions.filter(is_public=True)
    return (
        Meeting.objects.filter(committee=committee, pk=pk)
        .select_related("committee__neighbourhood")
        .prefetch_related(
            Prefetch("agenda", queryset=agenda),
            Prefetch("decisions", queryset=decisions),
            Prefetch(
                "attendance",
                queryset=Attendance.objects.select_related("resident").order_by(
                    "resident__display_name"
                ),
            ),
            Prefetch("tasks", queryset=Task.objects.select_related("owner").order_by("id")),
        )
        .first()
    )


def decision_log(*, committee: Committee | None, public_only: bool) -> QuerySet[Decision]:
    """All decisions of the committee, newest first, each with its meeting."""
    if committee is None:
        return Decision.objects.none()
    qs = Decision.objects.filter(meeting__committee=committee).select_related(
        "meeting__committee__neighbourhood", "agenda_item"
    )
    if public_only:
        qs = qs.filter(is_public=True)
    return qs.order_by("-meeting__starts_at", "-id")


def tasks_of(*, committee: Committee | None) -> QuerySet[Task]:
    """Tasks: open ones first (by due date), then the rest."""
    if committee is None:
        return Task.objects.none()
    from django.db.models import Case, IntegerField, Value, When

    return (
        Task.objects.filter(committee=committee)
        .select_related("owner", "decided_at__committee__neighbourhood")
        .annotate(
            closed=Case(
                When(status__in=Task.OPEN_STATUSES, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("closed", "due_on", "id")
    )


def is_overdue(task: Task) -> bool:
    """Open and past its due date."""
    return (
        task.status in Task.OPEN_STATUSES
        and task.due_on is not None
        and task.due_on < timezone.localdate()
    )


def public_part(*, neighbourhood: Neighbourhood) -> dict:
    """For the residents' home: the next meetings with their public agenda; public decisions.

    Filtered by neighbourhood straight away (no separate query for the committee): the home
    page is the busiest page, so every query counts.
    """
    upcoming = list(
        Meeting.objects.filter(
            committee__neighbourhood=neighbourhood,
            status=Meeting.Status.PLANNED,
            starts_at__gte=timezone.now() - timezone.timedelta(hours=12),
        )
        .select_related("committee__neighbourhood")
        .order_by("starts_at", "id")
        .prefetch_related(
            Prefetch(
                "agenda",
                queryset=AgendaItem.objects.filter(is_public=True).order_by("position", "id"),
            )
        )[:3]
    )
    decisions = list(
        Decision.objects.filter(meeting__committee__neighbourhood=neighbourhood, is_public=True)
        .select_related("meeting__committee__neighbourhood", "agenda_item")
        .order_by("-meeting__starts_at", "-id")[:5]
    )
    source = upcoming[0] if upcoming else decisions[0].meeting if decisions else None
    committee = source.committee if source is not None else None
    return {"committee": committee, "upcoming": upcoming, "decisions": decisions}
