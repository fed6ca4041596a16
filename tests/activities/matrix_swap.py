"""Permission-matrix rows of the swap board."""

import datetime

from django.utils import timezone

from tests.core.matrix_helpers import only

MEMBERS = ("resident", "committee_member", "facilitator", "housing_staff", "organisation_admin")
RESIDENTS = ("resident", "committee_member")
# The item belongs to the resident's household; organisers may change it too.
ITEM_CHANGERS = ("resident", "committee_member", "facilitator", "organisation_admin")

MATRIX = {
    "activities:swap_board": ("get", only(MEMBERS)),
    "activities:swap_item_create": ("get", only(RESIDENTS)),
    "activities:swap_item_status": ("post", only(ITEM_CHANGERS, ok=302)),
}


def build(world: dict) -> None:
    from samen.activities.models import Activity, SwapItem

    world["swap"] = Activity.objects.create(
        neighbourhood=world["neighbourhood"],
        kind=Activity.Kind.SWAP,
        title="Plantenruil",
        starts_at=timezone.now() + datetime.timedelta(days=14),
        place="Pleintje",
    )
    world["swap_item"] = SwapItem.objects.create(
        activity=world["swap"],
        household=world["household"],
        kind=SwapItem.Kind.OFFER,
        category=SwapItem.Category.CUTTING,
        title="Stekjes",
    )


def kwargs(name: str, world: dict) -> dict:
    result = {"slug": world["slug"], "pk": world["swap"].pk}
    if name == "activities:swap_item_status":
        result["item_pk"] = world["swap_item"].pk
    return result
