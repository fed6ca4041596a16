"""iCal of the committee's meetings."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from icalendar import Calendar, Event

from samen.committee.models import Meeting


def _event(meeting: Meeting, agenda: Iterable) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@samen")
    event.add("summary", meeting.title)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at or meeting.starts_at + datetime.timedelta(hours=2))
    event.add("dtstamp", meeting.updated_at)
    event.add("location", meeting.place)
    lines = [f"{i}. {item.title}" for i, item in enumerate(agenda, start=1)]
    if lines:
        event.add("description", "\n".join(lines))
    event.add("url", settings.SITE_URL + meeting.get_absolute_url())
    return event


def calendar_bytes(meetings: Iterable[tuple[Meeting, Iterable]]) -> bytes:
    """An iCalendar file with one event per (meeting, public agenda)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Samen//buurtcomite//NL")
    calendar.add("version", "2.0")
    for meeting, agenda in meetings:
        calendar.add_component(_event(meeting, agenda))
    return calendar.to_ical()
