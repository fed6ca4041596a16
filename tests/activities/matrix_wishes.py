"""Permission-matrix rows of the wish wall."""

import datetime

from django.utils import timezone

from tests.core.matrix_helpers import every, only

ORGANISERS = ("committee_member", "facilitator", "organisation_admin")

MATRIX = {
    # Guests at the winter drink write wishes without an account.
    "activities:wish_wall": ("get", every(200)),
    "activities:wish_moderate": ("get", only(ORGANISERS)),
    "activities:wish_display": ("get", only(ORGANISERS)),
    "activities:wish_cards_pdf": ("get", only(ORGANISERS)),
    "activities:wish_keepsake_pdf": ("get", only((*ORGANISERS, "resident"))),
}


def build(world: dict) -> None:
    from samen.activities.models import Activity

    starts = timezone.now() + datetime.timedelta(days=10)
    world["wish_wall"] = Activity.objects.create(
        neighbourhood=world["neighbourhood"],
        kind=Activity.Kind.WISH_WALL,
        title="Winterdrink",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        place="Buurthuis",
    )


def kwargs(name: str, world: dict) -> dict:
    return {"slug": world["slug"], "pk": world["wish_wall"].pk}
