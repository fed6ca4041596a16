"""iCal of activities: what, when, where and the public link; never who registered."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from icalendar import Calendar, Event

from samen.activities.models import Activity


def _event(activity: Activity) -> Event:
    event = Event()
    event.add("uid", f"activity-{activity.pk}@samen")
    event.add("summary", activity.title)
    event.add("dtstart", activity.starts_at)
    event.add("dtend", activity.ends_at or activity.starts_at + datetime.timedelta(hours=2))
    event.add("dtstamp", activity.updated_at)
    event.add("location", activity.place)
    if activity.description:
        event.add("description", activity.description)
    event.add("url", settings.SITE_URL + activity.get_absolute_url())
    event.add("status", "CANCELLED" if activity.cancelled else "CONFIRMED")
    return event


def calendar_bytes(activities: Iterable[Activity], *, name: str = "") -> bytes:
    """Return an iCalendar file with one event per activity."""
    calendar = Calendar()
    calendar.add("prodid", "-//Samen//activiteiten//NL")
    calendar.add("version", "2.0")
    if name:
        # Calendar apps show this name for a subscribed feed.
        calendar.add("x-wr-calname", name)
    for activity in activities:
        calendar.add_component(_event(activity))
    return calendar.to_ical()
