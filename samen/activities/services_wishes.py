"""Writes of the wish wall: write a wish, type a paper card, approve or refuse wishes."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.activities.models import Activity, Moderation, Wish
from samen.activities.selectors_wishes import wish_writing_open
from samen.core.idempotency import run_once
from samen.neighbourhoods.models import Household


def _check_wall(activity: Activity) -> None:
    if activity.kind != Activity.Kind.WISH_WALL:
        raise ValidationError(_("This activity has no wish wall."))


def wish_create(
    *,
    activity: Activity,
    text: str,
    signed: str = "",
    household: Household | None = None,
    author: Any = None,
    idempotency_key: str | None = None,
) -> tuple[Wish, bool]:
    """Store a wish written online; it waits for a check before it shows on the wall."""
    _check_wall(activity)
    if not wish_writing_open(activity=activity):
        raise ValidationError(_("Writing wishes for this activity is closed."))
    if household is not None and household.neighbourhood_id != activity.neighbourhood_id:
        household = None

    def create() -> Wish:
        wish = Wish(
            activity=activity,
            text=text.strip(),
            signed=signed.strip(),
            household=household,
            channel=Wish.Channel.ONLINE,
            status=Moderation.PENDING,
            entered_by=author if getattr(author, "is_authenticated", False) else None,
        )
        wish.full_clean()
        wish.save()
        return wish

    return run_once(key=idempotency_key, scope="activities.wish", model=Wish, create=create)


def wish_enter_paper(
    *,
    activity: Activity,
    text: str,
    signed: str = "",
    actor: Any,
    idempotency_key: str | None = None,
) -> tuple[Wish, bool]:
    """Type a wish from a paper card: the person typing has read it, so it shows at once."""
    _check_wall(activity)

    def create() -> Wish:
        now = timezone.now()
        wish = Wish(
            activity=activity,
            text=text.strip(),
            signed=signed.strip(),
            channel=Wish.Channel.PAPER,
            status=Moderation.APPROVED,
            entered_by=actor,
            moderated_by=actor,
            moderated_at=now,
        )
        wish.full_clean()
        wish.save()
        return wish

    return run_once(key=idempotency_key, scope="activities.wish_paper", model=Wish, create=create)


@transaction.atomic
def wishes_moderate(*, activity: Activity, wish_ids: Iterable[int], status: str, actor: Any) -> int:
    """Approve or refuse some wishes of this wall; return how many changed."""
    if status not in {Moderation.APPROVED, Moderation.REJECTED}:
        raise ValidationError(_("Choose to show or not to show the wish."))
    ids = [int(pk) for pk in wish_ids]
    return (
        Wish.objects.filter(activity=activity, pk__in=ids)
        .exclude(status=status)
        .update(
            status=status,
            moderated_by=actor,
            moderated_at=timezone.now(),
            updated_at=timezone.now(),
        )
    )
