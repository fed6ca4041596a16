"""Permission-matrix rows for the report (melding) pages."""

from samen.agreements.models import Report
from tests.core.matrix_helpers import only

RESIDENTS = ("resident", "committee_member")
MEMBERS = ("resident", "committee_member", "facilitator", "housing_staff", "organisation_admin")
FOLLOW_UP = ("facilitator", "housing_staff", "organisation_admin")
HOUSING = ("housing_staff", "organisation_admin")

MATRIX = {
    "agreements:report_create": ("get", only((*RESIDENTS, "facilitator"))),
    "agreements:report_mine": ("get", only(RESIDENTS)),
    "agreements:report_queue": ("get", only(FOLLOW_UP)),
    "agreements:report_detail": ("get", only(FOLLOW_UP)),
    "agreements:report_overview": ("get", only(MEMBERS)),
    "agreements:report_company": ("get", only(HOUSING)),
}


def build(world: dict) -> None:
    world["report"] = Report.objects.create(
        neighbourhood=world["neighbourhood"],
        kind=Report.Kind.COMMON_UPKEEP,
        text="De lamp in de fietsenberging is stuk.",
        place=Report.Place.COMMON_AREA,
        place_detail="fietsenberging",
        household=world["household"],
    )


def kwargs(name: str, world: dict) -> dict:
    if name == "agreements:report_company":
        return {}
    if name == "agreements:report_detail":
        return {"slug": world["slug"], "pk": world["report"].pk}
    return {"slug": world["slug"]}
