"""What the activities app keeps about a resident: mostly about their household (registrations,
swap items, contest entries and votes, wishes, acquaintances). Export it all; on erasure keep
the shared and anonymous parts (counts, pairs, shown wishes) without a link to the person."""

from typing import Any

from django.db import transaction
from django.db.models import Q

from samen.activities.models import (
    Acquaintance,
    Attendance,
    ContestEntry,
    MeetingCode,
    NewNeighboursCount,
    Registration,
    SwapItem,
    Vote,
    Wish,
)
from samen.neighbourhoods.models import Resident


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def export(resident: Resident) -> dict[str, Any]:
    """Return the household's activity data and the resident's own wishes."""
    household = resident.household
    user = resident.user
    mine = Q(household=household) | (Q(entered_by=user) if user is not None else Q(pk__in=[]))
    code = MeetingCode.objects.filter(household=household).first()
    pairs = (
        Acquaintance.objects.filter(Q(household_low=household) | Q(household_high=household))
        .select_related("activity")
        .order_by("created_at")
    )
    return {
        "activities": {
            "registrations": [
                {
                    "activity": r.activity.title,
                    "date": _date(r.activity.starts_at),
                    "people": r.people,
                    "status": r.status,
                    "note": r.note,
                }
                for r in Registration.objects.filter(household=household).select_related("activity")
            ],
            "attended": [
                {
                    "activity": a.activity.title,
                    "date": _date(a.activity.starts_at),
                    "people": a.people,
                }
                for a in Attendance.objects.filter(household=household).select_related("activity")
            ],
            "swap_items": [
                {
                    "activity": s.activity.title,
                    "kind": s.kind,
                    "category": s.category,
                    "title": s.title,
                    "description": s.description,
                    "status": s.status,
                    "date": _date(s.created_at),
                }
                for s in SwapItem.objects.filter(household=household).select_related("activity")
            ],
            "contest_entries": [
                {
                    "activity": e.activity.title,
                    "name": e.title,
                    "text": e.text,
                    "status": e.status,
                    "date": _date(e.created_at),
                }
                for e in ContestEntry.objects.filter(household=household).select_related("activity")
            ],
            "votes": [
                {
                    "activity": v.activity.title,
                    "voted_for": v.entry.title,
                    "date": _date(v.created_at),
                }
                for v in Vote.objects.filter(household=household).select_related(
                    "activity", "entry"
                )
            ],
            "wishes": [
                {
                    "activity": w.activity.title,
                    "wish": w.text,
                    "from": w.signed,
                    "status": w.status,
                    "date": _date(w.created_at),
                }
                for w in Wish.objects.filter(mine).select_related("activity").order_by("created_at")
            ],
            "meeting_code": code.code if code else None,
            # Who the other household is stays theirs: only where and when you met.
            "acquaintances": [
                {
                    "activity": p.activity.title if p.activity else None,
                    "date": _date(p.created_at),
                    "source": p.source,
                }
                for p in pairs
            ],
            "new_neighbours_met": [
                {"activity": n.activity.title, "count": n.count}
                for n in NewNeighboursCount.objects.filter(household=household).select_related(
                    "activity"
                )
            ],
        }
    }


@transaction.atomic
def erase(resident: Resident) -> None:
    """Unlink the person; keep counts, pairs and shown wishes as anonymous neighbourhood data."""
    user = resident.user
    household = resident.household
    if user is not None:
        # A wish stays on the wall, but without the name it was signed with or a link to them.
        Wish.objects.filter(entered_by=user, channel=Wish.Channel.ONLINE).update(
            entered_by=None, household=None, signed=""
        )
        Registration.objects.filter(registered_by=user).update(registered_by=None)
        ContestEntry.objects.filter(created_by=user).update(created_by=None)
        Vote.objects.filter(cast_by=user).update(cast_by=None)
        Acquaintance.objects.filter(recorded_by=user).update(recorded_by=None)
        # An offer or want is the person's own words and photo: take it off the board.
        for item in SwapItem.objects.filter(created_by=user):
            if item.photo:
                item.photo.delete(save=False)
            item.description = ""
            item.created_by = None
            if item.status == SwapItem.Status.OPEN:
                item.status = SwapItem.Status.WITHDRAWN
            item.save()
    if not household.residents.exclude(pk=resident.pk).exists():
        # Nobody is left who could show the code to a neighbour.
        MeetingCode.objects.filter(household=household).delete()
