"""Writes for logging in: magic links by e-mail and join-code accounts."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from samen.accounts.tokens import magic_link_tokens
from samen.neighbourhoods.models import Resident
from samen.neighbourhoods.services import resident_account


def magic_link_url(*, user_pk: int, token: str) -> str:
    """Return the absolute URL of a login link."""
    uidb64 = urlsafe_base64_encode(force_bytes(user_pk))
    path = reverse("accounts:magic_link", kwargs={"uidb64": uidb64, "token": token})
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def magic_link_send(*, email: str) -> int:
    """E-mail a one-time login link to every resident with this address; return how many."""
    residents = list(
        Resident.objects.select_related("household__neighbourhood", "user").filter(
            email__iexact=email.strip()
        )
    )
    links = []
    for resident in residents:
        user = resident_account(resident=resident)
        if not user.is_active:
            continue
        links.append(
            {
                "name": resident.display_name,
                "neighbourhood": resident.household.neighbourhood.name,
                "url": magic_link_url(user_pk=user.pk, token=magic_link_tokens.make_token(user)),
            }
        )
    if links:
        language = translation.get_language()

        def send() -> None:
            with translation.override(language):
                body = render_to_string("accounts/email/magic_link.txt", {"links": links})
                send_mail(_("Your login link for Samen"), body, None, [email.strip()])

        transaction.on_commit(send)
    return len(links)


def resident_data_export(*, resident: Resident) -> dict:
    """Return everything Samen keeps about the resident, for download."""
    from django.utils import timezone

    from samen.core.personal_data import collect

    return {"exported_at": timezone.now().isoformat(), **collect(resident)}


@transaction.atomic
def resident_erase(*, resident: Resident) -> None:
    """Erase a resident's account: every app removes or anonymises its data, then the person."""
    from samen.core.personal_data import personal_data_modules
    from samen.core.services import audit_record

    for module in personal_data_modules():
        module.erase(resident)
    audit_record(
        actor=None,
        action="resident.erased",
        neighbourhood_id=resident.household.neighbourhood_id,
        data={"household": resident.household_id},
    )
    user = resident.user
    resident.delete()
    if user is not None:
        user.delete()
