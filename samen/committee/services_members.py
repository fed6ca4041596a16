"""Writes of the members part: committee, memberships, role descriptions, charter, news, questions."""

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samen.committee.charter_templates import ROLE_DESCRIPTIONS
from samen.committee.models import (
    CharterDocument,
    CharterVersion,
    Committee,
    CommitteeRole,
    Meeting,
    Membership,
    News,
    Question,
    RoleDescription,
)
from samen.core.idempotency import run_once
from samen.core.services import audit_record
from samen.neighbourhoods.models import Neighbourhood, NeighbourhoodRole, Resident, Role
from samen.neighbourhoods.services import resident_account


@transaction.atomic
def committee_get_or_create(*, neighbourhood: Neighbourhood) -> Committee:
    """The neighbourhood's committee, with a description for every role (plain-Dutch defaults)."""
    committee, _created = Committee.objects.get_or_create(
        neighbourhood=neighbourhood, defaults={"name": f"Buurtcomité {neighbourhood.name}"}
    )
    have = set(committee.role_descriptions.values_list("role", flat=True))
    missing = [
        RoleDescription(committee=committee, role=role, description=ROLE_DESCRIPTIONS[role])
        for role in CommitteeRole.values
        if role not in have
    ]
    if missing:
        RoleDescription.objects.bulk_create(missing)
    return committee


def _sync_committee_role(committee: Committee, resident: Resident) -> None:
    """Keep the NeighbourhoodRole committee_member in step with the open terms."""
    has_open = Membership.objects.filter(
        committee=committee, resident=resident, ends_on__isnull=True
    ).exists()
    neighbourhood_id = committee.neighbourhood_id
    if has_open:
        user = resident_account(resident=resident)
        NeighbourhoodRole.objects.get_or_create(
            neighbourhood_id=neighbourhood_id, user=user, role=Role.COMMITTEE_MEMBER
        )
    elif resident.user_id:
        NeighbourhoodRole.objects.filter(
            neighbourhood_id=neighbourhood_id, user_id=resident.user_id, role=Role.COMMITTEE_MEMBER
        ).delete()


@transaction.atomic
def membership_start(
    *,
    committee: Committee,
    resident: Resident,
    role: str,
    starts_on: datetime.date,
    actor: Any = None,
) -> Membership:
    """Give a resident of the neighbourhood a role from a date; one open term per role."""
    if resident.household.neighbourhood_id != committee.neighbourhood_id:
        raise ValidationError({"resident": _("Choose a resident of this neighbourhood.")})
    if Membership.objects.filter(
        committee=committee, resident=resident, role=role, ends_on__isnull=True
    ).exists():
        raise ValidationError({"role": _("This resident already has this role.")})
    membership = Membership(committee=committee, resident=resident, role=role, starts_on=starts_on)
    membership.full_clean()
    membership.save()
    _sync_committee_role(committee, resident)
    audit_record(
        actor=actor,
        action="committee.membership_start",
        target=membership,
        neighbourhood_id=committee.neighbourhood_id,
        data={"role": role},
    )
    return membership


@transaction.atomic
def membership_end(*, membership: Membership, ends_on: datetime.date, actor: Any = None) -> None:
    """End a term; the term stays in the history."""
    if membership.ends_on is not None:
        raise ValidationError(_("This term has already ended."))
    if ends_on < membership.starts_on:
        raise ValidationError({"ends_on": _("The end cannot be before the start.")})
    membership.ends_on = ends_on
    membership.full_clean()
    membership.save(update_fields=["ends_on", "updated_at"])
    _sync_committee_role(membership.committee, membership.resident)
    audit_record(
        actor=actor,
        action="committee.membership_end",
        target=membership,
        neighbourhood_id=membership.committee.neighbourhood_id,
        data={"role": membership.role},
    )


@transaction.atomic
def role_description_edit(*, committee: Committee, role: str, description: str) -> RoleDescription:
    """Change the tasks of a role."""
    item = RoleDescription.objects.filter(committee=committee, role=role).first() or (
        RoleDescription(committee=committee, role=role)
    )
    item.description = description.strip()
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def charter_document_save(
    *, committee: Committee, kind: str, text: str, actor: Any = None
) -> CharterVersion:
    """Save a charter text as a new version (version + 1); an unchanged text adds nothing."""
    text = text.strip()
    document = CharterDocument(committee=committee, kind=kind)
    document.full_clean(validate_constraints=False)
    document, _created = CharterDocument.objects.select_for_update().get_or_create(
        committee=committee, kind=kind
    )
    latest = document.versions.order_by("-version").first()
    if latest is not None and latest.text == text:
        return latest
    number = (document.versions.aggregate(n=Max("version"))["n"] or 0) + 1
    version = CharterVersion(
        document=document,
        version=number,
        text=text,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    version.full_clean()
    version.save()
    return version


@transaction.atomic
def charter_version_adopt(*, version: CharterVersion, meeting: Meeting) -> CharterVersion:
    """Record the meeting (of this committee) that adopted this version."""
    if meeting.committee_id != version.document.committee_id:
        raise ValidationError({"meeting": _("Choose a meeting of this committee.")})
    version.adopted_at = meeting
    version.save(update_fields=["adopted_at"])
    return version


def news_post(
    *,
    committee: Committee,
    title: str,
    text: str,
    author: Any = None,
    idempotency_key: str | None = None,
) -> News:
    """Post a news item on the neighbourhood page."""

    def create() -> News:
        item = News(
            committee=committee,
            title=title.strip(),
            text=text.strip(),
            author=author if getattr(author, "is_authenticated", False) else None,
            published_at=timezone.now(),
        )
        item.full_clean()
        item.save()
        return item

    item, _created = run_once(
        key=idempotency_key, scope="committee.news", model=News, create=create
    )
    return item


def question_ask(
    *,
    committee: Committee,
    resident: Resident,
    text: str,
    idempotency_key: str | None = None,
) -> Question:
    """A resident sends the committee a question."""

    def create() -> Question:
        question = Question(
            committee=committee,
            resident=resident,
            household=resident.household,
            text=text.strip(),
        )
        question.full_clean()
        question.save()
        return question

    question, _created = run_once(
        key=idempotency_key, scope="committee.question", model=Question, create=create
    )
    return question


def _mail_answer(question_id: int) -> None:
    question = Question.objects.select_related("resident", "committee__neighbourhood").get(
        pk=question_id
    )
    resident = question.resident
    if resident is None or not resident.email:
        return
    language = (resident.languages or ["nl"])[0]
    if language not in dict(settings.LANGUAGES):
        language = "nl"
    with translation.override(language):
        subject = _("The neighbourhood committee answered your question")
        body = _(
            "Hello %(name)s,\n\nYou asked: %(question)s\n\nThe committee answers: %(answer)s\n"
        ) % {"name": resident.display_name, "question": question.text, "answer": question.answer}
    send_mail(subject, body, None, [resident.email])


@transaction.atomic
def question_answer(*, question: Question, answer: str, actor: Any = None) -> Question:
    """A member or the facilitator answers; the resident gets an e-mail if they gave an address."""
    answer = answer.strip()
    if not answer:
        raise ValidationError({"answer": _("Write an answer.")})
    question.answer = answer
    question.answered_by = actor if getattr(actor, "is_authenticated", False) else None
    question.answered_at = timezone.now()
    question.full_clean()
    question.save(update_fields=["answer", "answered_by", "answered_at", "updated_at"])
    question_id = question.pk
    transaction.on_commit(lambda: _mail_answer(question_id))
    return question
