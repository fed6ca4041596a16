"""E-mails to the reporter when their report changes (sent after the commit)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from samen.agreements.models import ReportEvent


def _language_of(languages: list | None) -> str:
    interface = dict(settings.LANGUAGES)
    return next((code for code in languages or [] if code in interface), settings.LANGUAGE_CODE)


def notify_report_changed(*, event_id: int) -> bool:
    """Tell the reporter (when they gave an e-mail address) about a change; return whether sent."""
    event = (
        ReportEvent.objects.select_related("report__reporter", "report__neighbourhood")
        .filter(pk=event_id)
        .first()
    )
    if event is None or event.report.reporter is None or not event.report.reporter.email:
        return False
    report = event.report
    url = settings.SITE_URL + reverse(
        "agreements:report_mine", kwargs={"slug": report.neighbourhood.slug}
    )
    with translation.override(_language_of(report.reporter.languages)):
        body = render_to_string(
            "agreements/report_email_changed.txt",
            {"report": report, "event": event, "url": url},
        )
        send_mail(_("News about your report"), body, None, [report.reporter.email])
    return True
