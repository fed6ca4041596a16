"""Anonymity of the survey: nothing in the tables or the queries links an answer to a household."""

import datetime
import uuid

import pytest
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.cohesion.models import SurveyCode, SurveyResponse
from samen.cohesion.services_survey import survey_response_submit, wave_create
from samen.core.models import AuditEvent, IdempotencyKey
from tests.factories import HouseholdFactory

ANSWERS = {"item1": "2", "item2": "4", "item3": "4", "item4": "", "item5": "3"}
LINKED_TABLES = ("neighbourhoods_household", "cohesion_surveycode", "accounts_user")


@pytest.fixture
def wave(neighbourhood, household):
    HouseholdFactory.create_batch(4, neighbourhood=neighbourhood)
    today = timezone.localdate()
    return wave_create(
        neighbourhood=neighbourhood,
        title="Nulmeting",
        kind="baseline",
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=1),
    )


def _assert_no_linking_query(captured: CaptureQueriesContext) -> None:
    for query in captured.captured_queries:
        sql = query["sql"].lower()
        if "cohesion_surveyresponse" in sql:
            linked = [table for table in LINKED_TABLES if table in sql]
            assert not linked, f"A query joins the answers with {linked}: {query['sql']}"


def test_a_response_has_no_household_code_user_or_time_field():
    fields = {field.name: field for field in SurveyResponse._meta.get_fields()}
    assert set(fields) == {
        "id",
        "wave",
        "channel",
        "item1",
        "item2",
        "item3",
        "item4",
        "item5",
        "known_by_name",
        "extra",
    }
    relations = [f for f in fields.values() if f.is_relation]
    assert [f.name for f in relations] == ["wave"]
    assert not [f for f in fields.values() if isinstance(f, models.DateField | models.TimeField)], (
        "a response must not remember when it was given"
    )
    assert isinstance(fields["id"], models.UUIDField)


def test_a_code_remembers_only_that_it_was_used():
    fields = {field.name for field in SurveyCode._meta.get_fields()}
    assert fields == {"id", "wave", "household", "code", "used"}


def test_submitting_writes_no_audit_event_no_key_and_no_linking_query(wave):
    code = SurveyCode.objects.filter(wave=wave).first()
    audits, keys = AuditEvent.objects.count(), IdempotencyKey.objects.count()
    with CaptureQueriesContext(connection) as captured:
        survey_response_submit(
            code=code,
            answers={"item1": 2, "item2": 4, "item3": 4, "item4": None, "item5": 3},
            channel="online",
        )
    _assert_no_linking_query(captured)
    assert AuditEvent.objects.count() == audits
    assert IdempotencyKey.objects.count() == keys
    response = SurveyResponse.objects.get(wave=wave)
    assert uuid.UUID(str(response.pk)).version == 4
    # Nothing of the code or the household ended up in the answer.
    stored = str(SurveyResponse.objects.filter(pk=response.pk).values().first())
    assert code.code not in stored
    assert str(code.household.pk) not in str(response.extra)


def test_no_page_joins_the_answers_with_households_or_codes(client, users, wave, household):
    slug = wave.neighbourhood.slug
    code = SurveyCode.objects.filter(wave=wave).exclude(household=household).first()
    public = reverse("cohesion:survey_code")
    with CaptureQueriesContext(connection) as captured:
        client.post(public, {"step": "code", "code": code.code})
        page = client.get(public)
        client.post(
            public, {"step": "answers", "nonce": page.context["form"].initial["nonce"], **ANSWERS}
        )
        client.get(public)
        client.force_login(users["facilitator"])
        paper_code = (
            SurveyCode.objects.filter(wave=wave, used=False).exclude(household=household).first()
        )
        paper = reverse("cohesion:survey_paper", kwargs={"slug": slug, "pk": wave.pk})
        client.post(paper, {"code": paper_code.code, **ANSWERS})
        for name in ("wave_list", "wave_detail", "survey_paper", "wave_questionnaires"):
            kwargs = {"slug": slug} if name == "wave_list" else {"slug": slug, "pk": wave.pk}
            assert client.get(reverse(f"cohesion:{name}", kwargs=kwargs)).status_code == 200
        client.force_login(users["resident"])
        answer = reverse("cohesion:survey_answer", kwargs={"slug": slug, "pk": wave.pk})
        client.post(answer, {**ANSWERS, "nonce": "a" * 32})
        client.get(answer)
    assert SurveyResponse.objects.filter(wave=wave).count() == 3
    assert any("cohesion_surveyresponse" in q["sql"].lower() for q in captured.captured_queries)
    _assert_no_linking_query(captured)


def test_the_session_keeps_no_code_after_saving(client, wave):
    code = SurveyCode.objects.filter(wave=wave).first()
    url = reverse("cohesion:survey_code")
    client.post(url, {"step": "code", "code": code.code})
    nonce = client.get(url).context["form"].initial["nonce"]
    client.post(url, {"step": "answers", "nonce": nonce, **ANSWERS})
    session = client.session
    assert all(type(value) is not int or value != code.pk for value in session.values())
    assert code.code not in str(dict(session.items()))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="xmin exists only in PostgreSQL")
def test_on_postgresql_every_code_of_the_wave_shares_the_answers_transaction_id(wave):
    code = SurveyCode.objects.filter(wave=wave).first()
    survey_response_submit(
        code=code,
        answers={"item1": 2, "item2": 4, "item3": 4, "item4": None, "item5": 3},
        channel="online",
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT xmin::text FROM cohesion_surveycode WHERE wave_id = %s", [wave.pk]
        )
        code_xmins = {row[0] for row in cursor.fetchall()}
    assert len(code_xmins) == 1, "the used code stands out by its transaction id"
