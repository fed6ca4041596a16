"""The survey pages cost the same number of queries on a small and a ten times larger estate."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samen.cohesion.services_survey import survey_codes_ensure
from tests.cohesion.factories import SurveyResponseFactory, SurveyWaveFactory
from tests.factories import HouseholdFactory

PAGES = [
    ("cohesion:wave_list", "facilitator"),
    ("cohesion:wave_detail", "facilitator"),
    ("cohesion:wave_questionnaires", "facilitator"),
    ("cohesion:survey_paper", "facilitator"),
    ("cohesion:survey_answer", "resident"),
    ("cohesion:survey_code", "visitor"),
    ("cohesion:dashboard", "resident"),
]


def _grow(wave, households: int) -> None:
    for _ in range(households):
        HouseholdFactory(neighbourhood=wave.neighbourhood)
        SurveyResponseFactory(wave=wave)
    survey_codes_ensure(wave=wave)
    SurveyWaveFactory(neighbourhood=wave.neighbourhood, title="Nog een meting")


def _count(client, user, name: str, wave) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    if name == "cohesion:survey_code":
        url = reverse(name)
    elif name in {"cohesion:wave_list", "cohesion:dashboard"}:
        url = reverse(name, kwargs={"slug": wave.neighbourhood.slug})
    else:
        url = reverse(name, kwargs={"slug": wave.neighbourhood.slug, "pk": wave.pk})
    client.get(url)  # the first visit may make something once (a meeting code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, name
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role"), PAGES)
def test_survey_pages_do_not_grow_with_the_data(client, neighbourhood, users, name, role):
    wave = SurveyWaveFactory(neighbourhood=neighbourhood)
    user = None if role == "visitor" else users[role]
    _grow(wave, 5)
    small = _count(client, user, name, wave)
    _grow(wave, 50)
    large = _count(client, user, name, wave)
    assert large == small, f"{name}: {small} queries on the small data, {large} on ten times more"
    assert large <= 12, f"{name}: {large} queries"
