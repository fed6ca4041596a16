"""Stand mode without JavaScript: one entry per submit, stored once, the form ready again."""

import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samen.listening.models import Contribution
from tests.factories import HouseholdFactory, NeighbourhoodFactory


def stand_url(slug="kapelakker"):
    return reverse("listening:stand", kwargs={"slug": slug})


@pytest.fixture
def worker(client, users):
    client.force_login(users["facilitator"])
    return client


def client_id_in(html: str) -> str:
    return re.search(r'name="client_id" value="([^"]+)"', html).group(1)


def entry(client_id=None, **extra):
    data = {
        "client_id": str(client_id or uuid.uuid4()),
        "channel": "stand",
        "kind": "frustration",
        "text": "Er wordt te snel gereden.",
    }
    data.update(extra)
    return data


def test_the_stand_page_shows_big_choices_and_a_fresh_id(worker, neighbourhood, household):
    response = worker.get(stand_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('name="kind"') == 4
    assert 'value="stand" selected' in html
    assert household.address in html
    first = client_id_in(html)
    uuid.UUID(first)
    assert client_id_in(worker.get(stand_url()).content.decode()) != first
    assert "samen/stand.js" in html
    assert reverse("api-1:contributions_sync", kwargs={"slug": "kapelakker"}) in html
    assert 'aria-live="polite"' in html


def test_a_submit_without_javascript_stores_one_entry_and_empties_the_form(
    worker, neighbourhood, users
):
    response = worker.post(stand_url(), entry(), follow=True)
    html = response.content.decode()
    contribution = Contribution.objects.get()
    assert contribution.channel == "stand"
    assert contribution.entered_by == users["facilitator"]
    assert response.redirect_chain[-1][0] == stand_url()
    assert 'class="messages"' in html
    assert re.search(r'id="stand-today">1<', html)
    assert "Er wordt te snel gereden." not in html
    assert client_id_in(html) != str(contribution.client_id)


def test_a_double_submit_stores_the_entry_once(worker, neighbourhood):
    data = entry()
    first = worker.post(stand_url(), data)
    second = worker.post(stand_url(), data)
    assert first.status_code == second.status_code == 302
    assert Contribution.objects.count() == 1
    assert str(Contribution.objects.get().client_id) == data["client_id"]


def test_a_missing_kind_is_explained_and_the_text_kept(worker, neighbourhood):
    response = worker.post(stand_url(), entry(kind=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html
    assert 'href="#id_kind_0"' in html
    assert "Er wordt te snel gereden." in html
    assert not Contribution.objects.exists()


def test_the_channel_is_chosen_once_and_remembered(worker, neighbourhood):
    worker.post(stand_url(), entry(channel="door_to_door"))
    html = worker.get(stand_url()).content.decode()
    assert 'value="door_to_door" selected' in html
    worker.post(stand_url(), entry())
    worker.post(stand_url(), entry(client_id=uuid.uuid4(), channel="door_to_door"))
    assert list(Contribution.objects.order_by("id").values_list("channel", flat=True)) == [
        "door_to_door",
        "stand",
        "door_to_door",
    ]


def test_an_address_sets_the_street(worker, neighbourhood):
    household = HouseholdFactory(neighbourhood=neighbourhood, street="Lindelaan", number="4")
    worker.post(stand_url(), entry(household=str(household.pk), consent_named="on"))
    contribution = Contribution.objects.get()
    assert contribution.household == household
    assert contribution.street == "Lindelaan"
    assert contribution.consent_named is True


def test_an_address_of_another_neighbourhood_is_refused(worker, neighbourhood):
    elsewhere = HouseholdFactory(neighbourhood=NeighbourhoodFactory())
    response = worker.post(stand_url(), entry(household=str(elsewhere.pk)))
    assert response.status_code == 400
    assert not Contribution.objects.exists()


def test_only_the_street_can_be_given(worker, neighbourhood, household):
    worker.post(stand_url(), entry(street=household.street))
    contribution = Contribution.objects.get()
    assert (contribution.household, contribution.street) == (None, household.street)


def test_the_service_worker_is_served_below_the_page(client, neighbourhood):
    response = client.get(reverse("listening:stand_sw", kwargs={"slug": "kapelakker"}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert b'addEventListener("fetch"' in response.content
    assert reverse("listening:stand_sw", kwargs={"slug": "kapelakker"}).startswith(stand_url())
    missing = client.get(reverse("listening:stand_sw", kwargs={"slug": "bestaat-niet"}))
    assert missing.status_code == 404


def _grow(neighbourhood, households):
    for _ in range(households):
        HouseholdFactory(neighbourhood=neighbourhood)


def _page_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(stand_url()).status_code == 200
    return len(queries)


def test_the_stand_page_costs_the_same_queries_for_a_bigger_neighbourhood(worker, neighbourhood):
    _grow(neighbourhood, 5)
    worker.post(stand_url(), entry())
    small = _page_queries(worker)
    _grow(neighbourhood, 50)
    for _ in range(10):
        worker.post(stand_url(), entry())
    assert _page_queries(worker) == small
