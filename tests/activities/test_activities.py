"""Activities: list, plan and change, the public page (share link, Open Graph), iCal, flyer,
reminders, the upcoming selector, and fixed query counts."""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from samen.activities.models import Activity, Registration
from samen.activities.selectors_activities import activities_upcoming
from samen.activities.services_activities import activity_reminders_send
from tests.activities.factories import ActivityFactory, RegistrationFactory, jpeg_file
from tests.factories import (
    HouseholdFactory,
    PhaseFactory,
    ResidentFactory,
    TrackFactory,
    TrajectoryFactory,
)

pytestmark = pytest.mark.usefixtures("english")


def _url(name, neighbourhood, activity=None):
    kwargs = {"slug": neighbourhood.slug}
    if activity is not None:
        kwargs["pk"] = activity.pk
    return reverse(name, kwargs=kwargs)


def _form_data(**changes):
    data = {
        "title": "Buurtbarbecue",
        "kind": "gathering",
        "description": "Breng iets mee voor op de grill.",
        "starts_at": (timezone.localtime() + datetime.timedelta(days=20)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "ends_at": "",
        "place": "Pleintje",
        "capacity": "40",
        "published": "on",
        "idempotency_key": "a" * 32,
    }
    data.update(changes)
    return data


def test_the_list_shows_upcoming_and_past_and_drafts_only_to_organisers(
    client, users, neighbourhood
):
    ActivityFactory(neighbourhood=neighbourhood, title="Komend feest", capacity=10)
    ActivityFactory(
        neighbourhood=neighbourhood,
        title="Oud feest",
        starts_at=timezone.now() - datetime.timedelta(days=30),
    )
    ActivityFactory(neighbourhood=neighbourhood, title="Geheim plan", published=False)
    client.force_login(users["resident"])
    html = client.get(_url("activities:list", neighbourhood)).content.decode()
    assert "Komend feest" in html and "Oud feest" in html and "10 places left" in html
    assert "Geheim plan" not in html
    assert _url("activities:create", neighbourhood) not in html
    client.force_login(users["facilitator"])
    html = client.get(_url("activities:list", neighbourhood)).content.decode()
    assert "Geheim plan" in html and _url("activities:create", neighbourhood) in html


def test_a_visitor_of_the_list_goes_to_the_login(client, neighbourhood):
    response = client.get(_url("activities:list", neighbourhood))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_organiser_plans_an_activity_once_even_when_submitting_twice(
    client, users, neighbourhood
):
    phase = PhaseFactory(
        trajectory=TrajectoryFactory(neighbourhood=neighbourhood), type="follow_up"
    )
    track = TrackFactory(phase=phase, key="activities")
    client.force_login(users["facilitator"])
    data = _form_data(track=str(track.pk))
    data["image"] = SimpleUploadedFile("p.jpg", jpeg_file().read(), content_type="image/jpeg")
    data["image_alt"] = "Een grill"
    first = client.post(_url("activities:create", neighbourhood), data)
    data["image"] = SimpleUploadedFile("p.jpg", jpeg_file().read(), content_type="image/jpeg")
    second = client.post(_url("activities:create", neighbourhood), data)
    assert first.status_code == second.status_code == 302
    activity = Activity.objects.get()
    assert activity.track == track and activity.capacity == 40 and activity.image
    assert activity.created_by == users["facilitator"]


def test_a_wrong_form_keeps_what_was_typed(client, users, neighbourhood):
    client.force_login(users["facilitator"])
    data = _form_data(
        kind="contest",
        voting_opens_at="2030-05-10T10:00",
        voting_closes_at="2030-05-01T10:00",
        description="Mijn lange uitleg",
    )
    response = client.post(_url("activities:create", neighbourhood), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voting must close after it opens." in html
    assert "Mijn lange uitleg" in html and 'value="Buurtbarbecue"' in html
    assert not Activity.objects.exists()


def test_a_workshop_can_only_belong_to_a_swap(client, users, neighbourhood):
    swap = ActivityFactory(neighbourhood=neighbourhood, kind="swap", title="Ruil")
    other = ActivityFactory(neighbourhood=neighbourhood, kind="gathering")
    client.force_login(users["facilitator"])
    response = client.post(
        _url("activities:create", neighbourhood),
        _form_data(kind="workshop", part_of=str(other.pk)),
    )
    assert response.status_code == 200
    response = client.post(
        _url("activities:create", neighbourhood), _form_data(kind="workshop", part_of=str(swap.pk))
    )
    assert response.status_code == 302
    assert Activity.objects.get(kind="workshop").part_of == swap


def test_an_organiser_changes_and_cancels_an_activity(client, users, neighbourhood):
    activity = ActivityFactory(neighbourhood=neighbourhood, capacity=2)
    waiting = RegistrationFactory(activity=activity, people=2)
    late = RegistrationFactory(activity=activity, people=2, status=Registration.Status.WAITING)
    client.force_login(users["committee_member"])
    data = _form_data(title="Nieuwe titel", capacity="4")
    response = client.post(_url("activities:edit", neighbourhood, activity), data)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Nieuwe titel" and activity.capacity == 4
    late.refresh_from_db()
    assert late.status == Registration.Status.REGISTERED  # more places let the queue in
    data["cancelled"] = "on"
    client.post(_url("activities:edit", neighbourhood, activity), data)
    html = client.get(_url("activities:detail", neighbourhood, activity)).content.decode()
    assert "This activity is cancelled." in html
    assert waiting.pk


def test_the_public_page_has_open_graph_tags_and_no_personal_data(client, neighbourhood):
    activity = ActivityFactory(
        neighbourhood=neighbourhood,
        title="Plantenruil",
        image=jpeg_file(),
        image_alt="Stekjes",
        capacity=20,
    )
    household = HouseholdFactory(neighbourhood=neighbourhood, street="Geheimstraat", number="7")
    ResidentFactory(household=household, display_name="Zeynep")
    RegistrationFactory(activity=activity, household=household, people=3)
    response = client.get(_url("activities:detail", neighbourhood, activity))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta property="og:title" content="Plantenruil">' in html
    assert 'property="og:image" content="http://testserver/' in html
    assert f'property="og:url" content="http://testserver{activity.get_absolute_url()}"' in html
    assert 'name="twitter:card"' in html
    assert "17 places left" in html
    assert "Geheimstraat" not in html and "Zeynep" not in html
    assert _url("activities:activity_ics", neighbourhood, activity) in html
    assert _url("activities:registrations", neighbourhood, activity) not in html


def test_a_draft_is_not_public(client, users, neighbourhood):
    activity = ActivityFactory(neighbourhood=neighbourhood, published=False)
    assert client.get(_url("activities:detail", neighbourhood, activity)).status_code == 404
    client.force_login(users["resident"])
    assert client.get(_url("activities:detail", neighbourhood, activity)).status_code == 404
    client.force_login(users["facilitator"])
    assert client.get(_url("activities:detail", neighbourhood, activity)).status_code == 200


def test_the_resident_sees_the_waiting_list_position_on_the_page(client, users, neighbourhood):
    activity = ActivityFactory(neighbourhood=neighbourhood, capacity=2)
    RegistrationFactory(activity=activity, people=2)
    RegistrationFactory(activity=activity, people=1, status=Registration.Status.WAITING)
    household = users["resident"].resident.household
    RegistrationFactory(
        activity=activity, household=household, people=1, status=Registration.Status.WAITING
    )
    client.force_login(users["resident"])
    html = client.get(_url("activities:detail", neighbourhood, activity)).content.decode()
    assert "You are on the waiting list: number 2." in html
    assert "Leave the waiting list" in html


def test_the_organiser_sees_counts_and_links(client, users, neighbourhood):
    activity = ActivityFactory(neighbourhood=neighbourhood, capacity=10)
    RegistrationFactory(activity=activity, people=3)
    client.force_login(users["facilitator"])
    html = client.get(_url("activities:detail", neighbourhood, activity)).content.decode()
    assert "3 people" in html
    assert _url("activities:registrations", neighbourhood, activity) in html
    assert _url("activities:attendance", neighbourhood, activity) in html
    assert _url("activities:flyer_pdf", neighbourhood, activity) in html


def test_the_ical_feed_parses_and_holds_no_personal_data(client, neighbourhood):
    activity = ActivityFactory(neighbourhood=neighbourhood, title="Winterdrink")
    ActivityFactory(neighbourhood=neighbourhood, title="Geheim", published=False)
    household = HouseholdFactory(neighbourhood=neighbourhood, street="Geheimstraat")
    ResidentFactory(household=household, display_name="Zeynep", email="z@example.org")
    RegistrationFactory(activity=activity, household=household)
    response = client.get(_url("activities:ics", neighbourhood))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Winterdrink"]
    text = response.content.decode()
    assert "Geheimstraat" not in text and "Zeynep" not in text and "z@example.org" not in text
    one = client.get(_url("activities:activity_ics", neighbourhood, activity))
    assert str(Calendar.from_ical(one.content).walk("VEVENT")[0]["location"]) == activity.place


def test_the_flyer_is_a_pdf(client, users, neighbourhood):
    activity = ActivityFactory(neighbourhood=neighbourhood, image=jpeg_file(), image_alt="Foto")
    client.force_login(users["facilitator"])
    response = client.get(_url("activities:flyer_pdf", neighbourhood, activity))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_the_reminder_goes_once_to_residents_with_an_address(
    neighbourhood, django_capture_on_commit_callbacks
):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    activity = ActivityFactory(neighbourhood=neighbourhood, starts_at=tomorrow)
    later = ActivityFactory(
        neighbourhood=neighbourhood, starts_at=timezone.now() + datetime.timedelta(days=5)
    )
    household = HouseholdFactory(neighbourhood=neighbourhood)
    ResidentFactory(household=household, email="a@example.org")
    ResidentFactory(household=household, email="")
    RegistrationFactory(activity=activity, household=household)
    RegistrationFactory(activity=later, household=household)
    RegistrationFactory(activity=activity, status=Registration.Status.WAITING)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert activity_reminders_send() == 1
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert "Morgen" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        assert activity_reminders_send() == 0
        call_command("remind_activities", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_upcoming_gives_the_next_published_activities(neighbourhood):
    ActivityFactory(
        neighbourhood=neighbourhood,
        title="Voorbij",
        starts_at=timezone.now() - datetime.timedelta(days=1),
    )
    ActivityFactory(neighbourhood=neighbourhood, title="Afgelast", cancelled=True)
    ActivityFactory(neighbourhood=neighbourhood, title="Concept", published=False)
    for days in (30, 10, 20, 40):
        ActivityFactory(
            neighbourhood=neighbourhood,
            title=f"In {days}",
            starts_at=timezone.now() + datetime.timedelta(days=days),
        )
    titles = [a.title for a in activities_upcoming(neighbourhood=neighbourhood)]
    assert titles == ["In 10", "In 20", "In 30"]


def _grow(neighbourhood, count):
    households = [HouseholdFactory(neighbourhood=neighbourhood) for _n in range(count)]
    activity = ActivityFactory(neighbourhood=neighbourhood, capacity=count * 2)
    for index in range(count):
        ActivityFactory(neighbourhood=neighbourhood, image=jpeg_file() if index < 2 else "")
        ActivityFactory(
            neighbourhood=neighbourhood,
            starts_at=timezone.now() - datetime.timedelta(days=index + 1),
        )
    for household in households:
        RegistrationFactory(activity=activity, household=household, people=1)
        from samen.activities.models import Attendance

        Attendance.objects.create(activity=activity, household=household, people=1)
    return activity


@pytest.mark.parametrize("size", [5, 50])
@pytest.mark.parametrize(
    "name,role",
    [
        ("activities:list", "resident"),
        ("activities:list", "facilitator"),
        ("activities:detail", "resident"),
        ("activities:detail", "facilitator"),
        ("activities:detail", None),
        ("activities:registrations", "facilitator"),
        ("activities:attendance", "facilitator"),
        ("activities:register", "resident"),
        ("activities:ics", None),
    ],
)
def test_pages_cost_a_fixed_number_of_queries(
    client, users, neighbourhood, django_assert_max_num_queries, size, name, role
):
    activity = _grow(neighbourhood, size)
    if role:
        client.force_login(users[role])
    with_pk = name not in {"activities:list", "activities:ics"}
    url = _url(name, neighbourhood, activity if with_pk else None)
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200


def test_the_upcoming_partial_links_the_next_activities(neighbourhood):
    from django.template.loader import render_to_string

    activity = ActivityFactory(neighbourhood=neighbourhood, title="Buurtfeest")
    html = render_to_string(
        "activities/_upcoming.html",
        {"activities": activities_upcoming(neighbourhood=neighbourhood)},
    )
    assert activity.get_absolute_url() in html and "Buurtfeest" in html
    assert "No activity is planned yet." in render_to_string(
        "activities/_upcoming.html", {"activities": []}
    )
