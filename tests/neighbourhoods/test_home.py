"""The residents' home, the public page and the staff overview lead to activities and cohesion."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.cohesion.models import SurveyCode
from tests.activities.factories import ActivityFactory
from tests.cohesion.factories import SurveyWaveFactory


def _home(slug: str = "kapelakker") -> str:
    return reverse("neighbourhoods:home", kwargs={"slug": slug})


@pytest.mark.django_db
def test_home_shows_the_next_activities_but_not_drafts_past_or_cancelled_ones(
    client, neighbourhood, users
):
    ActivityFactory(neighbourhood=neighbourhood, title="Plantenruil", published=True)
    ActivityFactory(neighbourhood=neighbourhood, title="Nog een idee", published=False)
    ActivityFactory(neighbourhood=neighbourhood, title="Afgelast", published=True, cancelled=True)
    ActivityFactory(
        neighbourhood=neighbourhood,
        title="Vorig jaar",
        published=True,
        starts_at=timezone.now() - datetime.timedelta(days=300),
    )
    client.force_login(users["resident"])
    body = client.get(_home()).content.decode()
    assert "Plantenruil" in body
    assert "Nog een idee" not in body and "Afgelast" not in body and "Vorig jaar" not in body
    assert reverse("activities:list", kwargs={"slug": "kapelakker"}) in body
    assert reverse("cohesion:dashboard", kwargs={"slug": "kapelakker"}) in body

    public = client.get(reverse("neighbourhoods:public", kwargs={"slug": "kapelakker"}))
    assert "Plantenruil" in public.content.decode()


@pytest.mark.django_db
def test_home_invites_a_household_to_the_open_survey_until_it_answered(
    client, neighbourhood, household, users
):
    wave = SurveyWaveFactory(neighbourhood=neighbourhood)
    answer_url = reverse("cohesion:survey_answer", kwargs={"slug": "kapelakker", "pk": wave.pk})
    client.force_login(users["resident"])
    assert answer_url in client.get(_home()).content.decode()

    SurveyCode.objects.create(wave=wave, household=household, code="PEIL000001", used=True)
    assert answer_url not in client.get(_home()).content.decode()


@pytest.mark.django_db
def test_home_does_not_invite_to_a_closed_survey(client, neighbourhood, users):
    today = datetime.date.today()
    wave = SurveyWaveFactory(
        neighbourhood=neighbourhood,
        opens_on=today - datetime.timedelta(days=40),
        closes_on=today - datetime.timedelta(days=10),
    )
    client.force_login(users["resident"])
    body = client.get(_home()).content.decode()
    assert (
        reverse("cohesion:survey_answer", kwargs={"slug": "kapelakker", "pk": wave.pk}) not in body
    )


@pytest.mark.django_db
def test_staff_overview_links_to_activities_survey_and_cohesion(client, neighbourhood, users):
    slug = {"slug": "kapelakker"}
    client.force_login(users["facilitator"])
    body = client.get(reverse("neighbourhoods:staff_overview")).content.decode()
    for name in ("activities:list", "cohesion:wave_list", "cohesion:dashboard"):
        assert reverse(name, kwargs=slug) in body, name

    client.force_login(users["housing_staff"])
    body = client.get(reverse("neighbourhoods:staff_overview")).content.decode()
    assert reverse("cohesion:wave_list", kwargs=slug) not in body
    company = reverse("cohesion:company_overview", kwargs={"org": neighbourhood.organisation.slug})
    assert company in body
    assert client.get(company).status_code == 200
