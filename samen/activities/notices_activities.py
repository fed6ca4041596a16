"""E-mails of the activities core: "you have a place" and the reminder, in the resident's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samen.activities.ical_activities import calendar_bytes
from samen.activities.models import Registration
from samen.neighbourhoods.models import Resident

# Marked for translation here, translated in the resident's language in _send.
PLACE_SUBJECT = gettext_noop("You have a place: %(title)s")
REMINDER_SUBJECT = gettext_noop("Tomorrow: %(title)s")


def _language_of(languages: list | None) -> str:
    interface = {code for code, _name in settings.LANGUAGES}
    return next((code for code in languages or [] if code in interface), settings.LANGUAGE_CODE)


def _send(*, registration_id: int, template: str, subject: str) -> int:
    registration = (
        Registration.objects.select_related("activity__neighbourhood", "household")
        .filter(pk=registration_id, status=Registration.Status.REGISTERED)
        .first()
    )
    if registration is None:
        return 0
    activity = registration.activity
    residents = Resident.objects.filter(household_id=registration.household_id).exclude(email="")
    sent = 0
    for resident in residents:
        with translation.override(_language_of(resident.languages)):
            body = render_to_string(
                template,
                {
                    "activity": activity,
                    "registration": registration,
                    "resident": resident,
                    "url": settings.SITE_URL + activity.get_absolute_url(),
                },
            )
            message = EmailMessage(
                _(subject) % {"title": activity.title}, body, None, [resident.email]
            )
        message.attach("activiteit.ics", calendar_bytes([activity]), "text/calendar")
        message.send()
        sent += 1
    return sent


def send_place_available(*, registration_id: int) -> int:
    """Tell a household that moved up from the waiting list that it has a place."""
    return _send(
        registration_id=registration_id,
        template="activities/registration_place_email.txt",
        subject=PLACE_SUBJECT,
    )


def send_reminder(*, registration_id: int) -> int:
    """Remind a registered household of tomorrow's activity."""
    return _send(
        registration_id=registration_id,
        template="activities/registration_reminder_email.txt",
        subject=REMINDER_SUBJECT,
    )
