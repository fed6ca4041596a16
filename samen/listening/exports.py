"""CSV and XLSX exports of contributions for community workers.

Names and addresses appear only where the resident agreed to be named; anonymous input stays
anonymous. Cells that a spreadsheet would run as a formula are neutralised.
"""

import csv
import io
from collections.abc import Iterator

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.core.services import audit_record
from samen.listening.models import Contribution
from samen.neighbourhoods.models import Neighbourhood

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Make a text cell safe for spreadsheets: a leading formula character gets a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _header() -> list[str]:
    return [
        _("Number"),
        _("Date"),
        _("Kind"),
        _("Channel"),
        _("Language"),
        _("Theme"),
        _("Status"),
        _("Street"),
        _("Address"),
        _("Name"),
        _("Text"),
    ]


def contribution_rows(*, neighbourhood: Neighbourhood) -> Iterator[list[object]]:
    """Yield one row per contribution, oldest first, names and addresses only with consent."""
    queryset = (
        Contribution.objects.filter(neighbourhood=neighbourhood)
        .select_related("household", "author", "theme")
        .order_by("created_at", "id")
    )
    for contribution in queryset.iterator(chunk_size=500):
        named = contribution.consent_named and not contribution.is_anonymous
        yield [
            contribution.pk,
            timezone.localtime(contribution.created_at).strftime("%Y-%m-%d %H:%M"),
            contribution.get_kind_display(),
            contribution.get_channel_display(),
            contribution.language,
            contribution.theme.title if contribution.theme else "",
            contribution.get_status_display(),
            contribution.street,
            contribution.household.address if named and contribution.household else "",
            contribution.author.display_name if named and contribution.author else "",
            contribution.text,
        ]


def contributions_download(*, neighbourhood: Neighbourhood, fmt: str, actor: User) -> HttpResponse:
    """Return the export as a download and write the export to the audit log."""
    audit_record(
        actor=actor,
        action="contributions.exported",
        neighbourhood_id=neighbourhood.pk,
        data={"format": fmt},
    )
    filename = f"inbreng-{neighbourhood.slug}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    rows = contribution_rows(neighbourhood=neighbourhood)
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")  # so that Excel reads the accents right
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(_header())
        for row in rows:
            writer.writerow([neutralise(cell) for cell in row])
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(_("Contributions"))
        sheet.append(_header())
        for row in rows:
            sheet.append([neutralise(cell) for cell in row])
        output = io.BytesIO()
        workbook.save(output)
        response = HttpResponse(
            output.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
