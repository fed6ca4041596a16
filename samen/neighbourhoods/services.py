"""Writes about neighbourhoods and people: each a typed, keyword-only function in a transaction."""

from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from samen.accounts.models import User
from samen.core.idempotency import run_once
from samen.core.services import audit_record
from samen.neighbourhoods.models import (
    Household,
    Neighbourhood,
    NeighbourhoodRole,
    Organisation,
    OrganisationMembership,
    Resident,
    new_join_code,
)

LANGUAGE_CODES = {code for code, _label in settings.RESIDENT_LANGUAGES}


def _unique_slug(model: Any, text: str) -> str:
    base = slugify(text)[:40] or "wijk"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def organisation_create(*, name: str, kind: str, slug: str = "") -> Organisation:
    """Create an organisation (housing company or community organisation)."""
    organisation = Organisation(name=name, kind=kind, slug=slug or _unique_slug(Organisation, name))
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def membership_set(
    *, organisation: Organisation, user: User, is_admin: bool = False
) -> OrganisationMembership:
    """Make `user` a staff member (or admin) of the organisation."""
    membership, _created = OrganisationMembership.objects.update_or_create(
        organisation=organisation, user=user, defaults={"is_admin": is_admin}
    )
    return membership


def neighbourhood_create(
    *,
    organisation: Organisation,
    name: str,
    municipality: str,
    sub_municipality: str = "",
    slug: str = "",
    introduction: str = "",
    idempotency_key: str | None = None,
) -> Neighbourhood:
    """Create a neighbourhood of a housing company."""

    def create() -> Neighbourhood:
        neighbourhood = Neighbourhood(
            organisation=organisation,
            name=name,
            municipality=municipality,
            sub_municipality=sub_municipality,
            introduction=introduction,
            slug=slug or _unique_slug(Neighbourhood, name),
        )
        neighbourhood.full_clean()
        neighbourhood.save()
        return neighbourhood

    neighbourhood, _created = run_once(
        key=idempotency_key, scope="neighbourhood_create", model=Neighbourhood, create=create
    )
    return neighbourhood


def _free_join_code() -> str:
    for _attempt in range(20):
        code = new_join_code()
        if not Household.objects.filter(join_code=code).exists():
            return code
    raise RuntimeError("Could not find a free join code.")  # pragma: no cover - 27^8 codes


@transaction.atomic
def household_create(
    *,
    neighbourhood: Neighbourhood,
    street: str,
    number: str,
    box: str = "",
    postal_code: str = "",
    tenant_ref: str = "",
    language: str = "nl",
) -> Household:
    """Create a household at an address, with a fresh join code."""
    household = Household(
        neighbourhood=neighbourhood,
        street=street.strip(),
        number=number.strip(),
        box=box.strip(),
        postal_code=postal_code.strip(),
        tenant_ref=tenant_ref.strip(),
        language=language,
        join_code=_free_join_code(),
    )
    household.full_clean()
    household.save()
    return household


@transaction.atomic
def household_new_join_code(*, household: Household, actor: User) -> Household:
    """Give a household a new join code (the old one stops working)."""
    household.join_code = _free_join_code()
    household.full_clean()
    household.save(update_fields=["join_code", "updated_at"])
    audit_record(
        actor=actor,
        action="household.join_code_renewed",
        target=household,
        neighbourhood_id=household.neighbourhood_id,
    )
    return household


def _clean_languages(languages: list[str] | None) -> list[str]:
    return [code for code in dict.fromkeys(languages or []) if code in LANGUAGE_CODES]


def resident_create(
    *,
    household: Household,
    display_name: str,
    languages: list[str] | None = None,
    email: str = "",
    phone: str = "",
    listed: bool = False,
    actor: User | None = None,
    idempotency_key: str | None = None,
) -> Resident:
    """Add a resident to a household (by a household member, staff or an import)."""

    def create() -> Resident:
        resident = Resident(
            household=household,
            display_name=display_name.strip(),
            languages=_clean_languages(languages),
            email=email.strip().lower(),
            phone=phone.strip(),
            listed=listed,
        )
        resident.full_clean()
        resident.save()
        if actor is not None and not _is_member_of(actor, household):
            audit_record(
                actor=actor,
                action="resident.created",
                target=resident,
                neighbourhood_id=household.neighbourhood_id,
            )
        return resident

    resident, _created = run_once(
        key=idempotency_key, scope=f"resident_create:{household.pk}", model=Resident, create=create
    )
    return resident


