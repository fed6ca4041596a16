"""The JSON API: exactly-once sync, API keys and their scope, the schema, privacy of the list."""

import datetime
import json
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.api.models import ApiKey
from samen.api.services import api_key_create, api_key_revoke
from samen.core.models import AuditEvent
from samen.listening.models import Contribution
from samen.listening.services import ContributionInput, contribution_create
from samen.neighbourhoods.models import Organisation, OrganisationMembership
from tests.factories import (
    HouseholdFactory,
    NeighbourhoodFactory,
    OrganisationFactory,
    ResidentFactory,
)


def sync_url(slug="kapelakker"):
    return reverse("api-1:contributions_sync", kwargs={"slug": slug})


def list_url(slug="kapelakker"):
    return reverse("api-1:contributions", kwargs={"slug": slug})


def entry(text="De speeltuin is te klein.", **extra):
    data = {"client_id": str(uuid.uuid4()), "kind": "need", "text": text, "channel": "stand"}
    data.update(extra)
    return data


def post_sync(client, entries, slug="kapelakker", **headers):
    return client.post(
        sync_url(slug), data={"entries": entries}, content_type="application/json", **headers
    )


def statuses(response):
    return [result["status"] for result in response.json()["results"]]


@pytest.fixture
def worker(client, users):
    client.force_login(users["facilitator"])
    return client


@pytest.fixture
def key_of(users):
    """Make a key of an organisation and return its secret."""

    def make(organisation):
        _key, secret = api_key_create(
            organisation=organisation, name="Koppeling", actor=users["organisation_admin"]
        )
        return secret

    return make


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


# --- Exactly once ---------------------------------------------------------------------------


def test_a_replayed_sync_stores_each_entry_once(worker, neighbourhood):
    entries = [entry(f"Tekst {n}") for n in range(3)]
    first = post_sync(worker, entries)
    second = post_sync(worker, entries)
    assert first.status_code == second.status_code == 200
    assert statuses(first) == ["stored"] * 3
    assert statuses(second) == ["duplicate"] * 3
    assert second.json()["duplicate"] == 3
    assert Contribution.objects.filter(neighbourhood=neighbourhood).count() == 3


def test_an_interrupted_sync_and_its_replay_store_each_entry_once(worker, neighbourhood):
    entries = [entry(f"Tekst {n}") for n in range(6)]
    # The connection broke after the server stored the first half; the device sends all again.
    post_sync(worker, entries[:3])
    replay = post_sync(worker, entries)
    assert statuses(replay) == ["duplicate"] * 3 + ["stored"] * 3
    assert sorted(Contribution.objects.values_list("text", flat=True)) == sorted(
        e["text"] for e in entries
    )


def test_the_same_id_twice_in_one_sync_is_stored_once(worker, neighbourhood):
    one = entry()
    response = post_sync(worker, [one, dict(one)])
    assert statuses(response) == ["stored", "duplicate"]
    assert Contribution.objects.count() == 1


def test_an_invalid_entry_does_not_block_the_others(worker, neighbourhood):
    elsewhere = HouseholdFactory(neighbourhood=NeighbourhoodFactory())
    entries = [
        entry("Goed"),
        entry("Soort fout", kind="complaint"),
        entry("   "),
        {"client_id": "not-a-uuid", "kind": "idea", "text": "x", "channel": "stand"},
        entry("Ander adres", household_id=elsewhere.pk),
        entry("Ook goed", kind="idea"),
    ]
    response = post_sync(worker, entries)
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["status"] for r in results] == [
        "stored",
        "invalid",
        "invalid",
        "invalid",
        "invalid",
        "stored",
    ]
    assert list(results[1]["errors"]) == ["kind"]
    assert list(results[2]["errors"]) == ["text"]
    assert list(results[3]["errors"]) == ["client_id"]
    assert results[3]["client_id"] == "not-a-uuid"
    assert list(results[4]["errors"]) == ["household_id"]
    assert all(messages for r in results[1:5] for messages in r["errors"].values())
    assert set(Contribution.objects.values_list("text", flat=True)) == {"Goed", "Ook goed"}


def test_a_corrected_entry_is_stored_with_its_first_id(worker, neighbourhood):
    wrong = entry("", kind="idea")
    assert statuses(post_sync(worker, [wrong])) == ["invalid"]
    fixed = {**wrong, "text": "Een bankje bij de speeltuin"}
    assert statuses(post_sync(worker, [fixed])) == ["stored"]
    assert Contribution.objects.get().client_id == uuid.UUID(wrong["client_id"])


