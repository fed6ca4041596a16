"""Registrations: capacity counted in people, the waiting list and its order, changes, cancels."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samen.activities.models import Activity, Registration
from samen.activities.selectors_activities import places_left, registrations_of, waiting_position
from samen.activities.services_activities import registration_cancel, registration_register
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.factories import HouseholdFactory, ResidentFactory

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def activity(neighbourhood):
    return ActivityFactory(neighbourhood=neighbourhood, capacity=6)


def _household(neighbourhood, email=""):
    household = HouseholdFactory(neighbourhood=neighbourhood)
    ResidentFactory(household=household, email=email)
    return household


def _register(activity, household, people):
    return registration_register(activity=activity, household=household, people=people)


def test_capacity_counts_people_not_households(activity, neighbourhood):
    first = _register(activity, _household(neighbourhood), 4)
    second = _register(activity, _household(neighbourhood), 2)
    third = _register(activity, _household(neighbourhood), 1)
    assert first.registration.status == Registration.Status.REGISTERED
    assert second.registration.status == Registration.Status.REGISTERED
    assert third.registration.status == Registration.Status.WAITING
    assert third.position == 1
    assert places_left(Activity.objects.get(pk=activity.pk)) == 0


def test_a_registration_that_does_not_fit_waits_even_if_a_smaller_one_would(
    activity, neighbourhood
):
    _register(activity, _household(neighbourhood), 5)
    big = _register(activity, _household(neighbourhood), 3)
    small = _register(activity, _household(neighbourhood), 1)
    assert big.registration.status == Registration.Status.WAITING
    assert small.registration.status == Registration.Status.REGISTERED


def test_waiting_positions_follow_the_queue(activity, neighbourhood):
    _register(activity, _household(neighbourhood), 6)
    results = [_register(activity, _household(neighbourhood), 1) for _n in range(3)]
    assert [r.position for r in results] == [1, 2, 3]
    assert [waiting_position(registration=r.registration) for r in results] == [1, 2, 3]


def test_cancelling_promotes_waiting_households_in_order_that_fit_and_mails_them(
    activity, neighbourhood, django_capture_on_commit_callbacks
):
    full = _household(neighbourhood)
    _register(activity, full, 5)
    too_big = _register(activity, _household(neighbourhood, "big@example.org"), 4)
    first = _register(activity, _household(neighbourhood, "first@example.org"), 2)
    second = _register(activity, _household(neighbourhood, "second@example.org"), 2)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(activity=activity, household=full)
    statuses = {
        r.pk: r.status
        for r in Registration.objects.filter(
            pk__in=[too_big.registration.pk, first.registration.pk, second.registration.pk]
        )
    }
    # 6 places free: the 4-person household first in the queue, then one 2-person household.
    assert statuses[too_big.registration.pk] == Registration.Status.REGISTERED
    assert statuses[first.registration.pk] == Registration.Status.REGISTERED
    assert statuses[second.registration.pk] == Registration.Status.WAITING
    assert sorted(m.to[0] for m in mail.outbox) == ["big@example.org", "first@example.org"]
    assert "Je hebt een plaats" in mail.outbox[0].subject


def test_fewer_people_frees_places_for_the_waiting_list(activity, neighbourhood):
    household = _household(neighbourhood)
    _register(activity, household, 6)
    waiting = _register(activity, _household(neighbourhood), 2)
    _register(activity, household, 4)
    waiting.registration.refresh_from_db()
    assert waiting.registration.status == Registration.Status.REGISTERED


def test_more_people_than_places_keeps_the_registration_and_says_why(activity, neighbourhood):
    household = _household(neighbourhood)
    _register(activity, household, 2)
    _register(activity, _household(neighbourhood), 3)
    with pytest.raises(ValidationError) as error:
        _register(activity, household, 4)
    assert "only 3 places" in str(error.value)
    registration = Registration.objects.get(activity=activity, household=household)
    assert registration.people == 2
    assert registration.status == Registration.Status.REGISTERED


def test_no_registration_after_the_start_or_for_a_cancelled_activity(neighbourhood):
    started = ActivityFactory(
        neighbourhood=neighbourhood, starts_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    cancelled = ActivityFactory(neighbourhood=neighbourhood, cancelled=True)
    household = _household(neighbourhood)
    with pytest.raises(ValidationError, match="already started"):
        _register(started, household, 1)
    with pytest.raises(ValidationError, match="cancelled"):
        _register(cancelled, household, 1)
    assert not Registration.objects.exists()


def test_people_must_be_between_one_and_ten(activity, neighbourhood):
    with pytest.raises(ValidationError):
        _register(activity, _household(neighbourhood), 0)
    with pytest.raises(ValidationError):
        _register(activity, _household(neighbourhood), 11)


def test_re_registering_after_a_cancel_reuses_the_row_at_the_end_of_the_queue(
    activity, neighbourhood
):
    household = _household(neighbourhood)
    first = _register(activity, household, 2).registration
    registration_cancel(activity=activity, household=household)
    again = _register(activity, household, 3).registration
    assert again.pk == first.pk
    assert again.status == Registration.Status.REGISTERED
    assert again.people == 3
    assert again.queued_at >= first.queued_at
    assert Registration.objects.filter(activity=activity).count() == 1


def test_the_service_checks_against_the_stored_state_not_a_stale_copy(activity, neighbourhood):
    """Two requests that both loaded the activity when one place was free: one gets it."""
    _register(activity, _household(neighbourhood), 5)
    stale_a = Activity.objects.get(pk=activity.pk)
    stale_b = Activity.objects.get(pk=activity.pk)
    a = _register(stale_a, _household(neighbourhood), 1)
    b = _register(stale_b, _household(neighbourhood), 1)
    assert a.registration.status == Registration.Status.REGISTERED
    assert b.registration.status == Registration.Status.WAITING
    assert registrations_of(activity=activity)["registered_people"] == 6


def test_no_capacity_means_everyone_fits(neighbourhood):
    activity = ActivityFactory(neighbourhood=neighbourhood, capacity=None)
    for _n in range(5):
        assert (
            _register(activity, _household(neighbourhood), 10).registration.status
            == Registration.Status.REGISTERED
        )


# Views


def _login_resident(client, users):
    client.force_login(users["resident"])


def test_the_resident_registers_and_sees_the_status(client, users, neighbourhood, activity):
    _login_resident(client, users)
    url = reverse("activities:register", kwargs={"slug": neighbourhood.slug, "pk": activity.pk})
    response = client.post(url, {"people": "3"}, follow=True)
    assert "You are registered for 3 people." in response.content.decode()
    assert Registration.objects.get(activity=activity).people == 3


def test_a_full_activity_answers_with_the_place_on_the_waiting_list(
    client, users, neighbourhood, activity
):
    RegistrationFactory(activity=activity, people=6)
    _login_resident(client, users)
    url = reverse("activities:register", kwargs={"slug": neighbourhood.slug, "pk": activity.pk})
    response = client.post(url, {"people": "2"}, follow=True)
    assert "The activity is full. You are number 1 on the waiting list." in (
        response.content.decode()
    )


def test_a_refused_number_is_shown_again_with_the_message(client, users, neighbourhood, activity):
    _login_resident(client, users)
    url = reverse("activities:register", kwargs={"slug": neighbourhood.slug, "pk": activity.pk})
    client.post(url, {"people": "2"})
    RegistrationFactory(activity=activity, people=3)
    response = client.post(url, {"people": "5"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There are only 3 places for you" in html
    assert 'value="5"' in html
    response = client.post(url, {"people": "12"})
    assert "Fill in a number from 1 to 10." in response.content.decode()
    assert 'value="12"' in response.content.decode()


def test_the_resident_cancels(client, users, neighbourhood, activity):
    _login_resident(client, users)
    kwargs = {"slug": neighbourhood.slug, "pk": activity.pk}
    client.post(reverse("activities:register", kwargs=kwargs), {"people": "1"})
    response = client.post(reverse("activities:registration_cancel", kwargs=kwargs), follow=True)
    assert "Your registration is cancelled" in response.content.decode()
    assert Registration.objects.get(activity=activity).status == Registration.Status.CANCELLED


def test_an_organiser_registers_a_household_by_address_or_code(
    client, users, neighbourhood, activity
):
    household = HouseholdFactory(neighbourhood=neighbourhood, street="Kapelakker", number="12")
    other = HouseholdFactory(neighbourhood=neighbourhood, street="Kapelakker", number="14")
    client.force_login(users["facilitator"])
    url = reverse(
        "activities:registrations", kwargs={"slug": neighbourhood.slug, "pk": activity.pk}
    )
    response = client.post(url, {"household": "Kapelakker 12", "people": "2", "note": "belde"})
    assert response.status_code == 302
    response = client.post(url, {"household": other.join_code, "people": "1"}, follow=True)
    html = response.content.decode()
    assert "Kapelakker 12" in html and "Kapelakker 14" in html
    registration = Registration.objects.get(activity=activity, household=household)
    assert registration.registered_by == users["facilitator"]
    assert registration.note == "belde"
    from samen.core.models import AuditEvent

    assert AuditEvent.objects.filter(action="activities.registration_for").count() == 2


def test_an_unknown_address_keeps_what_the_organiser_typed(client, users, neighbourhood, activity):
    client.force_login(users["facilitator"])
    url = reverse(
        "activities:registrations", kwargs={"slug": neighbourhood.slug, "pk": activity.pk}
    )
    response = client.post(url, {"household": "Nergensstraat 99", "people": "3"})
    html = response.content.decode()
    assert "No household with this code or address" in html
    assert 'value="Nergensstraat 99"' in html and 'value="3"' in html
