"""The activities app's printables: the A5 flyer of one activity (with a QR code to its page)."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from samen.activities.models import Activity
from samen.core.qr import qr_svg
from samen.printing.pdf import render_pdf
from samen.printing.registry import PrintableKind, PrintWork, printables

FLYER_KIND = "activity_flyer"
FLYER_TEMPLATE = "activities/flyer_pdf.html"


def _flyer(activity: Activity) -> tuple[dict[str, Any], str]:
    url = settings.SITE_URL + activity.get_absolute_url()
    context = {
        "activity": activity,
        "neighbourhood": activity.neighbourhood,
        "url": url.split("://", 1)[-1],
        "qr": qr_svg(url, scale=1),
    }
    filename = (
        f"flyer-{slugify(activity.title)}-{timezone.localtime(activity.starts_at):%Y-%m-%d}.pdf"
    )
    return context, filename


def build_flyer_pdf(*, activity: Activity) -> tuple[bytes, str]:
    """Return the flyer as PDF bytes and a file name (small: rendered in the request)."""
    context, filename = _flyer(activity)
    return render_pdf(template_name=FLYER_TEMPLATE, context=context), filename


def clean_flyer_params(params: dict[str, Any]) -> dict[str, Any]:
    """Accept only an activity id."""
    try:
        return {"activity": int(params.get("activity"))}  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError(_("Choose an activity."), code="activity") from None


def build_flyer(*, neighbourhood: Any, params: dict[str, Any]) -> PrintWork:
    """Build a print job's flyer of one activity of the neighbourhood."""
    activity = (
        Activity.objects.select_related("neighbourhood")
        .filter(neighbourhood=neighbourhood, pk=params.get("activity"))
        .first()
    )
    if activity is None:
        raise ValidationError(_("This activity does not exist (any more)."), code="activity")
    context, filename = _flyer(activity)
    return PrintWork(template_name=FLYER_TEMPLATE, filename=filename, context=context)


printables.register(
    PrintableKind(
        key=FLYER_KIND,
        label=_("Activity flyer"),
        description=_("An A5 flyer of one activity with a QR code to its page."),
        perm="activities.organise",
        build=build_flyer,
        clean_params=clean_flyer_params,
        on_printing_page=False,
    )
)
