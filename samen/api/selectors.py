"""Reads for the API, the API-key pages and stand mode; each selector owns its query shape."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from samen.api.models import ApiKey
from samen.listening.models import Contribution
from samen.neighbourhoods.models import Household, Neighbourhood, Organisation


def organisation_by_slug(*, slug: str) -> Organisation | None:
    """Return the organisation with this slug, or None."""
    return Organisation.objects.filter(slug=slug).first()


def api_keys_of(*, organisation: Organisation) -> QuerySet[ApiKey]:
    """Return an organisation's keys, active ones first, with who made them."""
    return (
        ApiKey.objects.filter(organisation=organisation)
        .select_related("created_by")
        .order_by("revoked_at", "-created_at", "-id")
    )


def api_key_of(*, organisation: Organisation, pk: int) -> ApiKey | None:
    """Return one key of the organisation, or None."""
    return ApiKey.objects.filter(organisation=organisation, pk=pk).first()


def api_key_by_prefix(*, prefix: str) -> ApiKey | None:
    """Return the key with this prefix and its organisation, or None."""
    return ApiKey.objects.select_related("organisation", "created_by").filter(prefix=prefix).first()


def api_key_covers(*, key: ApiKey, neighbourhood: Neighbourhood) -> bool:
    """The key's organisation owns the neighbourhood or is a partner in it."""
    if neighbourhood.organisation_id == key.organisation_id:
        return True
    return neighbourhood.partners.filter(pk=key.organisation_id).exists()


@dataclass(frozen=True)
class StandPicker:
    """The streets and addresses a worker picks from at the stand."""

    streets: list[str]
    households: list[Household]


def stand_picker(*, neighbourhood: Neighbourhood) -> StandPicker:
    """Return the neighbourhood's street names and household addresses (one query)."""
    households = list(
        Household.objects.filter(neighbourhood=neighbourhood)
        .only("id", "neighbourhood_id", "street", "number", "box")
        .order_by("street", "number_sort", "number", "box")
    )
    streets = sorted({household.street for household in households})
    return StandPicker(streets=streets, households=households)


def stand_entries_today(*, neighbourhood: Neighbourhood, user: Any) -> int:
    """Count the contributions this worker entered in the neighbourhood today."""
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return Contribution.objects.filter(
        neighbourhood=neighbourhood, entered_by=user, created_at__gte=start
    ).count()


def contributions_for_api(
    *, neighbourhood: Neighbourhood, changed_since: datetime.datetime | None = None
) -> QuerySet[Contribution]:
    """Return the neighbourhood's contributions for integrations, oldest first.

    Who said something (resident, household) is only loaded to be shown where the
    resident consented (`consent_named`); the serializer enforces that.
    """
    contributions = Contribution.objects.filter(neighbourhood=neighbourhood)
    if changed_since is not None:
        contributions = contributions.filter(updated_at__gte=changed_since)
    return contributions.select_related("household", "author", "theme").order_by("id")
