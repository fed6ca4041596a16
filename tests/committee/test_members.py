"""Members part of the committee app: services, access, bad input, query counts."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.committee.models import Meeting, Membership, News, Question
from samen.committee.services_members import (
    charter_document_save,
    charter_version_adopt,
    committee_get_or_create,
    membership_end,
    membership_start,
    question_answer,
    question_ask,
)
from samen.neighbourhoods.models import NeighbourhoodRole
from tests.factories import ResidentFactory

pytestmark = pytest.mark.usefixtures("english")
D = datetime.date


def test_one_open_term_per_role_history_and_role_in_step(neighbourhood, household):
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    assert committee.role_descriptions.count() == 5
    resident = ResidentFactory(household=household, user=None)
    chair = membership_start(
        committee=committee, resident=resident, role="chair", starts_on=D(2025, 1, 1)
    )
    resident.refresh_from_db()
    assert resident.user is not None
    role = dict(neighbourhood=neighbourhood, user=resident.user, role="committee_member")
    assert NeighbourhoodRole.objects.filter(**role).exists()
    with pytest.raises(ValidationError):
        membership_start(
            committee=committee, resident=resident, role="chair", starts_on=D(2025, 2, 1)
        )
    member = membership_start(
        committee=committee, resident=resident, role="member", starts_on=D(2025, 2, 1)
    )
    membership_end(membership=chair, ends_on=D(2025, 6, 1))
    assert NeighbourhoodRole.objects.filter(**role).exists()
    membership_end(membership=member, ends_on=D(2025, 6, 1))
    assert not NeighbourhoodRole.objects.filter(**role).exists()
    assert Membership.objects.filter(committee=committee, ends_on__isnull=False).count() == 2
    with pytest.raises(ValidationError):
        membership_end(membership=chair, ends_on=D(2025, 7, 1))


def test_charter_versions_increase_and_keep_adopting_meeting(neighbourhood):
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    v1 = charter_document_save(committee=committee, kind="mission", text="Eerste")
    v2 = charter_document_save(committee=committee, kind="mission", text="Tweede")
    assert (v1.version, v2.version) == (1, 2)
    assert charter_document_save(committee=committee, kind="mission", text="Tweede").pk == v2.pk
    meeting = Meeting.objects.create(
        committee=committee, title="V", starts_at=timezone.now(), place="B"
    )
    charter_version_adopt(version=v1, meeting=meeting)
    v3 = charter_document_save(committee=committee, kind="mission", text="Derde")
    v1.refresh_from_db()
    assert v1.adopted_at == meeting and v3.version == 3


def test_answer_mails_the_resident(neighbourhood, household, django_capture_on_commit_callbacks):
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    resident = ResidentFactory(household=household, email="a@example.org")
    question = question_ask(committee=committee, resident=resident, text="Wanneer?")
    with django_capture_on_commit_callbacks(execute=True):
        question_answer(question=question, answer="Dinsdag.")
    assert len(mail.outbox) == 1 and "Dinsdag." in mail.outbox[0].body


def test_access(client, users, neighbourhood):
    url = reverse("committee:charter_document", kwargs={"slug": "kapelakker", "kind": "mission"})
    client.force_login(users["resident"])
    assert client.get(url).status_code == 200
    assert client.post(url, {"text": "x"}).status_code == 404
    client.force_login(users["housing_staff"])
    assert client.get(reverse("committee:public", kwargs={"slug": "kapelakker"})).status_code == 200
    assert client.post(url, {"text": "x"}).status_code == 404
    client.force_login(users["facilitator"])
    assert client.post(url, {"text": "Onze missie"}).status_code == 302


def test_bad_input_keeps_text(client, users, neighbourhood):
    client.force_login(users["committee_member"])
    url = reverse("committee:news", kwargs={"slug": "kapelakker"})
    response = client.post(url, {"title": "", "text": "Mijn tekst"})
    assert response.status_code == 400 and "Mijn tekst" in response.content.decode()
    response = client.post(url, {"title": "T", "text": "x" * 5000})
    assert response.status_code == 400 and News.objects.count() == 0
    client.force_login(users["resident"])
    url = reverse("committee:questions", kwargs={"slug": "kapelakker"})
    assert client.post(url, {"text": "  "}).status_code == 400
    assert client.post(url, {"text": "Echte vraag"}).status_code == 302
    assert Question.objects.get().text == "Echte vraag"
    assert "Echte vraag" in client.get(url).content.decode()


def _fill(committee, household, n):
    for i in range(n):
        r = ResidentFactory(household=household)
        Membership.objects.create(
            committee=committee, resident=r, role="member", starts_on=D(2025, 1, 1)
        )
        News.objects.create(
            committee=committee, title=f"N{i}", text="t", published_at=timezone.now()
        )
        Question.objects.create(committee=committee, resident=r, text=f"Q{i}", answer="a")


@pytest.mark.parametrize("name", ["public", "member_list", "news", "questions", "charter"])
def test_query_counts_stay_fixed(client, users, neighbourhood, household, name):
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    client.force_login(users["committee_member"])
    url = reverse(f"committee:{name}", kwargs={"slug": "kapelakker"})
    counts = []
    for n in (2, 18):
        _fill(committee, household, n)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1]
