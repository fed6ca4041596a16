"""What the neighbourhoods app keeps about a resident."""

from typing import Any

from samen.neighbourhoods.models import Resident


def export(resident: Resident) -> dict[str, Any]:
    """Return the resident's own details and their household's address."""
    household = resident.household
    return {
        "resident": {
            "name": resident.display_name,
            "languages": resident.languages,
            "email": resident.email,
            "phone": resident.phone,
            "listed_in_neighbour_list": resident.listed,
            "joined": resident.created_at.isoformat(),
        },
        "household": {
            "address": household.address,
            "postal_code": household.postal_code,
            "neighbourhood": household.neighbourhood.name,
        },
    }


def erase(resident: Resident) -> None:
    """Nothing to do here: the resident record itself is removed last, by the account service."""
