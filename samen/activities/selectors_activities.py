"""Reads of the activities core: lists, one activity, registrations, attendance, reminders."""

import datetime
from typing import Any

from django.db.models import Count, IntegerField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from samen.activities.models import Activity, Attendance, Registration
from samen.neighbourhoods.models import Household, Neighbourhood

REGISTERED = Registration.Status.REGISTERED
WAITING = Registration.Status.WAITING


def _with_counts(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """Add the people registered and the households waiting, in the same query."""
    return activities.annotate(
        people_registered=Coalesce(
            Sum("registrations__people", filter=Q(registrations__status=REGISTERED)),
            Value(0),
            output_field=IntegerField(),
        ),
        waiting_count=Count("registrations", filter=Q(registrations__status=WAITING)),
    )


def places_left(activity: Activity) -> int | None:
    """Return how many places are left (None when there is no limit)."""
    if activity.capacity is None:
        return None
    taken = getattr(activity, "people_registered", None)
    if taken is None:
        taken = people_registered(activity=activity)
    return max(0, activity.capacity - taken)


def people_registered(*, activity: Activity) -> int:
    """Return the number of people of the registered households."""
    return (
        Registration.objects.filter(activity=activity, status=REGISTERED).aggregate(
            total=Sum("people")
        )["total"]
        or 0
    )


def activities_visible_to(*, neighbourhood: Neighbourhood, organiser: bool) -> QuerySet[Activity]:
    """Return the neighbourhood's activities a member may see (drafts only for organisers)."""
    activities = Activity.objects.filter(neighbourhood=neighbourhood)
    if not organiser:
        activities = activities.filter(published=True)
    return _with_counts(activities).select_related("neighbourhood")


def activities_upcoming_of(
    *, neighbourhood: Neighbourhood, organiser: bool, now: datetime.datetime | None = None
) -> QuerySet[Activity]:
    """Return activities that have not ended yet, soonest first."""
    now = now or timezone.now()
    return (
        activities_visible_to(neighbourhood=neighbourhood, organiser=organiser)
        .filter(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now))
        .order_by("starts_at", "id")
    )


def activities_past_of(
    *, neighbourhood: Neighbourhood, organiser: bool, now: datetime.datetime | None = None
) -> QuerySet[Activity]:
    """Return activities that are over, newest first."""
    now = now or timezone.now()
    return (
        activities_visible_to(neighbourhood=neighbourhood, organiser=organiser)
        .filter(Q(ends_at__lt=now) | Q(ends_at__isnull=True, starts_at__lt=now))
        .order_by("-starts_at", "-id")
    )


def activities_upcoming(*, neighbourhood: Neighbourhood, limit: int = 3) -> list[Activity]:
    """Return the next published, not cancelled activities (for the home and public pages)."""
    return list(
        _with_counts(
            Activity.objects.filter(
                neighbourhood=neighbourhood,
                published=True,
                cancelled=False,
                starts_at__gte=timezone.now(),
            )
        )
        .select_related("neighbourhood")
        .order_by("starts_at", "id")[:limit]
    )


def activity_for(*, neighbourhood: Neighbourhood, pk: int, organiser: bool) -> Activity | None:
    """Return one activity with its counts, or None when missing or a draft for a non-organiser."""
    return (
        activities_visible_to(neighbourhood=neighbourhood, organiser=organiser)
        .select_related("part_of", "track", "neighbourhood")
        .filter(pk=pk)
        .first()
    )


def activities_for_calendar(*, neighbourhood: Neighbourhood) -> QuerySet[Activity]:
    """Return published activities of the last year and the future, for the iCal feed."""
    since = timezone.now() - datetime.timedelta(days=365)
    return (
        Activity.objects.filter(neighbourhood=neighbourhood, published=True, starts_at__gte=since)
        .select_related("neighbourhood")
        .order_by("starts_at", "id")[:500]
    )


def swaps_of(*, neighbourhood: Neighbourhood) -> QuerySet[Activity]:
    """Return the swaps a workshop can belong to."""
    return Activity.objects.filter(neighbourhood=neighbourhood, kind=Activity.Kind.SWAP).order_by(
        "-starts_at", "-id"
    )


def registration_of(*, activity: Activity, household: Household | None) -> Registration | None:
    """Return a household's registration for the activity (any status), or None."""
    if household is None:
        return None
    return Registration.objects.filter(activity=activity, household=household).first()


