"""Reads about neighbourhoods and people; each selector owns its query shape."""

from collections import defaultdict
from typing import Any

from django.db.models import CharField, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from samen.neighbourhoods.models import (
    Household,
    Neighbourhood,
    NeighbourhoodRole,
    Organisation,
    OrganisationMembership,
    Resident,
    Role,
    TenantImport,
)

STAFF_ROLES = frozenset({Role.FACILITATOR, Role.HOUSING_STAFF, Role.ORGANISATION_ADMIN})


def roles_by_neighbourhood(user: Any) -> dict[int, frozenset[str]]:
    """Return every role of `user` per neighbourhood id; cached on the user for the request.

    One query: a UNION of the five places a role comes from (see docs/architecture.md).
    """
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_samen_roles", None)
    if cached is not None:
        return cached

    def tagged(queryset: QuerySet, id_field: str, role: str) -> QuerySet:
        # No ORDER BY: compound statements refuse it in their parts.
        return queryset.order_by().values_list(id_field, Value(role, output_field=CharField()))

    resident = tagged(
        Resident.objects.filter(user=user), "household__neighbourhood_id", Role.RESIDENT
    )
    explicit = (
        NeighbourhoodRole.objects.filter(user=user)
        .order_by()
        .values_list("neighbourhood_id", "role")
    )
    staff = tagged(
        Neighbourhood.objects.filter(
            organisation__memberships__user=user,
            organisation__kind=Organisation.Kind.HOUSING_COMPANY,
        ),
        "id",
        Role.HOUSING_STAFF,
    )
    owner_admin = tagged(
        Neighbourhood.objects.filter(
            organisation__memberships__user=user, organisation__memberships__is_admin=True
        ),
        "id",
        Role.ORGANISATION_ADMIN,
    )
    partner_admin = tagged(
        Neighbourhood.objects.filter(
            partners__memberships__user=user, partners__memberships__is_admin=True
        ),
        "id",
        Role.ORGANISATION_ADMIN,
    )
    roles: dict[int, set[str]] = defaultdict(set)
    for neighbourhood_id, role in resident.union(
        explicit, staff, owner_admin, partner_admin, all=True
    ):
        roles[neighbourhood_id].add(role)
    result = {key: frozenset(value) for key, value in roles.items()}
    user._samen_roles = result
    return result


def roles_of(*, user: Any, neighbourhood: Neighbourhood | int) -> frozenset[str]:
    """Return the roles of `user` in one neighbourhood."""
    neighbourhood_id = neighbourhood if isinstance(neighbourhood, int) else neighbourhood.pk
    return roles_by_neighbourhood(user).get(neighbourhood_id, frozenset())


def neighbourhoods_visible_to(*, user: Any) -> QuerySet[Neighbourhood]:
    """Return the neighbourhoods where `user` has any role, with their housing company."""
    ids = list(roles_by_neighbourhood(user))
    return Neighbourhood.objects.filter(pk__in=ids).select_related("organisation")


def neighbourhoods_managed_by(*, user: Any) -> QuerySet[Neighbourhood]:
    """Return the neighbourhoods where `user` has a staff role, with household counts."""
    ids = [nid for nid, roles in roles_by_neighbourhood(user).items() if roles & STAFF_ROLES]
    return (
        Neighbourhood.objects.filter(pk__in=ids)
        .select_related("organisation")
        .annotate(household_count=Count("households", distinct=True))
        .order_by("name")
    )


def neighbourhoods_public() -> QuerySet[Neighbourhood]:
    """Return every neighbourhood for the visitors' index (names and places only)."""
    return Neighbourhood.objects.select_related("organisation").order_by("name")


def neighbourhood_by_slug(*, slug: str) -> Neighbourhood | None:
    """Return the neighbourhood with this slug, or None."""
    return Neighbourhood.objects.select_related("organisation").filter(slug=slug).first()


def households_for_staff(*, neighbourhood: Neighbourhood, search: str = "") -> QuerySet[Household]:
    """Return a neighbourhood's households with resident counts, optionally filtered."""
    # A correlated count instead of JOIN + GROUP BY: with the list's ordered index the database
    # walks the households in order and counts residents for the rows of one page only, and the
    # paginator's COUNT(*) needs no join (see bench/bench_throughput.py).
    residents = (
        Resident.objects.filter(household=OuterRef("pk"))
        .order_by()
        .values("household")
        .annotate(count=Count("pk"))
        .values("count")
    )
    households = Household.objects.filter(neighbourhood=neighbourhood)
    search = search.strip()
    if search:
        matching = Resident.objects.filter(
            household__neighbourhood=neighbourhood, display_name__icontains=search
        ).values("household_id")
        households = households.filter(
            Q(street__icontains=search)
            | Q(number__iexact=search)
            | Q(pk__in=matching)
            | Q(join_code__iexact=search.replace("-", "").upper())
        )
    return households.annotate(
        resident_count=Coalesce(Subquery(residents, output_field=IntegerField()), 0)
    ).order_by("street", "number_sort", "number", "box")


