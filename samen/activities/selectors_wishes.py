"""Reads of the wish wall: the wall itself, the wishes per state, the screen's rotation."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from samen.activities.models import Activity, Moderation, Wish
from samen.neighbourhoods.models import Neighbourhood

# Guests often think of a wish on the way home: the wall stays open a week after the drink.
WRITING_OPEN_AFTER_END = datetime.timedelta(days=7)
# The screen changes every refresh; this many wishes fit readably on a projector.
WISHES_PER_SCREEN = 6
SCREEN_SECONDS = 20


def wish_wall_of(*, neighbourhood: Neighbourhood, pk: int, include_drafts: bool) -> Activity | None:
    """Return the wish-wall activity `pk` of the neighbourhood (drafts only when asked)."""
    activities = Activity.objects.select_related("neighbourhood").filter(
        neighbourhood=neighbourhood, pk=pk, kind=Activity.Kind.WISH_WALL
    )
    if not include_drafts:
        activities = activities.filter(published=True)
    return activities.first()


def wish_writing_closes_at(*, activity: Activity) -> datetime.datetime:
    """Return when writing wishes closes: a week after the activity ends."""
    return (activity.ends_at or activity.starts_at) + WRITING_OPEN_AFTER_END


def wish_writing_open(*, activity: Activity, now: datetime.datetime | None = None) -> bool:
    """Tell whether guests may still write wishes on this wall."""
    now = now or timezone.now()
    return not activity.cancelled and now < wish_writing_closes_at(activity=activity)


def wishes_approved(*, activity: Activity) -> QuerySet[Wish]:
    """Return the wishes shown on the wall, newest first."""
    return Wish.objects.filter(activity=activity, status=Moderation.APPROVED).order_by(
        "-created_at", "-id"
    )


def wishes_pending(*, activity: Activity) -> QuerySet[Wish]:
    """Return the wishes waiting for a check, oldest first (first come, first seen)."""
    return Wish.objects.filter(activity=activity, status=Moderation.PENDING).order_by(
        "created_at", "id"
    )


def wishes_handled(*, activity: Activity) -> QuerySet[Wish]:
    """Return the wishes already approved or refused, the last handled first."""
    return (
        Wish.objects.filter(activity=activity)
        .exclude(status=Moderation.PENDING)
        .select_related("moderated_by")
        .order_by("-moderated_at", "-id")
    )


def wishes_for_keepsake(*, activity: Activity) -> list[Wish]:
    """Return the approved wishes in the order they were written, for the keepsake booklet."""
    return list(
        Wish.objects.filter(activity=activity, status=Moderation.APPROVED).order_by(
            "created_at", "id"
        )
    )


def wishes_for_screen(
    *, activity: Activity, now: datetime.datetime | None = None, per_screen: int = WISHES_PER_SCREEN
) -> dict:
    """Return the wishes to show on the screen now: the rotation moves on every refresh.

    The slice depends on the clock, not on a URL parameter, so a plain meta refresh (no
    JavaScript) walks through all wishes, and two screens show the same ones.
    """
    now = now or timezone.now()
    approved = wishes_approved(activity=activity)
    total = approved.count()
    screens = max(1, -(-total // per_screen))
    screen = int(now.timestamp() // SCREEN_SECONDS) % screens
    start = screen * per_screen
    return {
        "wishes": list(approved[start : start + per_screen]) if total else [],
        "total": total,
        "screen": screen + 1,
        "screens": screens,
    }
