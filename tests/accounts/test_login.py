"""Logging in: household codes, magic links, staff passwords, rate limits."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from samen.neighbourhoods.models import Resident
from tests.factories import PASSWORD, HouseholdFactory, ResidentFactory, UserFactory


def _who_page(client, code: str):
    return client.post(reverse("accounts:code"), {"code": code}, follow=True)


def test_resident_logs_in_with_household_code_and_lands_on_home(client, household):
    ResidentFactory(household=household, display_name="Amina")
    response = _who_page(client, household.join_code_display.lower())
    assert "I am Amina" in response.content.decode() or "Ik ben Amina" in response.content.decode()
    amina = Resident.objects.get(display_name="Amina")
    response = client.post(reverse("accounts:code_who"), {"resident": amina.pk}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "neighbourhoods:home", kwargs={"slug": household.neighbourhood.slug}
    )
    assert response.context["user"] == Resident.objects.get(pk=amina.pk).user


def test_new_household_member_joins_with_code_and_a_name(client, household):
    _who_page(client, household.join_code)
    response = client.post(reverse("accounts:code_who"), {"display_name": "  Noor  "}, follow=True)
    assert response.status_code == 200
    resident = Resident.objects.get(household=household)
    assert resident.display_name == "Noor"
    assert resident.user is not None and not resident.user.has_usable_password()


def test_double_submit_of_who_are_you_adds_one_resident(client, household):
    _who_page(client, household.join_code)
    data = {"display_name": "Noor", "idempotency_key": "a" * 32}
    client.post(reverse("accounts:code_who"), data)
    client.logout()
    _who_page(client, household.join_code)
    client.post(reverse("accounts:code_who"), data)
    assert Resident.objects.filter(household=household).count() == 1


def test_qr_link_opens_who_are_you_for_that_household(client, household):
    response = client.get(reverse("accounts:code_link", kwargs={"code": household.join_code}))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:code_who")


def test_unknown_code_gets_a_clear_message_and_keeps_what_was_typed(client, db):
    response = client.post(reverse("accounts:code"), {"code": "ABCD-EFGH"})
    text = response.content.decode()
    assert "ABCD-EFGH" in text
    assert "We kennen deze code niet" in text or "We do not know this code" in text


def test_short_code_is_refused_with_a_message(client, db):
    response = client.post(reverse("accounts:code"), {"code": "abc"})
    assert response.context["form"].errors["code"]


@pytest.mark.parametrize("attempts", [10])
def test_code_attempts_are_rate_limited(client, household, attempts):
    for _ in range(attempts):
        client.post(reverse("accounts:code"), {"code": "WXYZ-WXYZ"})
    response = client.post(reverse("accounts:code"), {"code": household.join_code})
    assert response.status_code == 200  # no redirect: blocked even with the right code
    assert response.context["form"].non_field_errors()


def test_staff_login_with_password(client, users):
    response = client.post(
        reverse("accounts:login_staff"),
        {"username": users["facilitator"].email.upper(), "password": PASSWORD},
    )
    assert response.status_code == 302
    response = client.get(reverse("core:start"))
    assert response["Location"] == reverse("neighbourhoods:staff_overview")


def test_failed_staff_logins_are_rate_limited(client, db):
    user = UserFactory()
    for _ in range(10):
        client.post(reverse("accounts:login_staff"), {"username": user.email, "password": "wrong"})
    response = client.post(
        reverse("accounts:login_staff"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated


def test_magic_link_logs_in_once(client, household, mailoutbox, django_capture_on_commit_callbacks):
    ResidentFactory(household=household, display_name="Amina", email="amina@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:magic_link_request"), {"email": "Amina@example.org"}
        )
    assert response.status_code == 200
    assert len(mailoutbox) == 1
    url = re.search(r"https?://[^/]+(/aanmelden/link/\S+)", mailoutbox[0].body).group(1)
    assert client.get(url).status_code == 200  # a confirm button, so mail scanners do not use it up
    response = client.post(url)
    assert response.status_code == 302
    client.logout()
    assert client.post(url).status_code == 400  # used once: gone


def test_magic_link_for_unknown_address_sends_nothing_and_says_the_same(client, db, mailoutbox):
    response = client.post(reverse("accounts:magic_link_request"), {"email": "nobody@example.org"})
    assert response.status_code == 200
    assert mail.outbox == []


def test_resident_adds_a_household_member(client, users):
    client.force_login(users["resident"])
    response = client.post(
        reverse("accounts:household_member_add"),
        {"display_name": "Omar", "languages": ["ar", "nl"], "idempotency_key": "b" * 32},
    )
    assert response.status_code == 302
    household = users["resident"].resident.household
    assert household.residents.filter(display_name="Omar", languages=["ar", "nl"]).exists()


def test_bad_email_keeps_everything_typed(client, users):
    client.force_login(users["resident"])
    response = client.post(
        reverse("accounts:household_member_add"), {"display_name": "Omar", "email": "omar-at-home"}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert 'value="Omar"' in text and 'value="omar-at-home"' in text
    assert 'href="#id_email"' in text  # the error summary links to the field


def test_logout(client, users):
    client.force_login(users["resident"])
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("core:start")).status_code == 302


def test_password_reset_reaches_invited_staff_without_password(client, db, mailoutbox):
    user = UserFactory(password=None)
    user.set_unusable_password()
    user.save()
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert len(mailoutbox) == 1


def test_a_new_household_code_stops_the_old_one(client, users, household):
    client.force_login(users["facilitator"])
    old = household.join_code
    client.post(
        reverse(
            "neighbourhoods:household_renew_code",
            kwargs={"slug": household.neighbourhood.slug, "pk": household.pk},
        )
    )
    client.logout()
    response = client.post(reverse("accounts:code"), {"code": old})
    assert response.status_code == 200 and response.context["form"].errors


def test_other_household_member_cannot_be_picked(client, household):
    other = ResidentFactory(household=HouseholdFactory(neighbourhood=household.neighbourhood))
    _who_page(client, household.join_code)
    response = client.post(reverse("accounts:code_who"), {"resident": other.pk})
    assert response.status_code == 404
