"""Agreements (wijkafspraken): services, selectors, pages, PDFs and reminders."""

import datetime
import shutil
import subprocess

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.agreements.models import Agreement, AgreementVersion, Endorsement, Evaluation
from samen.agreements.pdf_agreements import (
    AGREEMENT_LEAFLETS,
    AGREEMENT_POSTER,
    build_agreement_leaflets,
    build_agreement_poster,
    leaflets_for,
)
from samen.agreements.selectors_agreements import (
    agreements_visible_to,
    endorsement_share,
    preferred_language,
    text_in,
)
from samen.agreements.services_agreements import (
    agreement_create,
    agreement_review_reminders_send,
    agreement_set_status,
    agreement_update,
    endorsement_create,
    evaluation_record,
    translation_save,
)
from samen.neighbourhoods.models import Resident
from tests.factories import HouseholdFactory, NeighbourhoodFactory, ResidentFactory

pytestmark = pytest.mark.usefixtures("english")


S = Agreement.Status


def make(neighbourhood, status=S.DRAFT, title="Stil na 22 uur", **extra):
    agreement = agreement_create(
        neighbourhood=neighbourhood,
        title=title,
        text="Na 22 uur maken we geen lawaai meer buiten.",
        topic="noise",
        responsible="residents",
        **extra,
    )
    path = {
        S.DRAFT: [],
        S.DISCUSSED: [S.DISCUSSED],
        S.ADOPTED: [S.DISCUSSED, S.ADOPTED],
        S.EVALUATED: [S.DISCUSSED, S.ADOPTED, S.EVALUATED],
    }[status]
    for step in path:
        agreement_set_status(agreement=agreement, status=step)
    return agreement


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- Services -------------------------------------------------------------------------------


def test_create_makes_a_draft_with_version_one(neighbourhood):
    agreement = make(neighbourhood)
    assert agreement.status == S.DRAFT
    assert agreement.version == 1
    assert list(agreement.versions.values_list("version", "status")) == [(1, "draft")]


def test_create_is_idempotent(neighbourhood):
    first = make(neighbourhood, idempotency_key="abc123")
    second = make(neighbourhood, idempotency_key="abc123")
    assert first.pk == second.pk
    assert Agreement.objects.count() == 1


def test_update_makes_a_new_version_only_when_the_text_changes(neighbourhood, users):
    agreement = make(neighbourhood)
    agreement_update(
        agreement=agreement,
        title=agreement.title,
        text=agreement.text,
        topic="waste",
        responsible="together",
        review_on=None,
    )
    assert agreement.version == 1
    agreement_update(
        agreement=agreement,
        title="Stil na 22 uur, ook op terrassen",
        text="Nieuwe tekst.",
        topic="noise",
        responsible="residents",
        review_on=None,
        actor=users["facilitator"],
    )
    agreement.refresh_from_db()
    assert agreement.version == 2
    versions = list(AgreementVersion.objects.filter(agreement=agreement).order_by("version"))
    assert [v.text for v in versions] == [
        "Na 22 uur maken we geen lawaai meer buiten.",
        "Nieuwe tekst.",
    ]
    assert versions[1].created_by == users["facilitator"]


def test_pipeline_follows_the_steps_and_records_where(neighbourhood):
    agreement = make(neighbourhood)
    agreement_set_status(agreement=agreement, status=S.DISCUSSED, place="Vergadering 14 maart")
    agreement_set_status(agreement=agreement, status=S.ADOPTED, place="Buurtfeest")
    agreement.refresh_from_db()
    assert agreement.status == S.ADOPTED
    assert agreement.discussed_at == "Vergadering 14 maart"
    assert agreement.adopted_at == "Buurtfeest"
    assert agreement.adopted_on == timezone.localdate()


@pytest.mark.parametrize(
    ("start", "wanted"),
    [(S.DRAFT, S.ADOPTED), (S.DRAFT, S.EVALUATED), (S.DISCUSSED, S.EVALUATED), (S.DRAFT, "x")],
)
def test_pipeline_refuses_other_changes(neighbourhood, start, wanted):
    agreement = make(neighbourhood, status=start)
    with pytest.raises(ValidationError) as error:
        agreement_set_status(agreement=agreement, status=wanted)
    assert "cannot become" in error.value.messages[0]
    agreement.refresh_from_db()
    assert agreement.status == start


