"""Who may see a housing company's cohesion overview: its own staff and admins."""

from typing import Any

import rules

from samen.neighbourhoods.models import Organisation, OrganisationMembership


@rules.predicate
def is_staff_of_housing_company(user: Any, organisation: Organisation | None) -> bool:
    """The user works for (or administers) this housing company (one query, cached on the user)."""
    if organisation is None or not getattr(user, "is_authenticated", False):
        return False
    if organisation.kind != Organisation.Kind.HOUSING_COMPANY:
        return False
    cache = getattr(user, "_samen_member_orgs", None)
    if cache is None:
        cache = set(
            OrganisationMembership.objects.filter(user=user).values_list(
                "organisation_id", flat=True
            )
        )
        user._samen_member_orgs = cache
    return organisation.pk in cache


if not rules.perm_exists("cohesion.view_company_overview"):
    rules.add_perm("cohesion.view_company_overview", is_staff_of_housing_company)
