"""E-mails of the meetings part: the invitation, in the resident's language, with iCal."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from samen.committee.ical_meetings import calendar_bytes
from samen.committee.models import Meeting
from samen.neighbourhoods.models import Resident


def _language_of(languages: list | None) -> str:
    interface = {code for code, _name in settings.LANGUAGES}
    return next((code for code in languages or [] if code in interface), settings.LANGUAGE_CODE)


def send_invitation(*, meeting_id: int, resident_id: int) -> None:
    """Send one member the invitation: date, place, agenda and an iCal attachment."""
    meeting = (
        Meeting.objects.select_related("committee__neighbourhood").filter(pk=meeting_id).first()
    )
    resident = Resident.objects.filter(pk=resident_id).first()
    if meeting is None or resident is None or not resident.email:
        return
    agenda = list(meeting.agenda.order_by("position", "id"))
    with translation.override(_language_of(resident.languages)):
        body = render_to_string(
            "committee/meeting_invite_email.txt",
            {
                "meeting": meeting,
                "agenda": agenda,
                "resident": resident,
                "url": settings.SITE_URL + meeting.get_absolute_url(),
            },
        )
        message = EmailMessage(
            _("Invitation: %(title)s") % {"title": meeting.title}, body, None, [resident.email]
        )
    message.attach("vergadering.ics", calendar_bytes([(meeting, agenda)]), "text/calendar")
    message.send()
