"""Who may do what in a neighbourhood; each predicate takes (user, neighbourhood-or-object)."""

from typing import Any

import rules

from samen.neighbourhoods.models import Household, Neighbourhood, Role
from samen.neighbourhoods.selectors import roles_of


def neighbourhood_of(obj: Any) -> Neighbourhood | None:
    """Find the neighbourhood an object belongs to."""
    if obj is None:
        return None
    if isinstance(obj, Neighbourhood):
        return obj
    if isinstance(obj, Household):
        return obj.neighbourhood
    neighbourhood = getattr(obj, "neighbourhood", None)
    if isinstance(neighbourhood, Neighbourhood):
        return neighbourhood
    return None


def has_role(*wanted: str) -> rules.Predicate:
    """Make a predicate: the user has one of these roles in the object's neighbourhood."""

    def check(user: Any, obj: Any = None) -> bool:
        neighbourhood = neighbourhood_of(obj)
        if neighbourhood is None:
            return False
        return bool(roles_of(user=user, neighbourhood=neighbourhood) & set(wanted))

    return rules.predicate(check, name="has_role:" + "|".join(wanted))


is_resident = has_role(Role.RESIDENT)
is_committee_member = has_role(Role.COMMITTEE_MEMBER)
is_facilitator = has_role(Role.FACILITATOR)
is_housing_staff = has_role(Role.HOUSING_STAFF)
is_organisation_admin = has_role(Role.ORGANISATION_ADMIN)
has_any_role = has_role(*Role.values)


@rules.predicate
def is_own_household(user: Any, household: Household | None) -> bool:
    """The user is a resident of this household."""
    resident = getattr(user, "resident", None) if user.is_authenticated else None
    return household is not None and resident is not None and resident.household_id == household.pk


rules.add_perm("neighbourhoods.view_home", has_any_role)
rules.add_perm("neighbourhoods.view_directory", has_any_role)
rules.add_perm("neighbourhoods.view_households", is_facilitator | is_organisation_admin)
rules.add_perm("neighbourhoods.import_households", is_facilitator | is_organisation_admin)
rules.add_perm("neighbourhoods.manage_team", is_organisation_admin)
rules.add_perm("neighbourhoods.view_audit_log", is_organisation_admin)
rules.add_perm("neighbourhoods.manage_household", is_own_household)
