"""Writes on a swap board: put an offer or a want on it, mark it given, take it off."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.activities.models import Activity, SwapItem
from samen.core.idempotency import run_once
from samen.core.images import clean_photo_field
from samen.neighbourhoods.models import Household

S = SwapItem.Status
# A household can take an item back on the board after a mistake; nothing else moves.
PIPELINE: dict[str, set[str]] = {
    S.OPEN: {S.DONE, S.WITHDRAWN},
    S.DONE: {S.OPEN},
    S.WITHDRAWN: {S.OPEN},
}


def swap_item_create(
    *,
    activity: Activity,
    household: Household,
    kind: str,
    category: str,
    title: str,
    description: str = "",
    photo: UploadedFile | None = None,
    actor: User | None = None,
    idempotency_key: str | None = None,
) -> SwapItem:
    """Put an offer or a want of a household on the swap board; a retry stores it once."""
    if activity.kind != Activity.Kind.SWAP:
        raise ValidationError(_("This activity has no swap board."))
    if household.neighbourhood_id != activity.neighbourhood_id:
        raise ValidationError(_("Only households of this neighbourhood can swap here."))
    clean_photo = clean_photo_field(photo)

    def create() -> SwapItem:
        item = SwapItem(
            activity=activity,
            household=household,
            kind=kind,
            category=category,
            title=title.strip(),
            description=description.strip(),
            created_by=actor,
        )
        if clean_photo is not None:
            item.photo = clean_photo
        item.full_clean()
        item.save()
        return item

    item, _created = run_once(
        key=idempotency_key, scope="swap_item_create", model=SwapItem, create=create
    )
    return item


def swap_item_set_status(*, item: SwapItem, status: str) -> SwapItem:
    """Mark an item given or received, take it off the board, or put it back."""
    with transaction.atomic():
        item = SwapItem.objects.select_for_update().get(pk=item.pk)
        if status == item.status:
            return item
        if status not in PIPELINE.get(item.status, set()):
            raise ValidationError(_("This change is not possible for this item."))
        item.status = status
        item.done_at = timezone.now() if status == S.DONE else None
        item.full_clean()
        item.save(update_fields=["status", "done_at", "updated_at"])
    return item
