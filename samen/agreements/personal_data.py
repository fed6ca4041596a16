"""What the agreements app keeps about a resident: their reports (endorsements are per household)."""

from typing import Any

from samen.agreements.selectors_reports import reports_export_of
from samen.agreements.services_reports import resident_reports_anonymise
from samen.neighbourhoods.models import Resident


def export(resident: Resident) -> dict[str, Any]:
    """Return the reports the resident made."""
    return {"reports": reports_export_of(resident=resident)}


def erase(resident: Resident) -> None:
    """Keep the reports (the problem is still real) without a link to the person."""
    resident_reports_anonymise(resident=resident)
