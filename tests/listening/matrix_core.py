"""Permission-matrix rows for the lead's listening pages."""

from samen.listening.models import Contribution, Theme
from tests.core.matrix_helpers import LOGGED_IN, only

WORKERS = ("facilitator", "organisation_admin")
RESIDENTS = ("resident", "committee_member")
MEMBERS = ("resident", "committee_member", "facilitator", "housing_staff", "organisation_admin")

MATRIX = {
    "listening:mine": ("get", only(RESIDENTS)),
    # Outside a phase that allows input, residents see a friendly "closed" page (200).
    "listening:give": ("get", only(RESIDENTS)),
    "listening:volunteer": ("get", only(RESIDENTS)),
    "listening:you_said": ("get", only(MEMBERS)),
    "listening:list": ("get", only(WORKERS)),
    "listening:paper": ("get", only(WORKERS)),
    "listening:detail": ("get", only(WORKERS)),
    "listening:export": ("get", only(WORKERS)),
    "listening:themes": ("get", only(WORKERS)),
    "listening:assign": ("get", only(WORKERS)),
    "listening:theme_detail": ("get", only(WORKERS)),
    "listening:answer": ("get", only((*WORKERS, "housing_staff"))),
    "listening:reach": ("get", only(WORKERS)),
    "listening:door_to_door": ("get", only(WORKERS)),
    "listening:volunteers": ("get", only(WORKERS)),
    "listening:report": ("get", only((*WORKERS, "housing_staff"))),
}
assert LOGGED_IN


def build(world: dict) -> None:
    neighbourhood = world["neighbourhood"]
    world["theme"] = Theme.objects.create(neighbourhood=neighbourhood, title="Parkeren")
    world["contribution"] = Contribution.objects.create(
        neighbourhood=neighbourhood,
        kind="idea",
        text="Een plantenruil!",
        channel="postcard",
        theme=world["theme"],
    )


def kwargs(name: str, world: dict) -> dict:
    slug = world["slug"]
    if name in {"listening:detail"}:
        return {"slug": slug, "pk": world["contribution"].pk}
    if name in {"listening:theme_detail", "listening:answer"}:
        return {"slug": slug, "pk": world["theme"].pk}
    if name == "listening:export":
        return {"slug": slug, "fmt": "csv"}
    return {"slug": slug}
