"""Reads of the members part: members and roles, charter, news, questions, public part."""

from django.db.models import Prefetch, QuerySet

from samen.committee.models import (
    CharterDocument,
    CharterVersion,
    Committee,
    Membership,
    News,
    Question,
    RoleDescription,
)
from samen.neighbourhoods.models import Neighbourhood, Resident


def committee_for(*, neighbourhood: Neighbourhood) -> Committee | None:
    return Committee.objects.filter(neighbourhood=neighbourhood).first()


def members_current(*, committee: Committee | None) -> QuerySet[Membership]:
    """Open terms, with the resident."""
    if committee is None:
        return Membership.objects.none()
    return (
        Membership.objects.filter(committee=committee, ends_on__isnull=True)
        .select_related("resident")
        .order_by("role", "resident__display_name", "id")
    )


def role_history(*, committee: Committee | None) -> QuerySet[Membership]:
    """Ended terms, newest end first."""
    if committee is None:
        return Membership.objects.none()
    return (
        Membership.objects.filter(committee=committee, ends_on__isnull=False)
        .select_related("resident")
        .order_by("-ends_on", "-id")
    )


def role_descriptions(*, committee: Committee | None) -> list[RoleDescription]:
    if committee is None:
        return []
    return list(RoleDescription.objects.filter(committee=committee).order_by("id"))


def neighbourhood_residents(*, neighbourhood: Neighbourhood) -> QuerySet[Resident]:
    return Resident.objects.filter(household__neighbourhood=neighbourhood).order_by(
        "display_name", "id"
    )


def charter_documents(*, committee: Committee | None) -> list[dict]:
    """Every kind, with its document, latest version and the latest adopted version."""
    docs: dict[str, CharterDocument] = {}
    if committee is not None:
        docs = {
            d.kind: d
            for d in CharterDocument.objects.filter(committee=committee).prefetch_related(
                Prefetch(
                    "versions",
                    queryset=CharterVersion.objects.select_related("adopted_at").order_by(
                        "-version"
                    ),
                )
            )
        }
    result = []
    for kind, label in CharterDocument.Kind.choices:
        document = docs.get(kind)
        versions = list(document.versions.all()) if document else []
        adopted = next((v for v in versions if v.adopted_at_id), None)
        result.append(
            {
                "kind": kind,
                "label": label,
                "document": document,
                "latest": versions[0] if versions else None,
                "adopted": adopted,
            }
        )
    return result


def charter_versions(*, committee: Committee | None, kind: str) -> QuerySet[CharterVersion]:
    if committee is None:
        return CharterVersion.objects.none()
    return (
        CharterVersion.objects.filter(document__committee=committee, document__kind=kind)
        .select_related("adopted_at", "created_by")
        .order_by("-version")
    )


def news_list(*, committee: Committee | None) -> QuerySet[News]:
    if committee is None:
        return News.objects.none()
    return News.objects.filter(committee=committee).order_by("-published_at", "-id")


def questions_for(*, committee: Committee | None, resident: Resident | None) -> QuerySet[Question]:
    """All questions (resident None: for members) or one resident's own questions."""
    if committee is None:
        return Question.objects.none()
    qs = Question.objects.filter(committee=committee).select_related("resident")
    if resident is not None:
        qs = qs.filter(resident=resident)
    return qs.order_by("-created_at", "-id")


def public_part(*, committee: Committee | None) -> dict:
    """What every role may see: members' first names and roles, role tasks, charter, news."""
    members = [
        {"first_name": (m.resident.display_name.split() or [""])[0], "role": m.get_role_display()}
        for m in members_current(committee=committee)
    ]
    return {
        "members": members,
        "roles": role_descriptions(committee=committee),
        "charter": charter_documents(committee=committee),
        "news": list(news_list(committee=committee)[:3]),
    }
