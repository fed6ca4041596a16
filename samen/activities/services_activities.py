"""Writes of the activities core: activities, registrations (with a waiting list), attendance,
reminders."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.activities.models import Activity, Attendance, Registration
from samen.activities.selectors_activities import registrations_due_reminder, waiting_position
from samen.core.idempotency import run_once
from samen.core.services import audit_record
from samen.neighbourhoods.models import Household, Neighbourhood

REGISTERED = Registration.Status.REGISTERED
WAITING = Registration.Status.WAITING
CANCELLED = Registration.Status.CANCELLED
MAX_PEOPLE = 10

# The fields an organiser sets on an activity (the image has its own handling).
ACTIVITY_FIELDS = (
    "title",
    "description",
    "kind",
    "starts_at",
    "ends_at",
    "place",
    "capacity",
    "track",
    "part_of",
    "image_alt",
    "published",
    "cancelled",
    "voting_opens_at",
    "voting_closes_at",
)


@dataclass
class RegistrationResult:
    """What a registration ended up as: the row and, when waiting, its place in the queue."""

    registration: Registration
    position: int | None = None


def _check_activity(neighbourhood: Neighbourhood, fields: dict[str, Any]) -> dict[str, Any]:
    """Check what the database constraints cannot say in Dutch; return the cleaned fields."""
    errors: dict[str, str] = {}
    starts_at, ends_at = fields.get("starts_at"), fields.get("ends_at")
    if starts_at and ends_at and ends_at < starts_at:
        errors["ends_at"] = _("The end must be after the start.")
    if fields.get("kind") == Activity.Kind.CONTEST:
        opens, closes = fields.get("voting_opens_at"), fields.get("voting_closes_at")
        if bool(opens) != bool(closes):
            errors["voting_closes_at"] = _("Fill in both when voting opens and when it closes.")
        elif opens and closes and closes <= opens:
            errors["voting_closes_at"] = _("Voting must close after it opens.")
    else:
        # Only a contest has a voting window; a stale one would confuse the contest pages.
        fields["voting_opens_at"] = fields["voting_closes_at"] = None
    part_of = fields.get("part_of")
    if part_of is not None:
        if fields.get("kind") != Activity.Kind.WORKSHOP:
            fields["part_of"] = None
        elif part_of.neighbourhood_id != neighbourhood.pk or part_of.kind != Activity.Kind.SWAP:
            errors["part_of"] = _("Choose a swap of this neighbourhood.")
    track = fields.get("track")
    if track is not None and track.phase.trajectory.neighbourhood_id != neighbourhood.pk:
        errors["track"] = _("Choose a track of this neighbourhood.")
    if errors:
        raise ValidationError(errors)
    return fields


@transaction.atomic
def activity_create(
    *,
    neighbourhood: Neighbourhood,
    actor: Any = None,
    image: ContentFile | None = None,
    idempotency_key: str | None = None,
    **fields: Any,
) -> Activity:
    """Plan an activity (a double submit makes one)."""
    fields = _check_activity(neighbourhood, {k: fields.get(k) for k in ACTIVITY_FIELDS})
    fields["description"] = fields["description"] or ""
    fields["image_alt"] = fields["image_alt"] or ""
    fields["published"] = bool(fields["published"])
    fields["cancelled"] = bool(fields["cancelled"])

    def create() -> Activity:
        activity = Activity(
            neighbourhood=neighbourhood,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            **fields,
        )
        if image is not None:
            activity.image.save(image.name, image, save=False)
        activity.full_clean()
        activity.save()
        return activity

    activity, _created = run_once(
        key=idempotency_key, scope="activities.activity", model=Activity, create=create
    )
    return activity


@transaction.atomic
def activity_update(
    *,
    activity: Activity,
    actor: Any = None,
    image: ContentFile | None = None,
    remove_image: bool = False,
    **fields: Any,
) -> Activity:
    """Change an activity; more places let people on the waiting list in."""
    fields = _check_activity(activity.neighbourhood, {k: fields.get(k) for k in ACTIVITY_FIELDS})
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    for name, value in fields.items():
        if name in {"description", "image_alt"}:
            value = value or ""
        if name in {"published", "cancelled"}:
            value = bool(value)
        setattr(locked, name, value)
    if remove_image and locked.image:
        locked.image.delete(save=False)
        locked.image = ""
        locked.image_alt = ""
    if image is not None:
        locked.image.save(image.name, image, save=False)
    locked.full_clean()
    locked.save()
    if not locked.cancelled:
        _promote(locked)
    return locked


def _taken(activity: Activity, *, exclude_household: int | None = None) -> int:
    registrations = Registration.objects.filter(activity=activity, status=REGISTERED)
    if exclude_household is not None:
        registrations = registrations.exclude(household_id=exclude_household)
    return registrations.aggregate(total=Sum("people"))["total"] or 0


def _fits(activity: Activity, people: int, *, exclude_household: int | None = None) -> bool:
    if activity.capacity is None:
        return True
    return _taken(activity, exclude_household=exclude_household) + people <= activity.capacity


def _promote(activity: Activity) -> list[Registration]:
    """Let waiting households in, in queue order, as long as they fit (the caller holds the lock)."""
    if activity.starts_at <= timezone.now():
        return []
    promoted = []
    free = None if activity.capacity is None else activity.capacity - _taken(activity)
    for registration in Registration.objects.filter(activity=activity, status=WAITING).order_by(
        "queued_at", "id"
    ):
        if free is not None and registration.people > free:
            continue
        registration.status = REGISTERED
        registration.save(update_fields=["status", "updated_at"])
        promoted.append(registration)
        if free is not None:
            free -= registration.people
    if promoted:
        from samen.activities.notices_activities import send_place_available

        for registration in promoted:
            transaction.on_commit(
                lambda pk=registration.pk: send_place_available(registration_id=pk)
            )
    return promoted


def _lock(activity: Activity) -> Activity:
    """Lock the activity row: registrations for one activity run one after the other.

    On PostgreSQL this is a row lock; SQLite runs write transactions one at a time anyway.
    Without it two households could both see the last place free and overfill the activity.
    """
    return Activity.objects.select_for_update().get(pk=activity.pk)


@transaction.atomic
def registration_register(
    *,
    activity: Activity,
    household: Household,
    people: int,
    actor: Any = None,
    note: str = "",
) -> RegistrationResult:
    """Register a household (or change its number of people); a full activity puts it in the queue."""
    if not 1 <= people <= MAX_PEOPLE:
        raise ValidationError(
            {"people": _("Fill in a number from 1 to %(max)s.") % {"max": MAX_PEOPLE}}
        )
    activity = _lock(activity)
    if household.neighbourhood_id != activity.neighbourhood_id:
        raise ValidationError(_("This household does not live in this neighbourhood."))
    if activity.cancelled:
        raise ValidationError(_("This activity is cancelled. You can no longer register."))
    if not activity.published:
        raise ValidationError(_("This activity is not open for registration yet."))
    if activity.starts_at <= timezone.now():
        raise ValidationError(_("This activity has already started. You can no longer register."))
    registration = (
        Registration.objects.select_for_update()
        .filter(activity=activity, household=household)
        .first()
    )
    fits = _fits(activity, people, exclude_household=household.pk)
    if registration is not None and registration.status == REGISTERED:
        if not fits:
            left = max(0, activity.capacity - _taken(activity, exclude_household=household.pk))
            raise ValidationError(
                {
                    "people": _(
                        "There are only %(left)s places for you. "
                        "You keep your registration for %(people)s people."
                    )
                    % {"left": left, "people": registration.people}
                }
            )
        fewer = people < registration.people
        registration.people = people
        registration.full_clean()
        registration.save()
        if fewer:
            _promote(activity)
        return RegistrationResult(registration)
    if registration is None:
        registration = Registration(activity=activity, household=household)
    if registration.status != WAITING:
        # A new or renewed registration joins the end of the queue; a waiting one keeps its place.
        registration.queued_at = timezone.now()
    registration.people = people
    registration.status = REGISTERED if fits else WAITING
    registration.note = note or registration.note
    if getattr(actor, "is_authenticated", False):
        registration.registered_by = actor
    registration.reminder_sent_at = None
    registration.full_clean()
    registration.save()
    if registration.status == WAITING:
        return RegistrationResult(registration, waiting_position(registration=registration))
    return RegistrationResult(registration)


@transaction.atomic
def registration_register_for(
    *, activity: Activity, household: Household, people: int, actor: Any, note: str = ""
) -> RegistrationResult:
    """Register a household on its behalf (someone who phoned); written to the audit log."""
    result = registration_register(
        activity=activity, household=household, people=people, actor=actor, note=note
    )
    audit_record(
        actor=actor,
        action="activities.registration_for",
        target=result.registration,
        neighbourhood_id=activity.neighbourhood_id,
        data={"activity": activity.pk, "household": household.pk, "people": people},
    )
    return result


@transaction.atomic
def registration_cancel(
    *, activity: Activity, household: Household, actor: Any = None
) -> Registration | None:
    """Cancel a household's registration; freed places go to the waiting list in order."""
    activity = _lock(activity)
    registration = (
        Registration.objects.select_for_update()
        .filter(activity=activity, household=household)
        .exclude(status=CANCELLED)
        .first()
    )
    if registration is None:
        return None
    was_registered = registration.status == REGISTERED
    registration.status = CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if was_registered and activity.starts_at > timezone.now() and not activity.cancelled:
        _promote(activity)
    return registration