def household_for_staff(*, neighbourhood: Neighbourhood, pk: int) -> Household | None:
    """Return one household of the neighbourhood with its residents, or None."""
    return (
        Household.objects.filter(neighbourhood=neighbourhood, pk=pk)
        .prefetch_related("residents")
        .first()
    )


def household_by_join_code(*, code: str) -> Household | None:
    """Return the household with this (normalised) join code, with its neighbourhood."""
    if not code:
        return None
    return (
        Household.objects.select_related("neighbourhood")
        .prefetch_related("residents")
        .filter(join_code=code)
        .first()
    )


def resident_of(*, user: Any) -> Resident | None:
    """Return the resident record of a logged-in user, with household and neighbourhood."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Resident.objects.select_related("household__neighbourhood__organisation")
        .filter(user=user)
        .first()
    )


def household_members(*, household: Household) -> list[Resident]:
    """Return the residents of a household, in name order."""
    return list(Resident.objects.filter(household=household).order_by("display_name", "id"))


def residents_listed(*, neighbourhood: Neighbourhood) -> QuerySet[Resident]:
    """Return the residents who chose to be listed, for the neighbour directory."""
    return (
        Resident.objects.filter(household__neighbourhood=neighbourhood, listed=True)
        .select_related("household")
        .order_by("household__street", "household__number_sort", "display_name")
    )


def street_names(*, neighbourhood: Neighbourhood) -> list[str]:
    """Return the neighbourhood's street names in order."""
    return list(
        Household.objects.filter(neighbourhood=neighbourhood)
        .order_by("street")
        .values_list("street", flat=True)
        .distinct()
    )


def team_of(*, neighbourhood: Neighbourhood) -> QuerySet[NeighbourhoodRole]:
    """Return the explicit roles in a neighbourhood with their users."""
    return (
        NeighbourhoodRole.objects.filter(neighbourhood=neighbourhood)
        .select_related("user")
        .order_by("role", "user__display_name")
    )


def organisation_staff(*, neighbourhood: Neighbourhood) -> QuerySet[OrganisationMembership]:
    """Return the staff of the neighbourhood's housing company and partners."""
    return (
        OrganisationMembership.objects.filter(
            Q(organisation=neighbourhood.organisation_id)
            | Q(organisation__partner_neighbourhoods=neighbourhood)
        )
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__display_name")
        .distinct()
    )


def tenant_imports_of(*, neighbourhood: Neighbourhood) -> QuerySet[TenantImport]:
    """Return the neighbourhood's imports, newest first, without their row data."""
    return (
        TenantImport.objects.filter(neighbourhood=neighbourhood)
        .select_related("created_by")
        .defer("rows")
        .order_by("-created_at")
    )


def tenant_import_of(*, neighbourhood: Neighbourhood, pk: int) -> TenantImport | None:
    """Return one import of the neighbourhood, or None."""
    return TenantImport.objects.filter(neighbourhood=neighbourhood, pk=pk).first()


def housing_companies_administered_by(*, user: Any) -> QuerySet[Organisation]:
    """Return the housing companies where `user` is an organisation admin."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__is_admin=True, kind=Organisation.Kind.HOUSING_COMPANY
    ).order_by("name")


def housing_companies_of(*, user: Any) -> QuerySet[Organisation]:
    """Return the housing companies `user` works for (staff or admin), for their cohesion overview."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return (
        Organisation.objects.filter(memberships__user=user, kind=Organisation.Kind.HOUSING_COMPANY)
        .distinct()
        .order_by("name")
    )


def team_role_of(*, neighbourhood: Neighbourhood, pk: int) -> NeighbourhoodRole | None:
    """Return one explicit role in the neighbourhood with its user, or None."""
    return (
        NeighbourhoodRole.objects.filter(neighbourhood=neighbourhood, pk=pk)
        .select_related("user")
        .first()
    )


def organisations_administered_by(*, user: Any) -> QuerySet[Organisation]:
    """Return every organisation where `user` is an admin."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user, memberships__is_admin=True).order_by(
        "name"
    )


def resident_in(*, user: Any, neighbourhood: Neighbourhood) -> Resident | None:
    """Return the user's resident record if they live in this neighbourhood, else None."""
    resident = resident_of(user=user)
    if resident is None or resident.household.neighbourhood_id != neighbourhood.pk:
        return None
    return resident
