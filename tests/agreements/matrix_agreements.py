"""Permission-matrix rows of the agreements part (wijkafspraken)."""

from samen.agreements.models import Agreement
from tests.core.matrix_helpers import every, only

MEMBERS = ("resident", "committee_member", "facilitator", "housing_staff", "organisation_admin")
EDITORS = ("committee_member", "facilitator", "organisation_admin")
RESIDENTS = ("resident", "committee_member")

MATRIX = {
    # Public: the agreements in force with the share of households, no personal data.
    "agreements:list": ("get", every(200)),
    "agreements:detail": ("get", only(MEMBERS)),
    "agreements:create": ("get", only(EDITORS)),
    "agreements:edit": ("get", only(EDITORS)),
    "agreements:translation": ("get", only(EDITORS)),
    # An empty POST: the allowed roles get the page back with "choose a status" (400).
    "agreements:status": ("post", only((*EDITORS, "housing_staff"), ok=400)),
    "agreements:evaluate": ("get", only(EDITORS)),
    "agreements:endorse": ("post", only(RESIDENTS, ok=302)),
}


def build(world: dict) -> None:
    world["agreement"] = Agreement.objects.create(
        neighbourhood=world["neighbourhood"],
        title="Stil na 22 uur",
        text="Na 22 uur maken we geen lawaai meer buiten.",
        topic="noise",
        responsible="residents",
        status=Agreement.Status.ADOPTED,
    )


def kwargs(name: str, world: dict) -> dict:
    if name == "agreements:list" or name == "agreements:create":
        return {"slug": world["slug"]}
    return {"slug": world["slug"], "pk": world["agreement"].pk}
