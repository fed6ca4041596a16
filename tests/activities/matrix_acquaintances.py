"""Permission-matrix rows of getting to know each other (acquaintances)."""

import datetime

from django.utils import timezone

from tests.core.matrix_helpers import only

ORGANISERS = ("committee_member", "facilitator", "organisation_admin")

MATRIX = {
    "activities:acquaintances": ("get", only((*ORGANISERS, "resident"))),
    "activities:icebreakers": ("get", only(ORGANISERS)),
}


def build(world: dict) -> None:
    from samen.activities.models import Activity

    starts = timezone.now() - datetime.timedelta(days=3)
    world["meet_activity"] = Activity.objects.create(
        neighbourhood=world["neighbourhood"],
        kind=Activity.Kind.GATHERING,
        title="Buurtbabbel",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        place="Buurthuis",
    )


def kwargs(name: str, world: dict) -> dict:
    return {"slug": world["slug"], "pk": world["meet_activity"].pk}
