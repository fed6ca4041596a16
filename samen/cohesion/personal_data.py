"""What the survey keeps about a resident: only whether the household answered each survey.

The answers themselves are anonymous (no link to a household or a person), so they cannot
be exported or erased per person; they are not personal data. The one-time codes belong to
the household, not to the person, and stay when one member erases their account.
"""

from typing import Any

from samen.cohesion.models import SurveyCode
from samen.neighbourhoods.models import Resident


def export(resident: Resident) -> dict[str, Any]:
    """Return the surveys of the resident's household and whether the household answered."""
    codes = (
        SurveyCode.objects.filter(household_id=resident.household_id)
        .select_related("wave")
        .order_by("wave__opens_on", "wave_id")
    )
    return {
        "surveys_of_my_household": [
            {
                "survey": code.wave.title,
                "opens_on": code.wave.opens_on.isoformat(),
                "closes_on": code.wave.closes_on.isoformat(),
                "household_answered": code.used,
            }
            for code in codes
        ]
    }


def erase(resident: Resident) -> None:
    """Keep everything: the codes belong to the household and the answers to no one."""