@transaction.atomic
def attendance_save(
    *,
    activity: Activity,
    rows: dict[int, int | None],
    guest_count: int,
    actor: Any = None,
) -> None:
    """Record who came: household id → people (None: did not come), and the guests."""
    households = set(
        Household.objects.filter(
            neighbourhood_id=activity.neighbourhood_id, pk__in=rows
        ).values_list("pk", flat=True)
    )
    existing = {
        a.household_id: a
        for a in Attendance.objects.filter(activity=activity, household_id__in=households)
    }
    recorder = actor if getattr(actor, "is_authenticated", False) else None
    gone = [pk for pk in households if rows[pk] is None and pk in existing]
    if gone:
        Attendance.objects.filter(activity=activity, household_id__in=gone).delete()
    new = []
    for pk in households:
        people = rows[pk]
        if people is None:
            continue
        if not 1 <= people <= 50:
            raise ValidationError(_("Fill in a number of people from 1 to 50."))
        attendance = existing.get(pk)
        if attendance is None:
            new.append(
                Attendance(activity=activity, household_id=pk, people=people, recorded_by=recorder)
            )
        elif attendance.people != people:
            attendance.people = people
            attendance.recorded_by = recorder
            attendance.save(update_fields=["people", "recorded_by", "updated_at"])
    Attendance.objects.bulk_create(new)
    if not 0 <= guest_count <= 1000:
        raise ValidationError(_("Fill in a number of guests from 0 to 1000."))
    if activity.guest_count != guest_count:
        activity.guest_count = guest_count
        activity.save(update_fields=["guest_count", "updated_at"])


@transaction.atomic
def activity_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind registered households the day before; each registration once. Return how many."""
    from samen.activities.notices_activities import send_reminder

    now = now or timezone.now()
    due = list(registrations_due_reminder(now=now).select_for_update(of=("self",)))
    for registration in due:
        registration.reminder_sent_at = now
        registration.save(update_fields=["reminder_sent_at"])
        transaction.on_commit(lambda pk=registration.pk: send_reminder(registration_id=pk))
    return len(due)
