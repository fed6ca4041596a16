"""Permission-matrix rows of the cohesion figures."""

from tests.core.matrix_helpers import only

MEMBERS = ("resident", "committee_member", "facilitator", "housing_staff", "organisation_admin")
REPORT = ("facilitator", "housing_staff", "organisation_admin")
COMPANY = ("housing_staff", "organisation_admin")

MATRIX = {
    "cohesion:dashboard": ("get", only(MEMBERS)),
    "cohesion:effect_report_pdf": ("get", only(REPORT)),
    "cohesion:company_overview": ("get", only(COMPANY)),
}


def build(world: dict) -> None:
    """Nothing extra: the figures of an empty neighbourhood are a page too."""


def kwargs(name: str, world: dict) -> dict:
    if name == "cohesion:company_overview":
        return {"org": world["neighbourhood"].organisation.slug}
    return {"slug": world["slug"]}