def waiting_position(*, registration: Registration) -> int | None:
    """Return the place in the queue of a waiting registration (1 is next), else None."""
    if registration.status != WAITING:
        return None
    ahead = Registration.objects.filter(
        activity_id=registration.activity_id, status=WAITING
    ).filter(
        Q(queued_at__lt=registration.queued_at)
        | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def registrations_of(*, activity: Activity) -> dict[str, Any]:
    """Return registered and waiting registrations with their households, and the totals."""
    rows = list(
        Registration.objects.filter(activity=activity, status__in=[REGISTERED, WAITING])
        .select_related("household")
        .order_by("queued_at", "id")
    )
    registered = [r for r in rows if r.status == REGISTERED]
    waiting = [r for r in rows if r.status == WAITING]
    return {
        "registered": registered,
        "waiting": waiting,
        "registered_households": len(registered),
        "registered_people": sum(r.people for r in registered),
        "waiting_households": len(waiting),
        "waiting_people": sum(r.people for r in waiting),
    }


def household_find(*, neighbourhood: Neighbourhood, text: str) -> list[Household]:
    """Find households by join code or by address ("Kapelakker 12", a street, a number)."""
    text = " ".join(text.split())
    if not text:
        return []
    households = Household.objects.filter(neighbourhood=neighbourhood)
    code = text.replace("-", "").replace(" ", "").upper()
    by_code = list(households.filter(join_code=code)[:1])
    if by_code:
        return by_code
    words = text.split(" ")
    number = words[-1] if len(words) > 1 and any(ch.isdigit() for ch in words[-1]) else ""
    street = " ".join(words[:-1]) if number else text
    if street.isdigit():
        return list(households.filter(number__iexact=street)[:20])
    query = households.filter(street__icontains=street)
    if number:
        query = query.filter(number__iexact=number)
    return list(query[:20])


def attendance_of(*, activity: Activity, extra: list[Household] | None = None) -> dict[str, Any]:
    """Return the rows of the attendance page: registered households, who came, and `extra`."""
    registrations = {
        r.household_id: r
        for r in Registration.objects.filter(activity=activity, status=REGISTERED).select_related(
            "household"
        )
    }
    attendances = {
        a.household_id: a
        for a in Attendance.objects.filter(activity=activity).select_related("household")
    }
    households: dict[int, Household] = {}
    for registration in registrations.values():
        households[registration.household_id] = registration.household
    for attendance in attendances.values():
        households[attendance.household_id] = attendance.household
    for household in extra or []:
        households.setdefault(household.pk, household)
    rows = []
    for household in sorted(
        households.values(), key=lambda h: (h.street, h.number_sort, h.number, h.box)
    ):
        registration = registrations.get(household.pk)
        attendance = attendances.get(household.pk)
        rows.append(
            {
                "household": household,
                "registered_people": registration.people if registration else None,
                "came": attendance is not None,
                "people": attendance.people
                if attendance
                else (registration.people if registration else 1),
            }
        )
    return {
        "rows": rows,
        "households_came": len(attendances),
        "people_came": sum(a.people for a in attendances.values()),
    }


def registrations_due_reminder(*, now: datetime.datetime | None = None) -> QuerySet[Registration]:
    """Return registrations for activities that start before the end of tomorrow, not yet reminded."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    day_after_tomorrow = timezone.make_aware(
        datetime.datetime.combine(local.date() + datetime.timedelta(days=2), datetime.time())
    )
    return Registration.objects.filter(
        status=REGISTERED,
        reminder_sent_at__isnull=True,
        activity__cancelled=False,
        activity__published=True,
        activity__starts_at__gt=now,
        activity__starts_at__lt=day_after_tomorrow,
    ).select_related("activity__neighbourhood", "household")


def tracks_of(*, neighbourhood: Neighbourhood) -> QuerySet[Any]:
    """Return the tracks of the neighbourhood's trajectories (an activity may belong to one)."""
    from samen.trajectories.models import Track

    return Track.objects.filter(phase__trajectory__neighbourhood=neighbourhood).order_by(
        "phase__starts_on", "position", "id"
    )


def households_by_pks(*, neighbourhood: Neighbourhood, pks: list[int]) -> list[Household]:
    """Return the neighbourhood's households with these ids."""
    return list(Household.objects.filter(neighbourhood=neighbourhood, pk__in=pks[:500]))
