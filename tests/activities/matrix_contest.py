"""Permission-matrix rows of the contest (voting is open in this world)."""

import datetime

from django.utils import timezone

from tests.core.matrix_helpers import every, only

MEMBERS = ("resident", "committee_member", "facilitator", "housing_staff", "organisation_admin")
RESIDENTS = ("resident", "committee_member")
ORGANISERS = ("committee_member", "facilitator", "organisation_admin")

MATRIX = {
    "activities:contest": ("get", only(MEMBERS)),
    # Residents get the page (saying entries are closed once voting runs); staff never enter.
    "activities:contest_entry_create": ("get", only(RESIDENTS)),
    # The share page of an approved entry is public.
    "activities:contest_entry": ("get", every(200)),
    # Only residents vote: they go back to the contest page with the outcome as a message.
    "activities:contest_vote": ("post", only(RESIDENTS, ok=302)),
    "activities:contest_moderate": ("get", only(ORGANISERS)),
}


def build(world: dict) -> None:
    from samen.activities.models import Activity, ContestEntry, Moderation
    from tests.factories import HouseholdFactory

    now = timezone.now()
    world["contest"] = Activity.objects.create(
        neighbourhood=world["neighbourhood"],
        kind=Activity.Kind.CONTEST,
        title="Huisdierenwedstrijd",
        starts_at=now + datetime.timedelta(days=14),
        place="Pleintje",
        voting_opens_at=now - datetime.timedelta(days=1),
        voting_closes_at=now + datetime.timedelta(days=7),
    )
    world["contest_entry"] = ContestEntry.objects.create(
        activity=world["contest"],
        household=HouseholdFactory(neighbourhood=world["neighbourhood"]),
        title="Minoes",
        # A name only: the pages need the file's URL, not the file.
        photo="contest/matrix.jpg",
        status=Moderation.APPROVED,
    )


def kwargs(name: str, world: dict) -> dict:
    result = {"slug": world["slug"], "pk": world["contest"].pk}
    if name == "activities:contest_entry":
        result["entry_pk"] = world["contest_entry"].pk
    return result
