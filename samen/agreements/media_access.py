"""Who may see the photos sent with reports: those who handle the reports."""

from django.http import HttpRequest

from samen.agreements.models import Report
from samen.core.media import register


def report_photo(request: HttpRequest, name: str) -> bool:
    """A report's photo is shown where the report is handled, to the same people."""
    report = Report.objects.select_related("neighbourhood").filter(photo=name).first()
    return report is not None and request.user.has_perm(
        "agreements.view_reports", report.neighbourhood
    )


register("reports/", report_photo)
