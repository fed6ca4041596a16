"""Writes of the meetings part: meetings, agenda, attendance, minutes, decisions, tasks."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from samen.committee.models import (
    AgendaItem,
    Attendance,
    Committee,
    Decision,
    Meeting,
    Task,
)
from samen.committee.selectors_meetings import current_members
from samen.core.idempotency import run_once
from samen.core.services import audit_record
from samen.neighbourhoods.models import Neighbourhood, Resident


def meetings_committee(*, neighbourhood: Neighbourhood) -> Committee:
    """The neighbourhood's committee, made when it does not exist yet."""
    committee, _created = Committee.objects.get_or_create(
        neighbourhood=neighbourhood, defaults={"name": f"Buurtcomité {neighbourhood.name}"}
    )
    return committee


def _check_owner(committee: Committee, owner: Resident | None) -> None:
    if owner is not None and owner.pk not in {r.pk for r in current_members(committee=committee)}:
        raise ValidationError({"owner": _("Choose a member of the committee.")})


@transaction.atomic
def meeting_create(
    *,
    committee: Committee,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    place: str,
    actor: Any = None,
    idempotency_key: str | None = None,
) -> Meeting:
    """Plan a meeting; every open task of the committee comes on its agenda by itself."""
    if ends_at is not None and ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The end must be after the start.")})

    def create() -> Meeting:
        meeting = Meeting(
            committee=committee, title=title, starts_at=starts_at, ends_at=ends_at, place=place
        )
        meeting.full_clean()
        meeting.save()
        open_tasks = Task.objects.filter(
            committee=committee, status__in=Task.OPEN_STATUSES
        ).order_by("due_on", "id")
        for position, task in enumerate(open_tasks, start=1):
            item = AgendaItem(
                meeting=meeting,
                position=position,
                title=(_("Open task: %(title)s") % {"title": task.title})[:200],
                owner=task.owner,
                task=task,
            )
            item.full_clean()
            item.save()
        return meeting

    meeting, _created = run_once(
        key=idempotency_key, scope="committee.meeting", model=Meeting, create=create
    )
    return meeting


def _next_position(meeting: Meeting) -> int:
    return (meeting.agenda.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def agenda_item_add(
    *,
    meeting: Meeting,
    title: str,
    owner: Resident | None = None,
    is_public: bool = True,
    idempotency_key: str | None = None,
) -> AgendaItem:
    """Add a point at the end of the agenda."""
    _check_owner(meeting.committee, owner)

    def create() -> AgendaItem:
        item = AgendaItem(
            meeting=meeting,
            title=title,
            owner=owner,
            is_public=is_public,
            position=_next_position(meeting),
        )
        item.full_clean()
        item.save()
        return item

    item, _created = run_once(
        key=idempotency_key, scope="committee.agenda_item", model=AgendaItem, create=create
    )
    return item


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, title: str, owner: Resident | None, is_public: bool
) -> AgendaItem:
    """Change the title, owner or visibility of a point."""
    _check_owner(item.meeting.committee, owner)
    item.title, item.owner, item.is_public = title, owner, is_public
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, up: bool) -> None:
    """Move a point one place up or down the agenda."""
    items = list(item.meeting.agenda.order_by("position", "id"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if up else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, other in enumerate(items, start=1):
        if other.position != position:
            other.position = position
            other.save(update_fields=["position", "updated_at"])


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    """Remove a point from the agenda."""
    item.delete()


@transaction.atomic
def attendance_set(*, meeting: Meeting, statuses: dict[int, str], actor: Any = None) -> None:
    """Record present/excused/absent for current members (resident pk → status)."""
    members = {r.pk for r in current_members(committee=meeting.committee)}
    valid = set(Attendance.Status.values)
    for resident_id, status in statuses.items():
        if resident_id not in members:
            continue
        if not status:
            Attendance.objects.filter(meeting=meeting, resident_id=resident_id).delete()
            continue
        if status not in valid:
            raise ValidationError(_("Choose present, excused or absent."))
        Attendance.objects.update_or_create(
            meeting=meeting, resident_id=resident_id, defaults={"status": status}
        )
    audit_record(
        actor=actor,
        action="committee.attendance_set",
        target=meeting,
        neighbourhood_id=meeting.committee.neighbourhood_id,
    )


@transaction.atomic
def minutes_save(*, meeting: Meeting, minutes: str, item_minutes: dict[int, str]) -> Meeting:
    """Save the overall minutes and the minutes of each point."""
    meeting.minutes = minutes
    meeting.full_clean()
    meeting.save()
    for item in meeting.agenda.all():
        if item.pk in item_minutes:
            item.minutes = item_minutes[item.pk]
            item.full_clean()
            item.save()
    return meeting


@transaction.atomic
def decision_add(
    *,
    meeting: Meeting,
    text: str,
    agenda_item: AgendaItem | None = None,
    is_public: bool = True,
    idempotency_key: str | None = None,
) -> Decision:
    """Log a decision taken at the meeting."""
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": _("Choose a point of this meeting.")})

    def create() -> Decision:
        decision = Decision(
            meeting=meeting, agenda_item=agenda_item, text=text, is_public=is_public
        )
        decision.full_clean()
        decision.save()
        return decision

    decision, _created = run_once(
        key=idempotency_key, scope="committee.decision", model=Decision, create=create
    )
    return decision


@transaction.atomic
def task_add(
    *,
    meeting: Meeting,
    title: str,
    owner: Resident | None = None,
    due_on: datetime.date | None = None,
    idempotency_key: str | None = None,
) -> Task:
    """Add an action point decided at this meeting."""
    _check_owner(meeting.committee, owner)

    def create() -> Task:
        task = Task(
            committee=meeting.committee, title=title, owner=owner, due_on=due_on, decided_at=meeting
        )
        task.full_clean()
        task.save()
        return task

    task, _created = run_once(
        key=idempotency_key, scope="committee.task", model=Task, create=create
    )
    return task


@transaction.atomic
def task_set_status(*, task: Task, status: str) -> Task:
    """Set a task to open, doing, done or dropped."""
    if status not in Task.Status.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    task.status = status
    task.full_clean()
    task.save()
    return task


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting) -> Meeting:
    """Mark the meeting as held."""
    meeting.status = Meeting.Status.HELD
    meeting.save(update_fields=["status", "updated_at"])
    return meeting


@transaction.atomic
def meeting_set_shared(*, meeting: Meeting, shared: bool, actor: Any = None) -> Meeting:
    """Share the full minutes with the housing company, or stop sharing them."""
    meeting.shared_with_housing = shared
    meeting.save(update_fields=["shared_with_housing", "updated_at"])
    audit_record(
        actor=actor,
        action="committee.minutes_shared" if shared else "committee.minutes_unshared",
        target=meeting,
        neighbourhood_id=meeting.committee.neighbourhood_id,
    )
    return meeting


@transaction.atomic
def meeting_invite(*, meeting: Meeting, actor: Any = None) -> int:
    """E-mail every current member with an address (after the commit); return how many."""
    from samen.committee.notices_meetings import send_invitation

    recipients = [r for r in current_members(committee=meeting.committee) if r.email]
    for resident in recipients:
        transaction.on_commit(
            lambda r=resident: send_invitation(meeting_id=meeting.pk, resident_id=r.pk)
        )
    audit_record(
        actor=actor,
        action="committee.meeting_invited",
        target=meeting,
        neighbourhood_id=meeting.committee.neighbourhood_id,
        data={"count": len(recipients)},
    )
    return len(recipients)
