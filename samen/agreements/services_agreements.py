"""Writes for neighbourhood agreements (wijkafspraken): texts, versions, status, endorsements."""

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.agreements.models import (
    Agreement,
    AgreementTranslation,
    AgreementVersion,
    Endorsement,
    Evaluation,
)
from samen.core.idempotency import run_once
from samen.core.services import audit_record
from samen.neighbourhoods.models import Household, Neighbourhood

Status = Agreement.Status


def _save_version(*, agreement: Agreement, actor: Any) -> AgreementVersion:
    version = AgreementVersion(
        agreement=agreement,
        version=agreement.version,
        title=agreement.title,
        text=agreement.text,
        status=agreement.status,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    version.full_clean()
    version.save()
    return version


def agreement_create(
    *,
    neighbourhood: Neighbourhood,
    title: str,
    text: str,
    topic: str,
    responsible: str,
    review_on: datetime.date | None = None,
    actor: Any = None,
    idempotency_key: str | None = None,
) -> Agreement:
    """Write a new agreement as a draft, with its first version."""

    def create() -> Agreement:
        agreement = Agreement(
            neighbourhood=neighbourhood,
            title=title.strip(),
            text=text.strip(),
            topic=topic,
            responsible=responsible,
            review_on=review_on,
            status=Status.DRAFT,
            version=1,
        )
        agreement.full_clean()
        agreement.save()
        _save_version(agreement=agreement, actor=actor)
        return agreement

    agreement, _created = run_once(
        key=idempotency_key, scope="agreement_create", model=Agreement, create=create
    )
    return agreement


@transaction.atomic
def agreement_update(
    *,
    agreement: Agreement,
    title: str,
    text: str,
    topic: str,
    responsible: str,
    review_on: datetime.date | None,
    actor: Any = None,
) -> Agreement:
    """Change an agreement; a changed title or text makes a new version (the old ones stay)."""
    title, text = title.strip(), text.strip()
    text_changed = title != agreement.title or text != agreement.text
    agreement.title = title
    agreement.text = text
    agreement.topic = topic
    agreement.responsible = responsible
    if review_on != agreement.review_on:
        agreement.review_on = review_on
        agreement.review_reminded_on = None
    if text_changed:
        agreement.version += 1
    agreement.full_clean()
    agreement.save()
    if text_changed:
        _save_version(agreement=agreement, actor=actor)
    return agreement


@transaction.atomic
def agreement_set_status(
    *,
    agreement: Agreement,
    status: str,
    place: str = "",
    actor: Any = None,
) -> Agreement:
    """Move an agreement along its pipeline; refuse any change the pipeline does not allow.

    `place` is the meeting or activity where it was discussed or adopted.
    """
    current = Status(agreement.status)
    if status not in Status.values or status not in Agreement.PIPELINE[current]:
        allowed = ", ".join(
            str(Status(s).label)
            for s in sorted(Agreement.PIPELINE[current], key=Status.values.index)
        )
        raise ValidationError(
            _(
                "An agreement that is “%(current)s” cannot become “%(wanted)s”. "
                "It can become: %(allowed)s."
            )
            % {
                "current": current.label,
                "wanted": Status(status).label if status in Status.values else status,
                "allowed": allowed,
            },
            code="pipeline",
        )
    place = (place or "").strip()
    if len(place) > 160:
        raise ValidationError(
            {
                "place": _("Write the place in at most 160 characters, now %(n)d.")
                % {"n": len(place)}
            }
        )
    agreement.status = status
    if status == Status.DISCUSSED and place:
        agreement.discussed_at = place
    if status == Status.ADOPTED:
        if place:
            agreement.adopted_at = place
        agreement.adopted_on = timezone.localdate()
    agreement.full_clean()
    agreement.save()
    if status == Status.DRAFT:
        # Back to draft for a revision: keep the moment in the history.
        agreement.version += 1
        agreement.save(update_fields=["version", "updated_at"])
        _save_version(agreement=agreement, actor=actor)
    audit_record(
        actor=actor,
        action="agreement.status_changed",
        target=agreement,
        neighbourhood_id=agreement.neighbourhood_id,
        data={"from": str(current), "to": status},
    )
    return agreement


@transaction.atomic
def translation_save(
    *, agreement: Agreement, language: str, title: str, text: str
) -> AgreementTranslation | None:
    """Save the agreement's text in another language; an empty title and text remove it."""
    title, text = title.strip(), text.strip()
    existing = AgreementTranslation.objects.filter(agreement=agreement, language=language).first()
    if not title and not text:
        if existing is not None:
            existing.delete()
        return None
    translation = existing or AgreementTranslation(agreement=agreement, language=language)
    translation.title = title
    translation.text = text
    translation.full_clean()
    translation.save()
    return translation


def endorsement_create(*, agreement: Agreement, household: Household) -> Endorsement:
    """A household says “wij doen mee” to an adopted agreement, once."""
    if agreement.status != Status.ADOPTED:
        raise ValidationError(
            _("You can only join an agreement that the neighbourhood has adopted."),
            code="not_adopted",
        )
    if household.neighbourhood_id != agreement.neighbourhood_id:
        raise ValidationError(_("This agreement is for another neighbourhood."), code="other")
    try:
        with transaction.atomic():
            return Endorsement.objects.create(agreement=agreement, household=household)
    except IntegrityError:
        raise ValidationError(
            _("Your household already takes part in this agreement. Thank you!"),
            code="already",
        ) from None


@transaction.atomic
def evaluation_record(
    *,
    agreement: Agreement,
    outcome: str,
    follow_up: str = "",
    evaluated_on: datetime.date | None = None,
    actor: Any = None,
    idempotency_key: str | None = None,
) -> Evaluation:
    """Record how an adopted agreement worked out and what follows; it becomes “evaluated”."""
    if agreement.status not in (Status.ADOPTED, Status.EVALUATED):
        raise ValidationError(
            _("Only an adopted agreement can be evaluated. This one is “%(status)s”.")
            % {"status": Status(agreement.status).label},
            code="pipeline",
        )

    def create() -> Evaluation:
        evaluation = Evaluation(
            agreement=agreement,
            outcome=outcome,
            follow_up=follow_up.strip(),
            evaluated_on=evaluated_on or timezone.localdate(),
            evaluated_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        evaluation.full_clean()
        evaluation.save()
        if agreement.status != Status.EVALUATED:
            agreement.status = Status.EVALUATED
            agreement.save(update_fields=["status", "updated_at"])
        return evaluation

    evaluation, _created = run_once(
        key=idempotency_key, scope="evaluation_record", model=Evaluation, create=create
    )
    return evaluation


def _reminder_recipients(neighbourhood_ids: set[int]) -> dict[int, dict[str, str]]:
    """E-mail → language of the facilitators and committee members, per neighbourhood."""
    from samen.neighbourhoods.models import NeighbourhoodRole, Resident, Role

    interface = {code for code, _name in settings.LANGUAGES}
    result: dict[int, dict[str, str]] = {pk: {} for pk in neighbourhood_ids}
    roles = NeighbourhoodRole.objects.filter(
        neighbourhood_id__in=neighbourhood_ids,
        role__in=[Role.FACILITATOR, Role.COMMITTEE_MEMBER],
    ).values_list("neighbourhood_id", "user_id", "user__email")
    user_ids = {user_id for _n, user_id, _e in roles}
    residents = {
        user_id: (email, languages)
        for user_id, email, languages in Resident.objects.filter(user_id__in=user_ids).values_list(
            "user_id", "email", "languages"
        )
    }
    for neighbourhood_id, user_id, user_email in roles:
        resident_email, languages = residents.get(user_id, ("", []))
        email = resident_email or user_email or ""
        if not email:
            continue
        language = next((code for code in languages or [] if code in interface), "nl")
        result[neighbourhood_id].setdefault(email.lower(), language)
    return result


def _send_reminders(agreement_ids: list[int]) -> None:
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils import translation

    agreements = list(
        Agreement.objects.select_related("neighbourhood").filter(pk__in=agreement_ids)
    )
    recipients = _reminder_recipients({a.neighbourhood_id for a in agreements})
    for agreement in agreements:
        url = settings.SITE_URL + agreement.get_absolute_url()
        for email, language in recipients[agreement.neighbourhood_id].items():
            with translation.override(language):
                body = render_to_string(
                    "agreements/agreement_review_email.txt", {"agreement": agreement, "url": url}
                )
                subject = _("Time to look back at an agreement: %(title)s") % {
                    "title": agreement.title
                }
                send_mail(subject, body, None, [email])


def agreement_review_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind facilitators and committee of agreements due for review; return how many agreements.

    Each agreement is reminded once per review date (changing the date allows a new one).
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        due = list(
            Agreement.objects.select_for_update()
            .filter(
                status=Status.ADOPTED,
                review_on__isnull=False,
                review_on__lte=today,
                review_reminded_on__isnull=True,
            )
            .values_list("pk", flat=True)
        )
        if not due:
            return 0
        Agreement.objects.filter(pk__in=due).update(review_reminded_on=today)
        transaction.on_commit(lambda: _send_reminders(due))
    return len(due)
