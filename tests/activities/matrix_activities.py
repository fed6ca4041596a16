"""Permission-matrix rows of the activities core."""

import datetime

from django.utils import timezone

from tests.core.matrix_helpers import every, only

MEMBERS = ("resident", "committee_member", "facilitator", "housing_staff", "organisation_admin")
ORGANISERS = ("committee_member", "facilitator", "organisation_admin")
RESIDENTS = ("resident", "committee_member")

MATRIX = {
    "activities:list": ("get", only(MEMBERS)),
    "activities:create": ("get", only(ORGANISERS)),
    "activities:edit": ("get", only(ORGANISERS)),
    # The share link: a published activity is public.
    "activities:detail": ("get", every(200)),
    "activities:register": ("get", only(RESIDENTS)),
    "activities:registration_cancel": ("post", only(RESIDENTS, ok=302)),
    "activities:registrations": ("get", only(ORGANISERS)),
    "activities:attendance": ("get", only(ORGANISERS)),
    "activities:flyer_pdf": ("get", only(ORGANISERS)),
    "activities:ics": ("get", every(200)),
    "activities:activity_ics": ("get", every(200)),
}


def build(world: dict) -> None:
    from samen.activities.models import Activity

    world["activity"] = Activity.objects.create(
        neighbourhood=world["neighbourhood"],
        kind=Activity.Kind.GATHERING,
        title="Buurtfeest",
        starts_at=timezone.now() + datetime.timedelta(days=7),
        place="Pleintje",
        capacity=20,
    )


def kwargs(name: str, world: dict) -> dict:
    if name in {"activities:list", "activities:create", "activities:ics"}:
        return {"slug": world["slug"]}
    return {"slug": world["slug"], "pk": world["activity"].pk}
