"""Reads about neighbourhood agreements; each selector owns its query shape.

Endorsements are only ever counted: no selector says which household did not take part.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet

from samen.agreements.models import (
    Agreement,
    AgreementTranslation,
    AgreementVersion,
    Endorsement,
    Evaluation,
)
from samen.neighbourhoods.models import Household, Neighbourhood
from samen.neighbourhoods.selectors import roles_of

IN_FORCE = (Agreement.Status.ADOPTED, Agreement.Status.EVALUATED)
SEE_ALL_ROLES = frozenset(
    {"facilitator", "organisation_admin", "committee_member", "housing_staff"}
)


def sees_all_agreements(*, user: Any, neighbourhood: Neighbourhood) -> bool:
    """Workers, the committee and housing staff see drafts too; residents and visitors do not."""
    return bool(roles_of(user=user, neighbourhood=neighbourhood) & SEE_ALL_ROLES)


def agreements_visible_to(
    *, user: Any, neighbourhood: Neighbourhood, status: str = ""
) -> QuerySet[Agreement]:
    """The agreements this user may see, with their endorsement count."""
    queryset = (
        Agreement.objects.filter(neighbourhood=neighbourhood)
        .select_related("neighbourhood")
        .annotate(endorsement_count=Count("endorsements", distinct=True))
    )
    if not sees_all_agreements(user=user, neighbourhood=neighbourhood):
        queryset = queryset.filter(status__in=IN_FORCE)
    if status in Agreement.Status.values:
        queryset = queryset.filter(status=status)
    return queryset.order_by("topic", "title", "id")


def agreements_in_force(*, neighbourhood: Neighbourhood) -> QuerySet[Agreement]:
    """The adopted agreements (also those evaluated), with their translations, for paper."""
    return (
        Agreement.objects.filter(neighbourhood=neighbourhood, status__in=IN_FORCE)
        .prefetch_related("translations")
        .order_by("topic", "title", "id")
    )


def agreement_of(*, user: Any, neighbourhood: Neighbourhood, pk: int) -> Agreement | None:
    """One agreement the user may see, or None."""
    return (
        agreements_visible_to(user=user, neighbourhood=neighbourhood)
        .select_related("neighbourhood")
        .prefetch_related(
            "translations",
            Prefetch("versions", queryset=AgreementVersion.objects.select_related("created_by")),
            Prefetch("evaluations", queryset=Evaluation.objects.select_related("evaluated_by")),
        )
        .filter(pk=pk)
        .first()
    )


def household_count(*, neighbourhood: Neighbourhood) -> int:
    """How many households the neighbourhood has (the denominator of the share)."""
    return Household.objects.filter(neighbourhood=neighbourhood).count()


def share_percent(count: int, households: int) -> int:
    """The share of households, rounded to a whole percent."""
    return round(100 * count / households) if households else 0


def endorsed_ids(*, household: Household | None, agreement_ids: list[int]) -> set[int]:
    """The agreements (of these) that this household itself has joined."""
    if household is None or not agreement_ids:
        return set()
    return set(
        Endorsement.objects.filter(household=household, agreement_id__in=agreement_ids).values_list(
            "agreement_id", flat=True
        )
    )


@dataclass(frozen=True)
class Share:
    """How many households take part in an agreement: a number and a percentage, no names."""

    count: int
    households: int

    @property
    def percent(self) -> int:
        return share_percent(self.count, self.households)


def endorsement_share(*, agreement: Agreement) -> Share:
    """The share of households that endorsed this agreement."""
    count = getattr(agreement, "endorsement_count", None)
    if count is None:
        count = agreement.endorsements.count()
    return Share(count=count, households=household_count(neighbourhood=agreement.neighbourhood))


def agreement_versions(*, agreement: Agreement) -> QuerySet[AgreementVersion]:
    """The versions of an agreement, newest first."""
    return agreement.versions.select_related("created_by").order_by("-version")


def text_in(agreement: Agreement, language: str) -> tuple[str, str, str]:
    """(title, text, language) of the agreement in `language` if translated, else the original.

    Uses the prefetched translations when there are any.
    """
    if language and language != "nl":
        for translation in agreement.translations.all():
            if translation.language == language:
                return translation.title, translation.text, language
    return agreement.title, agreement.text, "nl"


def preferred_language(*, resident: Any) -> str:
    """The language a resident reads agreements in: the household's, else their first one."""
    if resident is None:
        return ""
    household_language = getattr(resident.household, "language", "") or ""
    if household_language and household_language != "nl":
        return household_language
    languages = resident.languages or []
    return languages[0] if languages else household_language


def translation_of(*, agreement: Agreement, language: str) -> AgreementTranslation | None:
    """The translation of an agreement in one language, or None."""
    return AgreementTranslation.objects.filter(agreement=agreement, language=language).first()


def language_name(code: str) -> str:
    """The name of a resident language."""
    return str(dict(settings.RESIDENT_LANGUAGES).get(code, code))


def households_for_leaflets(*, neighbourhood: Neighbourhood) -> QuerySet[Household]:
    """Every household of the neighbourhood, in walking order."""
    return Household.objects.filter(neighbourhood=neighbourhood).order_by(
        "street", "number_sort", "number", "box"
    )


def agreements_for_home(*, neighbourhood: Neighbourhood, limit: int = 5) -> list[Agreement]:
    """A few agreements in force for the neighbourhood's home page (one query)."""
    return list(
        Agreement.objects.filter(neighbourhood=neighbourhood, status__in=IN_FORCE).order_by(
            "-adopted_on", "title", "id"
        )[:limit]
    )
