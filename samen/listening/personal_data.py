"""What the listening app keeps about a resident: contributions and offers to help."""

from typing import Any

from django.db.models import Q

from samen.listening.models import Contribution, Volunteer
from samen.listening.services import resident_contributions_anonymise
from samen.neighbourhoods.models import Resident


def export(resident: Resident) -> dict[str, Any]:
    """Return what the resident said and offered."""
    contributions = (
        Contribution.objects.filter(author=resident).select_related("theme").order_by("created_at")
    )
    volunteering = Volunteer.objects.filter(Q(resident=resident)).order_by("created_at")
    return {
        "contributions": [
            {
                "date": c.created_at.isoformat(),
                "kind": c.kind,
                "channel": c.channel,
                "text": c.text,
                "language": c.language,
                "theme": c.theme.title if c.theme else None,
                "housing_company_may_see_my_name": c.consent_named,
            }
            for c in contributions
        ],
        "volunteering": [
            {
                "date": v.created_at.isoformat(),
                "areas": v.areas,
                "detail": v.detail,
                "contact": v.contact,
            }
            for v in volunteering
        ],
    }


def erase(resident: Resident) -> None:
    """Keep the contributions without a link to the person; remove the offers to help."""
    resident_contributions_anonymise(resident=resident)
    Volunteer.objects.filter(resident=resident).delete()
