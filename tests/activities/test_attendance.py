"""Attendance: who came (registered or not), people per household, guests, also afterwards."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.activities.models import Activity, Attendance
from samen.activities.services_activities import attendance_save
from tests.activities.factories import ActivityFactory, AttendanceFactory, RegistrationFactory
from tests.factories import HouseholdFactory, NeighbourhoodFactory

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def activity(neighbourhood):
    return ActivityFactory(
        neighbourhood=neighbourhood, starts_at=timezone.now() - datetime.timedelta(days=2)
    )


def _url(activity, **query):
    url = reverse(
        "activities:attendance", kwargs={"slug": activity.neighbourhood.slug, "pk": activity.pk}
    )
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


def test_the_service_records_updates_and_removes_attendance(activity, neighbourhood):
    a, b, c = (HouseholdFactory(neighbourhood=neighbourhood) for _n in range(3))
    AttendanceFactory(activity=activity, household=c, people=2)
    attendance_save(activity=activity, rows={a.pk: 2, b.pk: 1, c.pk: None}, guest_count=3)
    assert {x.household_id: x.people for x in Attendance.objects.filter(activity=activity)} == {
        a.pk: 2,
        b.pk: 1,
    }
    attendance_save(activity=activity, rows={a.pk: 4}, guest_count=3)
    assert Attendance.objects.get(activity=activity, household=a).people == 4
    assert Activity.objects.get(pk=activity.pk).guest_count == 3


def test_households_of_another_neighbourhood_are_ignored(activity):
    stranger = HouseholdFactory(neighbourhood=NeighbourhoodFactory())
    attendance_save(activity=activity, rows={stranger.pk: 2}, guest_count=0)
    assert not Attendance.objects.exists()


def test_the_page_lists_registered_households_ticked_with_their_people(
    client, users, activity, neighbourhood
):
    registered = RegistrationFactory(
        activity=activity,
        household=HouseholdFactory(neighbourhood=neighbourhood, street="Lindelaan", number="3"),
        people=3,
    )
    client.force_login(users["facilitator"])
    html = client.get(_url(activity)).content.decode()
    assert "Lindelaan 3" in html
    assert f'name="people_{registered.household_id}"' in html
    assert f'value="{registered.household_id}"' in html


def test_the_facilitator_records_from_the_paper_list_with_a_search_and_guests(
    client, users, activity, neighbourhood
):
    registered = RegistrationFactory(activity=activity, people=2)
    walk_in = HouseholdFactory(neighbourhood=neighbourhood, street="Kapelakker", number="21")
    client.force_login(users["facilitator"])
    html = client.get(_url(activity, q="Kapelakker+21")).content.decode()
    assert "Kapelakker 21" in html
    response = client.post(
        _url(activity),
        {
            "household": [str(registered.household_id), str(walk_in.pk)],
            f"came_{registered.household_id}": "1",
            f"people_{registered.household_id}": "1",
            f"came_{walk_in.pk}": "1",
            f"people_{walk_in.pk}": "4",
            "guest_count": "5",
        },
        follow=True,
    )
    assert "The attendance is saved." in response.content.decode()
    assert {a.household_id: a.people for a in Attendance.objects.filter(activity=activity)} == {
        registered.household_id: 1,
        walk_in.pk: 4,
    }
    activity.refresh_from_db()
    assert activity.guest_count == 5
    # The walk-in stays on the page without searching again.
    assert "Kapelakker 21" in client.get(_url(activity)).content.decode()


def test_a_wrong_number_keeps_every_ticked_box_and_typed_number(
    client, users, activity, neighbourhood
):
    one = RegistrationFactory(activity=activity, people=2)
    two = RegistrationFactory(activity=activity, people=2)
    client.force_login(users["facilitator"])
    response = client.post(
        _url(activity),
        {
            "household": [str(one.household_id), str(two.household_id)],
            f"came_{one.household_id}": "1",
            f"people_{one.household_id}": "3",
            f"people_{two.household_id}": "abc",
            f"came_{two.household_id}": "1",
            "guest_count": "2",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Fill in a number of people from 1 to 50" in html
    assert 'value="abc"' in html and 'value="3"' in html
    assert html.count("checked") == 2
    assert not Attendance.objects.exists()
