"""Who may manage an organisation's API keys: the organisation's admins."""

from typing import Any

import rules

from samen.neighbourhoods.models import Organisation, OrganisationMembership


@rules.predicate
def is_admin_of_organisation(user: Any, organisation: Organisation | None) -> bool:
    """The user is an admin of this organisation (one query, cached on the user)."""
    if organisation is None or not getattr(user, "is_authenticated", False):
        return False
    cache = getattr(user, "_samen_admin_orgs", None)
    if cache is None:
        cache = set(
            OrganisationMembership.objects.filter(user=user, is_admin=True).values_list(
                "organisation_id", flat=True
            )
        )
        user._samen_admin_orgs = cache
    return organisation.pk in cache


rules.add_perm("api.manage_keys", is_admin_of_organisation)