def test_an_id_used_in_another_neighbourhood_is_not_taken_over(worker, neighbourhood):
    other = NeighbourhoodFactory()
    client_id = uuid.uuid4()
    contribution_create(
        neighbourhood=other,
        data=ContributionInput(
            kind="idea", text="Elders", channel="stand", language="nl", client_id=client_id
        ),
    )
    response = post_sync(worker, [entry(client_id=str(client_id))])
    assert statuses(response) == ["invalid"]
    assert not Contribution.objects.filter(neighbourhood=neighbourhood).exists()


def test_more_than_200_entries_at_once_are_refused(worker, neighbourhood):
    response = post_sync(worker, [entry() for _ in range(201)])
    assert response.status_code == 422
    assert response.json()["detail"]
    assert not Contribution.objects.exists()


def test_a_synced_entry_keeps_who_entered_it_where_and_when(worker, neighbourhood, users):
    household = HouseholdFactory(neighbourhood=neighbourhood, street="Lindelaan")
    said = timezone.now() - datetime.timedelta(hours=20)
    post_sync(
        worker,
        [
            entry(
                household_id=household.pk,
                consent_named=True,
                entered_at=said.isoformat(),
                language="nl",
            )
        ],
    )
    contribution = Contribution.objects.get()
    assert contribution.entered_by == users["facilitator"]
    assert contribution.household == household
    assert contribution.street == "Lindelaan"
    assert contribution.consent_named is True
    assert abs(contribution.created_at - said) < datetime.timedelta(seconds=1)


def test_an_entered_time_in_the_future_is_not_believed(worker, neighbourhood):
    future = timezone.now() + datetime.timedelta(days=3)
    post_sync(worker, [entry(entered_at=future.isoformat())])
    assert Contribution.objects.get().created_at <= timezone.now()


