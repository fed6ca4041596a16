"""Writes about contributions, themes, answers, volunteers and the feedback report."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.core.idempotency import run_once
from samen.core.images import clean_image
from samen.core.services import audit_record
from samen.listening.models import (
    Channel,
    Contribution,
    FeedbackReport,
    Kind,
    Theme,
    ThemeResponse,
    Volunteer,
)
from samen.neighbourhoods.models import Household, Neighbourhood, Resident
from samen.trajectories.selectors import active_phases


def _current_phase(neighbourhood: Neighbourhood):  # type: ignore[no-untyped-def]
    phases = active_phases(neighbourhood=neighbourhood)
    return phases[0] if phases else None


def _clean_text(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


@dataclass(frozen=True)
class ContributionInput:
    """What one contribution consists of, before it is stored."""

    kind: str
    text: str
    channel: str
    household: Household | None = None
    street: str = ""
    language: str = ""
    consent_named: bool = False
    client_id: uuid.UUID | None = None


def contribution_create(
    *,
    neighbourhood: Neighbourhood,
    data: ContributionInput,
    author: Resident | None = None,
    entered_by: User | None = None,
    photo: UploadedFile | None = None,
    idempotency_key: str | None = None,
) -> Contribution:
    """Store one contribution (online, or entered by a worker); a retry stores it once."""
    if data.household is not None and data.household.neighbourhood_id != neighbourhood.pk:
        raise ValidationError({"household": _("This household is not in this neighbourhood.")})
    if data.client_id is not None:
        existing = Contribution.objects.filter(client_id=data.client_id).first()
        if existing is not None:
            return existing

    def create() -> Contribution:
        text = _clean_text(data.text)
        language = data.language
        if not language:
            from samen.listening.text import detect_language

            language = detect_language(text) or ""
        contribution = Contribution(
            neighbourhood=neighbourhood,
            phase=_current_phase(neighbourhood),
            kind=data.kind,
            text=text,
            channel=data.channel,
            language=language,
            language_confirmed=bool(data.language),
            household=data.household or (author.household if author else None),
            street=(data.household.street if data.household else data.street.strip()),
            author=author,
            entered_by=entered_by,
            consent_named=data.consent_named,
            client_id=data.client_id,
        )
        if photo is not None:
            contribution.photo = clean_image(photo)
        contribution.full_clean()
        contribution.save()
        return contribution

    try:
        contribution, _created = run_once(
            key=idempotency_key, scope="contribution_create", model=Contribution, create=create
        )
    except IntegrityError:
        # Two syncs of the same entry at the same moment: the other one stored it.
        if data.client_id is None:
            raise
        return Contribution.objects.get(client_id=data.client_id)
    return contribution


@transaction.atomic
def contribution_update(
    *,
    contribution: Contribution,
    actor: User,
    kind: str,
    text: str,
    language: str,
    street: str,
    household: Household | None,
    consent_named: bool,
) -> Contribution:
    """Correct a contribution (kind, text, language, place) as a worker."""
    contribution.kind = kind
    contribution.text = _clean_text(text)
    if language and language != contribution.language:
        contribution.language_confirmed = True
    contribution.language = language or contribution.language
    contribution.household = household
    contribution.street = household.street if household else street.strip()
    contribution.consent_named = consent_named
    contribution.full_clean()
    contribution.save()
    audit_record(
        actor=actor,
        action="contribution.changed",
        target=contribution,
        neighbourhood_id=contribution.neighbourhood_id,
    )
    return contribution


@transaction.atomic
def contribution_delete(*, contribution: Contribution, actor: User) -> None:
    """Remove a contribution entered by mistake."""
    audit_record(
        actor=actor,
        action="contribution.deleted",
        target=contribution,
        neighbourhood_id=contribution.neighbourhood_id,
    )
    if contribution.photo:
        contribution.photo.delete(save=False)
    contribution.delete()


def _status_for(theme: Theme | None) -> str:
    if theme is None:
        return Contribution.Status.NEW
    response = getattr(theme, "response", None) if theme.pk else None
    if response is not None and response.published:
        return Contribution.Status.ANSWERED
    return Contribution.Status.THEMED


@transaction.atomic
def contributions_assign(
    *, neighbourhood: Neighbourhood, contribution_ids: Iterable[int], theme: Theme | None
) -> int:
    """Put contributions in a theme (or take them out with theme=None); return how many."""
    if theme is not None and theme.neighbourhood_id != neighbourhood.pk:
        raise ValidationError(_("This theme is not in this neighbourhood."))
    status = _status_for(theme)
    return Contribution.objects.filter(
        neighbourhood=neighbourhood, pk__in=list(contribution_ids)
    ).update(theme=theme, status=status, updated_at=timezone.now())


def theme_create(
    *,
    neighbourhood: Neighbourhood,
    title: str,
    description: str = "",
    actor: User | None,
    idempotency_key: str | None = None,
) -> Theme:
    """Make a theme; a title that exists already is refused with a message."""

    def create() -> Theme:
        theme = Theme(
            neighbourhood=neighbourhood,
            title=title.strip(),
            description=description.strip(),
            created_by=actor,
        )
        theme.full_clean()
        theme.save()
        return theme

    theme, _created = run_once(
        key=idempotency_key, scope="theme_create", model=Theme, create=create
    )
    return theme


@transaction.atomic
def theme_update(*, theme: Theme, title: str, description: str) -> Theme:
    """Rename a theme or change its description."""
    theme.title = title.strip()
    theme.description = description.strip()
    theme.full_clean()
    theme.save()
    return theme


@transaction.atomic
def theme_merge(*, source: Theme, target: Theme) -> Theme:
    """Move every contribution of `source` into `target` and remove `source`."""
    if source.pk == target.pk:
        raise ValidationError(_("Choose another theme to merge with."))
    if source.neighbourhood_id != target.neighbourhood_id:
        raise ValidationError(_("This theme is not in this neighbourhood."))
    Contribution.objects.filter(theme=source).update(
        theme=target, status=_status_for(target), updated_at=timezone.now()
    )
    source_response = ThemeResponse.objects.filter(theme=source).first()
    if source_response is not None and not ThemeResponse.objects.filter(theme=target).exists():
        source_response.theme = target
        source_response.save(update_fields=["theme", "updated_at"])
    source.delete()
    return target


@transaction.atomic
def theme_delete(*, theme: Theme) -> None:
    """Remove a theme; its contributions become 'new' again."""
    Contribution.objects.filter(theme=theme).update(
        theme=None, status=Contribution.Status.NEW, updated_at=timezone.now()
    )
    theme.delete()


def theme_answer(
    *, theme: Theme, text: str, status: str, actor: User, published: bool = True
) -> ThemeResponse:
    """Give (or change) the answer to a theme; residents with an e-mail address are told."""
    from samen.listening.notices import notify_theme_answered

    with transaction.atomic():
        response = ThemeResponse.objects.filter(theme=theme).first() or ThemeResponse(theme=theme)
        first_publication = published and not (response.pk and response.published)
        response.text = text.strip()
        response.status = status
        response.answered_by = actor
        response.published = published
        response.full_clean()
        response.save()
        Contribution.objects.filter(theme=theme).update(
            status=Contribution.Status.ANSWERED if published else Contribution.Status.THEMED,
            updated_at=timezone.now(),
        )
        if first_publication:
            transaction.on_commit(lambda: notify_theme_answered(theme_id=theme.pk))
    return response


def volunteer_create(
    *,
    neighbourhood: Neighbourhood,
    areas: list[str],
    detail: str = "",
    contact: str = "",
    name: str = "",
    channel: str = Channel.ONLINE,
    resident: Resident | None = None,
    household: Household | None = None,
    entered_by: User | None = None,
    idempotency_key: str | None = None,
) -> Volunteer:
    """Record that someone wants to help."""
    valid = {choice for choice, _label in Volunteer.Area.choices}
    if not areas or not set(areas) <= valid:
        raise ValidationError({"areas": _("Choose what you want to help with.")})

    def create() -> Volunteer:
        volunteer = Volunteer(
            neighbourhood=neighbourhood,
            areas=sorted(set(areas)),
            detail=detail.strip(),
            contact=contact.strip(),
            name=(name.strip() or (resident.display_name if resident else "")),
            channel=channel,
            resident=resident,
            household=household or (resident.household if resident else None),
            entered_by=entered_by,
        )
        volunteer.full_clean()
        volunteer.save()
        return volunteer

    volunteer, _created = run_once(
        key=idempotency_key, scope="volunteer_create", model=Volunteer, create=create
    )
    return volunteer


@transaction.atomic
def feedback_conclusion_save(
    *, neighbourhood: Neighbourhood, conclusion: str, actor: User
) -> FeedbackReport:
    """Save the community worker's conclusion for the feedback report."""
    report, _created = FeedbackReport.objects.get_or_create(neighbourhood=neighbourhood)
    report.conclusion = conclusion.strip()
    report.written_by = actor
    report.full_clean()
    report.save()
    return report


def resident_contributions_anonymise(*, resident: Resident) -> int:
    """Unlink a resident's contributions from them (account erasure); the texts stay.

    The household link goes too (a household of one would name the person); the street stays,
    so reach figures per street keep counting them.
    """
    return Contribution.objects.filter(Q(author=resident)).update(
        author=None, household=None, entered_by=None, consent_named=False, updated_at=timezone.now()
    )


KIND_VALUES = set(Kind.values)
CHANNEL_VALUES = set(Channel.values)
LANGUAGE_VALUES = {code for code, _label in settings.RESIDENT_LANGUAGES}


def parse_kind(value: Any) -> str:
    """Return a valid kind or raise a ValidationError with a message."""
    if value not in KIND_VALUES:
        raise ValidationError(
            {"kind": _("Choose what it is: a question, a frustration, an idea or a need.")}
        )
    return str(value)
