"""Shared mechanisms: idempotent creates, the audit log, error pages, the components."""

from django import forms
from django.template import Context, Template
from django.test import override_settings
from django.urls import reverse

from samen.core.idempotency import run_once
from samen.core.models import AuditEvent
from samen.neighbourhoods.models import Organisation


def test_run_once_with_the_same_key_creates_one_record(db):
    def create():
        return Organisation.objects.create(
            name="X", slug=f"x{Organisation.objects.count()}", kind="housing_company"
        )

    first, created_first = run_once(key="k1", scope="test", model=Organisation, create=create)
    second, created_second = run_once(key="k1", scope="test", model=Organisation, create=create)
    assert first == second and created_first and not created_second
    assert Organisation.objects.count() == 1


def test_viewing_a_household_is_written_to_the_audit_log(client, users, household):
    client.force_login(users["facilitator"])
    client.get(
        reverse(
            "neighbourhoods:household_detail",
            kwargs={"slug": household.neighbourhood.slug, "pk": household.pk},
        )
    )
    event = AuditEvent.objects.get(action="household.viewed")
    assert event.actor == users["facilitator"] and event.target_id == str(household.pk)


def test_404_page_is_dutch(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "We vinden deze pagina niet" in response.content.decode()


@override_settings(DEBUG=False)
def test_500_page_is_dutch_and_self_contained(db):
    from django.test import RequestFactory

    from samen.core.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


class _Form(forms.Form):
    name = forms.CharField(label="Naam")
    agree = forms.BooleanField(label="Akkoord")


def test_field_and_error_summary_link_each_error_to_its_field():
    form = _Form({"name": ""})
    html = Template("{% error_summary form %}{% field form.name %}{% field form.agree %}").render(
        Context({"form": form})
    )
    assert 'href="#id_name"' in html and 'href="#id_agree"' in html
    assert 'aria-describedby="id_name-error"' in html and 'aria-invalid="true"' in html
    assert '<label for="id_name">' in html


def test_dutch_is_the_default_whatever_the_browser_asks(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="nl"' in response.content.decode()


def test_org_admin_reads_who_looked_at_a_household(client, users, household):
    client.force_login(users["facilitator"])
    client.get(
        reverse(
            "neighbourhoods:household_detail",
            kwargs={"slug": household.neighbourhood.slug, "pk": household.pk},
        )
    )
    client.force_login(users["organisation_admin"])
    response = client.get(
        reverse("neighbourhoods:audit_log", kwargs={"slug": household.neighbourhood.slug})
    )
    assert users["facilitator"].display_name in response.content.decode()


def test_language_switch_to_english(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    assert 'lang="en"' in response.content.decode()
