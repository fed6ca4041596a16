"""The activity pages cost the same number of queries on a small and a ten times larger estate."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.activities.models import Acquaintance, Registration
from tests.activities.factories import ActivityFactory, AttendanceFactory, RegistrationFactory
from tests.factories import HouseholdFactory, ResidentFactory

PAGES = [
    ("activities:list", "resident"),
    ("activities:list", "facilitator"),
    ("activities:detail", "resident"),
    ("activities:detail", "facilitator"),
    ("activities:detail", "visitor"),
    ("activities:register", "resident"),
    ("activities:registrations", "facilitator"),
    ("activities:attendance", "facilitator"),
    ("activities:acquaintances", "resident"),
    ("activities:icebreakers", "facilitator"),
    ("activities:ics", "visitor"),
]


def _grow(neighbourhood, activity, households: int) -> None:
    """Add households that register, come and meet each other, and more activities."""
    made = []
    for index in range(households):
        household = HouseholdFactory(neighbourhood=neighbourhood)
        ResidentFactory(household=household)
        made.append(household)
        RegistrationFactory(
            activity=activity,
            household=household,
            people=1,
            status=Registration.Status.REGISTERED if index % 4 else Registration.Status.WAITING,
        )
        AttendanceFactory(activity=activity, household=household, people=1)
    for first, second in itertools.pairwise(made):
        low, high = sorted((first, second), key=lambda h: h.pk)
        Acquaintance.objects.create(
            neighbourhood=neighbourhood, activity=activity, household_low=low, household_high=high
        )
    for day in range(households // 2):
        ActivityFactory(
            neighbourhood=neighbourhood,
            published=True,
            starts_at=timezone.now() + datetime.timedelta(days=3 + day),
        )


def _count(client, user, name: str, activity) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    kwargs = {"slug": activity.neighbourhood.slug}
    if name not in {"activities:list", "activities:ics"}:
        kwargs["pk"] = activity.pk
    url = reverse(name, kwargs=kwargs)
    client.get(url)  # the first visit may make something once (a meeting code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, name
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role"), PAGES)
def test_activity_pages_do_not_grow_with_the_data(client, neighbourhood, users, name, role):
    activity = ActivityFactory(neighbourhood=neighbourhood, published=True, capacity=500)
    user = None if role == "visitor" else users[role]
    _grow(neighbourhood, activity, 4)
    small = _count(client, user, name, activity)
    _grow(neighbourhood, activity, 40)
    large = _count(client, user, name, activity)
    assert large == small, f"{name}: {small} queries on the small data, {large} on ten times more"
    assert large <= 12, f"{name}: {large} queries"