def test_back_to_draft_keeps_the_history(neighbourhood):
    agreement = make(neighbourhood, status=S.ADOPTED)
    agreement_set_status(agreement=agreement, status=S.DRAFT)
    agreement.refresh_from_db()
    assert agreement.status == S.DRAFT
    assert agreement.versions.count() == 2


def test_one_endorsement_per_household_with_a_clear_message(neighbourhood, household):
    agreement = make(neighbourhood, status=S.ADOPTED)
    endorsement_create(agreement=agreement, household=household)
    with pytest.raises(ValidationError) as error:
        endorsement_create(agreement=agreement, household=household)
    assert "already takes part" in error.value.messages[0]
    assert Endorsement.objects.count() == 1


def test_endorse_only_adopted_and_only_own_neighbourhood(neighbourhood, household):
    draft = make(neighbourhood)
    with pytest.raises(ValidationError):
        endorsement_create(agreement=draft, household=household)
    adopted = make(neighbourhood, status=S.ADOPTED, title="Ander")
    with pytest.raises(ValidationError):
        endorsement_create(
            agreement=adopted, household=HouseholdFactory(neighbourhood=NeighbourhoodFactory())
        )
    assert Endorsement.objects.count() == 0


def test_evaluation_sets_evaluated(neighbourhood, users):
    agreement = make(neighbourhood, status=S.ADOPTED)
    evaluation = evaluation_record(
        agreement=agreement, outcome="partly", follow_up="Extra bord.", actor=users["facilitator"]
    )
    agreement.refresh_from_db()
    assert agreement.status == S.EVALUATED
    assert evaluation.evaluated_on == timezone.localdate()
    with pytest.raises(ValidationError):
        evaluation_record(agreement=make(neighbourhood, title="Concept"), outcome="kept")


def test_translation_save_and_remove(neighbourhood):
    agreement = make(neighbourhood)
    translation_save(agreement=agreement, language="fr", title="Calme", text="Pas de bruit.")
    translation_save(agreement=agreement, language="fr", title="Calme après 22h", text="Rien.")
    assert agreement.translations.get().title == "Calme après 22h"
    translation_save(agreement=agreement, language="fr", title="", text="")
    assert agreement.translations.count() == 0


# --- Selectors ------------------------------------------------------------------------------


def test_residents_and_visitors_see_only_agreements_in_force(neighbourhood, users):
    make(neighbourhood, title="Concept")
    make(neighbourhood, status=S.DISCUSSED, title="Besproken")
    make(neighbourhood, status=S.ADOPTED, title="Aangenomen")
    make(neighbourhood, status=S.EVALUATED, title="Geevalueerd")
    from django.contrib.auth.models import AnonymousUser

    for user in (users["resident"], users["outsider"], AnonymousUser()):
        titles = {a.title for a in agreements_visible_to(user=user, neighbourhood=neighbourhood)}
        assert titles == {"Aangenomen", "Geevalueerd"}
    for role in ("facilitator", "committee_member", "housing_staff", "organisation_admin"):
        assert agreements_visible_to(user=users[role], neighbourhood=neighbourhood).count() == 4


def test_share_is_a_count_and_a_percentage(neighbourhood, household):
    agreement = make(neighbourhood, status=S.ADOPTED)
    HouseholdFactory.create_batch(3, neighbourhood=neighbourhood)
    endorsement_create(agreement=agreement, household=household)
    share = endorsement_share(agreement=agreement)
    assert (share.count, share.households, share.percent) == (1, 4, 25)


def test_text_in_the_readers_language(neighbourhood, household):
    agreement = make(neighbourhood, status=S.ADOPTED)
    translation_save(agreement=agreement, language="ar", title="هدوء", text="لا ضجيج")
    assert text_in(agreement, "ar") == ("هدوء", "لا ضجيج", "ar")
    assert text_in(agreement, "tr")[2] == "nl"
    resident = ResidentFactory(household=household, languages=["ar", "nl"])
    assert preferred_language(resident=resident) == "ar"
    household.language = "fr"
    assert preferred_language(resident=resident) == "fr"


# --- Reminders ------------------------------------------------------------------------------


