"""The listening app's printable: the feedback report for the housing company (A4 PDF)."""

from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from samen.listening.selectors import feedback_of
from samen.neighbourhoods.models import Neighbourhood
from samen.printing.registry import PrintableKind, PrintWork, printables


def build_feedback_report(*, neighbourhood: Neighbourhood, params: dict[str, Any]) -> PrintWork:
    """Plan the feedback report: reach, themes with counts and quotes, answers, conclusion."""
    return PrintWork(
        template_name="listening/feedback_pdf.html",
        filename=f"terugkoppeling-{slugify(neighbourhood.slug)}-{timezone.localdate():%Y-%m-%d}.pdf",
        context={
            "neighbourhood": neighbourhood,
            "data": feedback_of(neighbourhood=neighbourhood),
            "today": timezone.localdate(),
        },
    )


FEEDBACK_REPORT = printables.register(
    PrintableKind(
        key="feedback_report",
        label=_("Feedback report for the housing company"),
        description=_(
            "An A4 report: reach, the themes with their numbers and quotes, the answers, "
            "and your conclusion. No names."
        ),
        perm="listening.view_report",
        build=build_feedback_report,
    )
)
