"""Organisations, neighbourhoods, households, residents and roles."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samen.core.models import TimeStampedModel

# No 0/O, 1/I/L, 5/S, 2/Z: a code must survive being read aloud and copied from paper.
JOIN_CODE_ALPHABET = "346789ABCDEFGHJKMNPQRTUVWXY"
JOIN_CODE_LENGTH = 8


def new_join_code() -> str:
    """Make a random household join code (8 characters, about 38 bits)."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(raw: str) -> str:
    """Turn what a person typed into the stored form of a join code."""
    cleaned = "".join(ch for ch in raw.upper() if ch.isalnum())
    # Common misreadings of characters that codes never contain.
    return cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1", "S": "5", "Z": "2"}))


def format_join_code(code: str) -> str:
    """Show a join code in two groups of four: ABCD-EFGH."""
    return f"{code[:4]}-{code[4:]}" if len(code) == JOIN_CODE_LENGTH else code


class Role(models.TextChoices):
    """What a person may do in a neighbourhood."""

    RESIDENT = "resident", _("resident")
    COMMITTEE_MEMBER = "committee_member", _("committee member")
    FACILITATOR = "facilitator", _("community worker")
    HOUSING_STAFF = "housing_staff", _("housing company staff")
    ORGANISATION_ADMIN = "organisation_admin", _("organisation admin")


class Organisation(TimeStampedModel):
    """A housing company or a community organisation."""

    class Kind(models.TextChoices):
        HOUSING_COMPANY = "housing_company", _("housing company")
        COMMUNITY_ORGANISATION = "community_organisation", _("community organisation")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name in web addresses"), unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganisationMembership(TimeStampedModel):
    """A staff member of an organisation; admins manage its neighbourhoods and accounts."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    is_admin = models.BooleanField(_("organisation admin"), default=False)

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


class Neighbourhood(TimeStampedModel):
    """A neighbourhood (wijk) of a housing company."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("housing company"),
        on_delete=models.PROTECT,
        related_name="neighbourhoods",
        limit_choices_to={"kind": Organisation.Kind.HOUSING_COMPANY},
    )
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partner_neighbourhoods",
        help_text=_("Community organisations that work in this neighbourhood."),
    )
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name in web addresses"), unique=True)
    municipality = models.CharField(_("municipality"), max_length=80)
    sub_municipality = models.CharField(_("sub-municipality"), max_length=80, blank=True)
    introduction = models.TextField(_("introduction"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("neighbourhoods:public", kwargs={"slug": self.slug})

    @property
    def place(self) -> str:
        """Return 'Sint-Lenaarts (Brecht)' or just the municipality."""
        if self.sub_municipality:
            return f"{self.sub_municipality} ({self.municipality})"
        return self.municipality


class Household(TimeStampedModel):
    """An address unit in a neighbourhood; its join code lets residents take part."""

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="households",
    )
    street = models.CharField(_("street"), max_length=120)
    number = models.CharField(_("house number"), max_length=12)
    box = models.CharField(_("box"), max_length=12, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=8, blank=True)
    join_code = models.CharField(
        _("join code"), max_length=JOIN_CODE_LENGTH, unique=True, default=new_join_code
    )
    tenant_ref = models.CharField(
        _("tenant number"),
        max_length=64,
        blank=True,
        help_text=_("The housing company's own reference, used to match a new import."),
    )
    language = models.CharField(
        _("language for paper"),
        max_length=8,
        default="nl",
        choices=settings.RESIDENT_LANGUAGES,
    )
    # The numeric part of the house number, so that 2 sorts before 10.
    number_sort = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["street", "number_sort", "number", "box"]
        constraints = [
            models.UniqueConstraint(
                fields=["neighbourhood", "street", "number", "box"], name="household_address_unique"
            )
        ]
        # The staff list pages through a neighbourhood in address order.
        indexes = [
            models.Index(
                fields=["neighbourhood", "street", "number_sort", "number", "box"],
                name="household_list_order",
            )
        ]

    def __str__(self) -> str:
        return self.address

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        digits = "".join(ch for ch in self.number if ch.isdigit())
        self.number_sort = int(digits[:9]) if digits else 0
        super().save(*args, **kwargs)

    @property
    def address(self) -> str:
        """Return the street address, with the box if any."""
        address = f"{self.street} {self.number}"
        if self.box:
            address += f" {_('box')} {self.box}"
        return address

    @property
    def join_code_display(self) -> str:
        """Return the join code in two groups of four."""
        return format_join_code(self.join_code)


class Resident(TimeStampedModel):
    """A member of a household; may log in without a password."""

    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        on_delete=models.CASCADE,
        related_name="residents",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resident",
    )
    display_name = models.CharField(_("name"), max_length=80)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=32, blank=True)
    listed = models.BooleanField(
        _("show my name to neighbours"),
        default=False,
        help_text=_("Neighbours see your name in the neighbour list."),
    )

    class Meta:
        verbose_name = _("resident")
        verbose_name_plural = _("residents")
        ordering = ["display_name", "id"]

    def __str__(self) -> str:
        return self.display_name


class NeighbourhoodRole(TimeStampedModel):
    """A role given to a person in one neighbourhood: community worker or committee member.

    Housing staff and organisation admins get their roles through OrganisationMembership.
    """

    ASSIGNABLE = (Role.FACILITATOR, Role.COMMITTEE_MEMBER)

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="neighbourhood_roles",
    )
    role = models.CharField(
        _("role"), max_length=32, choices=[(r.value, r.label) for r in ASSIGNABLE]
    )

    class Meta:
        verbose_name = _("role in a neighbourhood")
        verbose_name_plural = _("roles in neighbourhoods")
        constraints = [
            models.UniqueConstraint(
                fields=["neighbourhood", "user", "role"], name="neighbourhood_role_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.neighbourhood}"


class TenantImport(TimeStampedModel):
    """An upload of the landlord's tenant list: previewed first, then applied all-or-nothing."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("waiting for confirmation")
        INVALID = "invalid", _("has errors")
        QUEUED = "queued", _("waiting to run")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("cancelled")

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="tenant_imports",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    filename = models.CharField(_("file"), max_length=200)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    # The parsed, normalised rows and the errors per row; kept until the import is applied.
    rows = models.JSONField(default=list, blank=True)
    errors = models.JSONField(default=list, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tenant list import")
        verbose_name_plural = _("tenant list imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse(
            "neighbourhoods:import_detail", kwargs={"slug": self.neighbourhood.slug, "pk": self.pk}
        )

    @property
    def percent(self) -> int:
        """Return the progress in whole percent."""
        return int(100 * self.done / self.total) if self.total else 0