def test_a_session_sync_needs_the_csrf_token(users, neighbourhood):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["facilitator"])
    refused = post_sync(client, [entry()])
    assert refused.status_code == 403
    assert refused["Content-Type"].startswith("application/json")
    assert not Contribution.objects.exists()
    page = client.get(reverse("listening:stand", kwargs={"slug": "kapelakker"}))
    token = page.cookies["csrftoken"].value
    accepted = post_sync(client, [entry()], HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 200
    assert Contribution.objects.count() == 1


@pytest.mark.parametrize("role", ["resident", "committee_member", "housing_staff", "outsider"])
def test_only_workers_sync_with_their_session(client, users, neighbourhood, role):
    client.force_login(users[role])
    response = post_sync(client, [entry()])
    assert response.status_code == 404
    assert response.json()["detail"]
    assert not Contribution.objects.exists()


def test_an_unknown_neighbourhood_is_not_found(worker):
    assert post_sync(worker, [entry()], slug="bestaat-niet").status_code == 404


def test_a_caller_without_session_or_key_gets_401(client, neighbourhood):
    response = post_sync(client, [entry()])
    assert response.status_code == 401
    assert response.json()["detail"]


# --- API keys -------------------------------------------------------------------------------


def test_a_key_of_the_housing_company_syncs_and_lists(client, neighbourhood, key_of):
    secret = key_of(neighbourhood.organisation)
    response = post_sync(client, [entry()], **bearer(secret))
    assert statuses(response) == ["stored"]
    assert Contribution.objects.get().entered_by is None
    listed = client.get(list_url(), **bearer(secret))
    assert listed.status_code == 200
    assert listed.json()["count"] == 1


def test_a_key_of_a_partner_organisation_reaches_the_partner_neighbourhood(
    client, neighbourhood, key_of
):
    partner = OrganisationFactory(kind=Organisation.Kind.COMMUNITY_ORGANISATION)
    neighbourhood.partners.add(partner)
    secret = key_of(partner)
    assert client.get(list_url(), **bearer(secret)).status_code == 200


def test_a_key_of_another_organisation_gets_404(client, neighbourhood, key_of):
    secret = key_of(OrganisationFactory())
    assert client.get(list_url(), **bearer(secret)).status_code == 404
    assert post_sync(client, [entry()], **bearer(secret)).status_code == 404
    assert not Contribution.objects.exists()


def test_a_revoked_key_is_refused(client, neighbourhood, key_of, users):
    secret = key_of(neighbourhood.organisation)
    assert client.get(list_url(), **bearer(secret)).status_code == 200
    api_key_revoke(key=ApiKey.objects.get(), actor=users["organisation_admin"])
    response = client.get(list_url(), **bearer(secret))
    assert response.status_code == 401
    assert response.json()["detail"]
    assert post_sync(client, [entry()], **bearer(secret)).status_code == 401


@pytest.mark.parametrize(
    "secret",
    ["samen_nothere00000_abc", "nonsense", "samen_", ""],
)
def test_a_wrong_key_is_refused(client, neighbourhood, key_of, secret):
    key_of(neighbourhood.organisation)
    assert client.get(list_url(), **bearer(secret)).status_code == 401


def test_a_key_with_a_changed_secret_is_refused(client, neighbourhood, key_of):
    secret = key_of(neighbourhood.organisation)
    assert client.get(list_url(), **bearer(secret[:-2] + "xx")).status_code == 401


def test_only_a_hash_of_the_key_is_stored_and_its_use_is_noted(client, neighbourhood, key_of):
    secret = key_of(neighbourhood.organisation)
    key = ApiKey.objects.get()
    assert secret not in {key.prefix, key.secret_hash, key.name}
    assert secret.startswith(f"samen_{key.prefix}_")
    assert key.last_used_at is None
    client.get(list_url(), **bearer(secret))
    key.refresh_from_db()
    assert key.last_used_at is not None
    assert AuditEvent.objects.filter(action="api.contributions_listed").exists()


# --- The list never tells who said what without consent -------------------------------------


def _said(neighbourhood, *, consent, with_household=True, text="Iets", number="99"):
    household = HouseholdFactory(neighbourhood=neighbourhood, street="Kapelstraat", number=number)
    author = ResidentFactory(household=household, display_name="Zeynep") if with_household else None
    return contribution_create(
        neighbourhood=neighbourhood,
        data=ContributionInput(
            kind="idea",
            text=text,
            channel="online",
            language="nl",
            household=household if with_household else None,
            street="Kapelstraat",
            consent_named=consent,
        ),
        author=author,
    )


def test_the_list_never_shows_the_household_or_name_without_consent(client, neighbourhood, key_of):
    _said(neighbourhood, consent=False, text="Niet genoemd", number="97")
    _said(neighbourhood, consent=False, with_household=False, text="Anoniem", number="98")
    named = _said(neighbourhood, consent=True, text="Wel genoemd")
    response = client.get(list_url(), **bearer(key_of(neighbourhood.organisation)))
    items = {item["text"]: item for item in response.json()["items"]}
    for text in ("Niet genoemd", "Anoniem"):
        assert items[text]["household"] is None
        assert items[text]["author"] is None
    assert items["Wel genoemd"]["author"] == "Zeynep"
    assert items["Wel genoemd"]["household"] == {
        "id": named.household_id,
        "address": "Kapelstraat 99",
    }
    # The name and address appear only with the consented item.
    body = response.content.decode()
    assert body.count("Zeynep") == 1
    assert "Kapelstraat 97" not in body and "Kapelstraat 98" not in body


def test_the_list_is_paged(worker, neighbourhood):
    post_sync(worker, [entry(f"Tekst {n}") for n in range(7)])
    first = worker.get(list_url(), {"page_size": 5}).json()
    second = worker.get(list_url(), {"page_size": 5, "page": first["next_page"]}).json()
    assert (first["count"], first["pages"], len(first["items"])) == (7, 2, 5)
    assert second["next_page"] is None
    assert len(second["items"]) == 2


def _list_queries(client, neighbourhood, count):
    for n in range(count):
        _said(neighbourhood, consent=n % 2 == 0, text=f"Tekst {n}", number=f"{count}-{n}")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(list_url()).status_code == 200
    return len(queries)


def test_the_list_costs_the_same_queries_for_more_data(worker, neighbourhood):
    small = _list_queries(worker, neighbourhood, 3)
    large = _list_queries(worker, neighbourhood, 30)
    assert small == large


# --- Streets, schema, docs ------------------------------------------------------------------


def test_streets_lists_the_streets_and_addresses_for_workers(worker, neighbourhood, household):
    HouseholdFactory(neighbourhood=neighbourhood, street="Akkerweg", number="2")
    response = worker.get(reverse("api-1:streets", kwargs={"slug": "kapelakker"}))
    data = response.json()
    assert data["streets"] == ["Akkerweg", "Kapelstraat"]
    assert {"id": household.pk, "street": "Kapelstraat", "address": household.address} in data[
        "households"
    ]


def test_the_openapi_schema_loads_and_describes_the_api(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["version"] == "1"
    assert {
        "/api/v1/neighbourhoods/{slug}/streets",
        "/api/v1/neighbourhoods/{slug}/contributions/sync",
        "/api/v1/neighbourhoods/{slug}/contributions",
    } <= set(schema["paths"])
    schemes = schema["components"]["securitySchemes"]
    assert {scheme["type"] for scheme in schemes.values()} == {"http", "apiKey"}
    entry_schema = schema["components"]["schemas"]["SyncEntryIn"]
    assert "question" in json.dumps(entry_schema["properties"]["kind"])


def test_the_docs_load_nothing_from_another_host(client, db):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "//cdn" not in html and "https://" not in html and "http://" not in html
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "swagger-ui-init.js"):
        assert name in html
        asset = client.get(reverse("api_docs_asset", kwargs={"name": name}))
        assert asset.status_code == 200
    assert client.get(reverse("api_docs_asset", kwargs={"name": "main.py"})).status_code == 404


# --- The API-key pages ----------------------------------------------------------------------


def keys_url(organisation):
    return reverse("api_keys:list", kwargs={"org_slug": organisation.slug})


def test_an_admin_makes_a_key_and_sees_it_only_once(client, users, neighbourhood):
    client.force_login(users["organisation_admin"])
    organisation = neighbourhood.organisation
    response = client.post(
        keys_url(organisation), {"name": "Huurdersysteem", "idempotency_key": "a" * 32}, follow=True
    )
    key = ApiKey.objects.get()
    html = response.content.decode()
    assert key.organisation == organisation and key.created_by == users["organisation_admin"]
    shown = html.split('id="new-key"')[1].split('value="')[1].split('"')[0]
    assert shown.startswith(f"samen_{key.prefix}_")
    assert client.get(list_url(), **bearer(shown)).status_code == 200
    again = client.get(keys_url(organisation)).content.decode()
    assert shown not in again
    assert "Huurdersysteem" in again


def test_a_double_submit_makes_one_key(client, users, neighbourhood):
    client.force_login(users["organisation_admin"])
    form = {"name": "Koppeling", "idempotency_key": "b" * 32}
    client.post(keys_url(neighbourhood.organisation), form)
    client.post(keys_url(neighbourhood.organisation), form)
    assert ApiKey.objects.count() == 1


def test_a_key_without_a_name_is_refused_with_a_message(client, users, neighbourhood):
    client.force_login(users["organisation_admin"])
    response = client.post(keys_url(neighbourhood.organisation), {"name": ""})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert not ApiKey.objects.exists()


def test_an_admin_revokes_a_key(client, users, neighbourhood, key_of):
    secret = key_of(neighbourhood.organisation)
    key = ApiKey.objects.get()
    client.force_login(users["organisation_admin"])
    response = client.post(
        reverse(
            "api_keys:revoke", kwargs={"org_slug": neighbourhood.organisation.slug, "pk": key.pk}
        )
    )
    assert response.status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None
    client.logout()
    assert client.get(list_url(), **bearer(secret)).status_code == 401


def test_an_admin_of_another_organisation_cannot_see_the_keys(client, neighbourhood, key_of):
    key_of(neighbourhood.organisation)
    other_admin = OrganisationMembership.objects.create(
        organisation=OrganisationFactory(),
        user=ResidentFactory().user,
        is_admin=True,
    ).user
    client.force_login(other_admin)
    assert client.get(keys_url(neighbourhood.organisation)).status_code == 404
    key = ApiKey.objects.get()
    revoke = reverse(
        "api_keys:revoke", kwargs={"org_slug": neighbourhood.organisation.slug, "pk": key.pk}
    )
    assert client.post(revoke).status_code == 404
    key.refresh_from_db()
    assert key.revoked_at is None


def test_the_key_page_costs_the_same_queries_for_more_keys(client, users, neighbourhood):
    client.force_login(users["organisation_admin"])

    def count(keys):
        for _ in range(keys):
            api_key_create(
                organisation=neighbourhood.organisation, name="k", actor=users["organisation_admin"]
            )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(keys_url(neighbourhood.organisation)).status_code == 200
        return len(queries)

    assert count(2) == count(20)