def _is_member_of(user: User, household: Household) -> bool:
    resident = Resident.objects.filter(user=user).only("household_id").first()
    return resident is not None and resident.household_id == household.pk


@transaction.atomic
def resident_update(
    *,
    resident: Resident,
    actor: User,
    display_name: str,
    languages: list[str] | None,
    email: str,
    phone: str,
    listed: bool,
) -> Resident:
    """Change a resident's details; staff changes are written to the audit log."""
    resident.display_name = display_name.strip()
    resident.languages = _clean_languages(languages)
    resident.email = email.strip().lower()
    resident.phone = phone.strip()
    resident.listed = listed
    resident.full_clean()
    resident.save()
    if resident.user_id:
        User.objects.filter(pk=resident.user_id).update(display_name=resident.display_name)
    if not _is_member_of(actor, resident.household):
        audit_record(
            actor=actor,
            action="resident.changed",
            target=resident,
            neighbourhood_id=resident.household.neighbourhood_id,
        )
    return resident


@transaction.atomic
def resident_account(*, resident: Resident) -> User:
    """Return the resident's login account, creating one (without password) the first time."""
    if resident.user_id:
        return resident.user  # type: ignore[return-value]
    user = User.objects.create_user(
        email=None,
        password=None,
        display_name=resident.display_name,
        language=(resident.languages or ["nl"])[0]
        if (resident.languages or ["nl"])[0] in dict(settings.LANGUAGES)
        else "nl",
    )
    resident.user = user
    resident.save(update_fields=["user", "updated_at"])
    return user


@transaction.atomic
def role_assign(
    *, neighbourhood: Neighbourhood, user: User, role: str, actor: User | None
) -> NeighbourhoodRole:
    """Give a user a role in a neighbourhood (idempotent: a second call changes nothing)."""
    assignment = NeighbourhoodRole(neighbourhood=neighbourhood, user=user, role=role)
    assignment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            assignment.save()
    except IntegrityError:
        return NeighbourhoodRole.objects.get(neighbourhood=neighbourhood, user=user, role=role)
    audit_record(
        actor=actor,
        action="role.assigned",
        target=assignment,
        neighbourhood_id=neighbourhood.pk,
        data={"role": role, "user": user.pk},
    )
    return assignment


@transaction.atomic
def role_revoke(*, assignment: NeighbourhoodRole, actor: User) -> None:
    """Take a role away."""
    audit_record(
        actor=actor,
        action="role.revoked",
        target=assignment,
        neighbourhood_id=assignment.neighbourhood_id,
        data={"role": assignment.role, "user": assignment.user_id},
    )
    assignment.delete()


@transaction.atomic
def staff_account_get_or_create(*, email: str, display_name: str) -> tuple[User, bool]:
    """Find a staff account by e-mail, or create one without a password (it is set by e-mail)."""
    email = User.objects.normalize_email(email.strip()).lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user, False
    user = User(email=email, display_name=display_name.strip())
    user.set_unusable_password()
    user.full_clean()
    user.save()
    return user, True


def staff_invite(
    *, neighbourhood: Neighbourhood, email: str, display_name: str, actor: User
) -> NeighbourhoodRole:
    """Make someone a community worker here; a new account gets a set-password e-mail."""
    from django.contrib.auth.tokens import default_token_generator
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from samen.neighbourhoods.models import Role

    with transaction.atomic():
        user, created = staff_account_get_or_create(
            email=email, display_name=display_name or email.split("@")[0]
        )
        assignment = role_assign(
            neighbourhood=neighbourhood, user=user, role=Role.FACILITATOR, actor=actor
        )
        if created or not user.has_usable_password():
            uid = urlsafe_base64_encode(force_bytes(user.pk))
            token = default_token_generator.make_token(user)
            path = reverse(
                "accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token}
            )
            body = render_to_string(
                "neighbourhoods/email/staff_invite.txt",
                {
                    "neighbourhood": neighbourhood,
                    "url": f"{settings.SITE_URL}{path}",
                    "inviter": actor.display_name,
                },
            )
            transaction.on_commit(
                lambda: send_mail(f"Samen – {neighbourhood.name}", body, None, [user.email])
            )
    return assignment