def test_reminders_go_to_facilitators_and_committee_once(
    neighbourhood, users, django_capture_on_commit_callbacks
):
    committee = Resident.objects.get(user=users["committee_member"])
    committee.email = "jef@example.org"
    committee.save()
    today = timezone.localdate()
    due = make(neighbourhood, status=S.ADOPTED, review_on=today - datetime.timedelta(days=1))
    make(
        neighbourhood, status=S.ADOPTED, title="Later", review_on=today + datetime.timedelta(days=5)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert agreement_review_reminders_send() == 1
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(["jef@example.org", users["facilitator"].email])
    assert "Stil na 22 uur" in mail.outbox[0].subject
    due.refresh_from_db()
    assert due.review_reminded_on == today
    with django_capture_on_commit_callbacks(execute=True):
        assert agreement_review_reminders_send() == 0
    assert len(mail.outbox) == 2


def test_reminder_command_and_task(neighbourhood, users, django_capture_on_commit_callbacks):
    make(neighbourhood, status=S.ADOPTED, review_on=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_agreement_reviews")
    assert len(mail.outbox) == 1  # the facilitator; the committee member has no address
    from samen.agreements.tasks_agreements import send_agreement_review_reminders

    send_agreement_review_reminders.enqueue()  # immediate backend in tests
    assert len(mail.outbox) == 1


# --- Pages ----------------------------------------------------------------------------------


def test_list_is_public_and_shows_the_share_not_who(client, neighbourhood, household, users):
    agreement = make(neighbourhood, status=S.ADOPTED)
    make(neighbourhood, title="Geheim concept")
    HouseholdFactory(neighbourhood=neighbourhood, street="Geheimstraat")
    endorsement_create(agreement=agreement, household=household)
    response = client.get(reverse("agreements:list", kwargs={"slug": neighbourhood.slug}))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Stil na 22 uur" in body
    assert "Geheim concept" not in body
    assert "% of the households take part" in body or "%" in body
    assert household.street not in body and "Geheimstraat" not in body
    assert "Amina" not in body


def test_resident_endorses_from_the_list_once(client, neighbourhood, users):
    agreement = make(neighbourhood, status=S.ADOPTED)
    client.force_login(users["resident"])
    url = reverse("agreements:endorse", kwargs={"slug": neighbourhood.slug, "pk": agreement.pk})
    response = client.post(url)
    assert response.status_code == 302
    assert Endorsement.objects.filter(agreement=agreement).count() == 1
    response = client.post(url)
    assert any("already takes part" in m for m in messages_of(response))
    assert Endorsement.objects.count() == 1
    page = client.get(reverse("agreements:list", kwargs={"slug": neighbourhood.slug}))
    assert "Your household takes part." in page.content.decode()


def test_workers_see_all_with_a_filter(client, neighbourhood, users):
    make(neighbourhood, title="Concept")
    make(neighbourhood, status=S.ADOPTED, title="Aangenomen")
    client.force_login(users["facilitator"])
    url = reverse("agreements:list", kwargs={"slug": neighbourhood.slug})
    body = client.get(url).content.decode()
    assert "Concept" in body and "Aangenomen" in body
    body = client.get(url, {"status": "draft"}).content.decode()
    assert "Concept" in body and "Aangenomen" not in body


def test_create_with_empty_and_huge_text_keeps_what_was_typed(client, neighbourhood, users):
    client.force_login(users["committee_member"])
    url = reverse("agreements:create", kwargs={"slug": neighbourhood.slug})
    response = client.post(
        url, {"title": "Afval", "text": "", "topic": "waste", "responsible": "residents"}
    )
    assert response.status_code == 400
    assert "Write what you agree." in response.content.decode()
    huge = "Heel lang. " * 300
    response = client.post(
        url, {"title": "Afval", "text": huge, "topic": "waste", "responsible": "residents"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert f"now {len(huge.strip())}" in body
    assert "Heel lang. Heel lang." in body
    assert Agreement.objects.count() == 0
    response = client.post(
        url,
        {
            "title": "Afval",
            "text": "Zakken pas 's avonds buiten.",
            "topic": "waste",
            "responsible": "residents",
        },
    )
    assert response.status_code == 302
    assert Agreement.objects.get().status == S.DRAFT


def test_edit_makes_a_version(client, neighbourhood, users):
    agreement = make(neighbourhood)
    client.force_login(users["facilitator"])
    url = reverse("agreements:edit", kwargs={"slug": neighbourhood.slug, "pk": agreement.pk})
    response = client.post(
        url,
        {"title": agreement.title, "text": "Nieuw.", "topic": "noise", "responsible": "together"},
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.version == 2
    body = client.get(agreement.get_absolute_url()).content.decode()
    assert "Version 1" in body and "Version 2" in body


def test_wrong_transition_is_refused_with_a_message_and_keeps_the_place(
    client, neighbourhood, users
):
    agreement = make(neighbourhood)
    client.force_login(users["housing_staff"])
    url = reverse("agreements:status", kwargs={"slug": neighbourhood.slug, "pk": agreement.pk})
    response = client.post(url, {"status": "adopted", "place": "Buurtfeest in mei"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "cannot become" in body
    assert "Buurtfeest in mei" in body
    response = client.post(url, {"status": "discussed", "place": "Vergadering"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.discussed_at) == (S.DISCUSSED, "Vergadering")


def test_detail_in_the_residents_language_with_a_switch(client, neighbourhood, household, users):
    agreement = make(neighbourhood, status=S.ADOPTED)
    translation_save(
        agreement=agreement, language="fr", title="Calme après 22h", text="Pas de bruit."
    )
    household.language = "fr"
    household.save()
    client.force_login(users["resident"])
    body = client.get(agreement.get_absolute_url()).content.decode()
    assert "Calme après 22h" in body
    assert "?taal=nl" in body
    body = client.get(agreement.get_absolute_url(), {"taal": "nl"}).content.decode()
    assert "<h1>Stil na 22 uur</h1>" in body


def test_residents_do_not_open_a_draft(client, neighbourhood, users):
    agreement = make(neighbourhood)
    client.force_login(users["resident"])
    assert client.get(agreement.get_absolute_url()).status_code == 404


def test_translation_page_and_evaluation_page(client, neighbourhood, users):
    agreement = make(neighbourhood, status=S.ADOPTED)
    client.force_login(users["facilitator"])
    kwargs = {"slug": neighbourhood.slug, "pk": agreement.pk}
    response = client.post(
        reverse("agreements:translation", kwargs=kwargs),
        {"language": "en", "title": "Quiet", "text": ""},
    )
    assert response.status_code == 400
    assert 'value="Quiet"' in response.content.decode()
    response = client.post(
        reverse("agreements:translation", kwargs=kwargs),
        {"language": "en", "title": "Quiet", "text": "No noise after 10 pm."},
    )
    assert response.status_code == 302
    response = client.post(reverse("agreements:evaluate", kwargs=kwargs), {"follow_up": "Later"})
    assert response.status_code == 400
    assert "Later" in response.content.decode()
    response = client.post(
        reverse("agreements:evaluate", kwargs=kwargs), {"outcome": "kept", "follow_up": "Goed zo."}
    )
    assert response.status_code == 302
    assert Evaluation.objects.get().outcome == "kept"


# --- Query counts ---------------------------------------------------------------------------


def _fill(neighbourhood, n):
    households = HouseholdFactory.create_batch(n, neighbourhood=neighbourhood)
    for i in range(n):
        agreement = make(neighbourhood, status=S.ADOPTED, title=f"Afspraak {i}")
        translation_save(agreement=agreement, language="fr", title=f"Accord {i}", text="Texte.")
        for household in households[: i % 4]:
            endorsement_create(agreement=agreement, household=household)


def _count(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("role", ["resident", "facilitator", None])
def test_list_query_count_does_not_grow(client, neighbourhood, users, role):
    if role:
        client.force_login(users[role])
    url = reverse("agreements:list", kwargs={"slug": neighbourhood.slug})
    _fill(neighbourhood, 3)
    small = _count(client, url)
    _fill(neighbourhood, 27)
    assert _count(client, url) == small


def test_detail_query_count_does_not_grow(client, neighbourhood, users):
    agreement = make(neighbourhood, status=S.ADOPTED)
    client.force_login(users["facilitator"])
    small = _count(client, agreement.get_absolute_url())
    for i in range(10):
        agreement_update(
            agreement=agreement,
            title=agreement.title,
            text=f"Tekst {i}",
            topic="noise",
            responsible="residents",
            review_on=None,
            actor=users["facilitator"],
        )
        translation_save(
            agreement=agreement, language=["fr", "en", "ar", "tr"][i % 4], title="T", text="X"
        )
        evaluation_record(agreement=agreement, outcome="kept")
        HouseholdFactory(neighbourhood=neighbourhood)
    assert _count(client, agreement.get_absolute_url()) == small


# --- PDFs -----------------------------------------------------------------------------------


def _pdf_text(data: bytes, tmp_path) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_poster_renders(neighbourhood, tmp_path):
    from samen.printing.pdf import render_pdf

    make(neighbourhood, status=S.ADOPTED)
    make(neighbourhood, title="Concept niet op de affiche")
    work = build_agreement_poster(neighbourhood=neighbourhood, params={})
    data = render_pdf(template_name=work.template_name, context=work.context)
    assert data.startswith(b"%PDF")
    text = _pdf_text(data, tmp_path)
    if text is None:
        pytest.skip("pdftotext is not installed")
    assert "Stil na 22 uur" in text
    assert "Concept niet op de affiche" not in text
    assert AGREEMENT_POSTER.perm == "agreements.print_agreements"


def test_leaflets_render_per_household_in_its_language(neighbourhood, household, tmp_path):
    from samen.printing.pdf import render_pdf_in_chunks

    agreement = make(neighbourhood, status=S.ADOPTED)
    translation_save(
        agreement=agreement, language="fr", title="Calme après 22h", text="Pas de bruit."
    )
    french = HouseholdFactory(neighbourhood=neighbourhood, language="fr")
    leaflets = {
        leaflet.household.pk: leaflet for leaflet in leaflets_for(neighbourhood=neighbourhood)
    }
    assert leaflets[french.pk].agreements[0].title == "Calme après 22h"
    assert leaflets[household.pk].agreements[0].title == "Stil na 22 uur"
    work = build_agreement_leaflets(neighbourhood=neighbourhood, params={})
    data = render_pdf_in_chunks(
        template_name=work.template_name,
        context=work.context,
        items=work.items,
        chunk_context=work.chunk_context,
        chunk_size=1,
    )
    assert data.startswith(b"%PDF")
    text = _pdf_text(data, tmp_path)
    if text is None:
        pytest.skip("pdftotext is not installed")
    assert "Calme après 22h" in text and "Stil na 22 uur" in text
    assert AGREEMENT_LEAFLETS.personal_data


# --- Demo -----------------------------------------------------------------------------------


def test_demo_loads(neighbourhood, users):
    import random

    from samen.agreements import demo_agreements
    from samen.core.demo import DemoContext

    ctx = DemoContext(rng=random.Random(1))
    ctx.objects.update(
        neighbourhood=neighbourhood,
        households=HouseholdFactory.create_batch(20, neighbourhood=neighbourhood),
        facilitator=users["facilitator"],
        housing_staff=users["housing_staff"],
    )
    demo_agreements.load(ctx)
    statuses = sorted(Agreement.objects.values_list("status", flat=True))
    assert statuses.count("adopted") == 5
    assert {"draft", "discussed", "evaluated"} <= set(statuses)
    assert Endorsement.objects.exists()
    assert Evaluation.objects.count() == 1


def test_home_block_lists_agreements_in_force(neighbourhood):
    from django.template.loader import render_to_string

    from samen.agreements.selectors_agreements import agreements_for_home

    make(neighbourhood, status=S.ADOPTED)
    make(neighbourhood, title="Nog een concept")
    in_force = agreements_for_home(neighbourhood=neighbourhood)
    html = render_to_string(
        "agreements/agreement_home_block.html",
        {"neighbourhood": neighbourhood, "agreements_in_force": in_force},
    )
    assert "Stil na 22 uur" in html and "Nog een concept" not in html
    assert reverse("agreements:list", kwargs={"slug": neighbourhood.slug}) in html


def test_reminder_is_in_the_committee_members_language(
    neighbourhood, users, django_capture_on_commit_callbacks
):
    committee = Resident.objects.get(user=users["committee_member"])
    committee.email = "jef@example.org"
    committee.languages = ["fr", "nl"]
    committee.save()
    make(neighbourhood, status=S.ADOPTED, review_on=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        agreement_review_reminders_send()
    to_jef = next(m for m in mail.outbox if m.to == ["jef@example.org"])
    assert (
        reverse("agreements:detail", kwargs={"slug": neighbourhood.slug, "pk": 1}).split("/1/")[0]
        in to_jef.body
    )
