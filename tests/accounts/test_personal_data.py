"""A resident downloads their data and erases their account; what they said stays, anonymised."""

import json

from django.urls import reverse

from samen.accounts.models import User
from samen.listening.models import Contribution, Volunteer
from samen.listening.services import ContributionInput, contribution_create, volunteer_create
from samen.neighbourhoods.models import Resident


def _said(resident):
    return contribution_create(
        neighbourhood=resident.household.neighbourhood,
        data=ContributionInput(
            kind="idea",
            text="Een moestuin voor iedereen.",
            channel="online",
            language="nl",
            consent_named=True,
        ),
        author=resident,
    )


def test_resident_downloads_everything_samen_keeps(client, users):
    resident = users["resident"].resident
    _said(resident)
    volunteer_create(
        neighbourhood=resident.household.neighbourhood,
        areas=["task"],
        resident=resident,
        contact="0470 00 00 00",
    )
    client.force_login(users["resident"])
    response = client.get(reverse("accounts:my_data_download"))
    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment")
    assert data["resident"]["name"] == resident.display_name
    assert data["household"]["address"] == resident.household.address
    assert data["contributions"][0]["text"] == "Een moestuin voor iedereen."
    assert data["volunteering"][0]["contact"] == "0470 00 00 00"


def test_erasing_keeps_the_words_without_the_person(client, users):
    resident = users["resident"].resident
    contribution = _said(resident)
    volunteer_create(
        neighbourhood=resident.household.neighbourhood, areas=["task"], resident=resident
    )
    user_pk = users["resident"].pk
    client.force_login(users["resident"])
    unconfirmed = client.post(reverse("accounts:my_data_erase"), {})
    assert unconfirmed.status_code == 400 and Resident.objects.filter(pk=resident.pk).exists()
    response = client.post(reverse("accounts:my_data_erase"), {"confirm": "yes"})
    assert response.status_code == 302
    assert not Resident.objects.filter(pk=resident.pk).exists()
    assert not User.objects.filter(pk=user_pk).exists()
    contribution = Contribution.objects.get(pk=contribution.pk)
    assert contribution.text == "Een moestuin voor iedereen."
    assert contribution.is_anonymous and not contribution.consent_named
    assert not Volunteer.objects.exists()
    assert client.get(reverse("core:start")).status_code == 302  # logged out
