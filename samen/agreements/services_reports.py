"""Writes about reports (meldingen): a resident reports, the housing company follows up."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.agreements.models import Agreement, Report, ReportEvent
from samen.core.idempotency import run_once
from samen.core.images import clean_photo_field
from samen.core.services import audit_record
from samen.neighbourhoods.models import Household, Neighbourhood, Resident
from samen.neighbourhoods.selectors import street_names

TEXT_MAX_CHARS = 3000


@dataclass(frozen=True)
class ReportInput:
    """What one report consists of, before it is stored."""

    kind: str
    text: str
    place: str
    # The reporting household (a community worker picks it; a resident's own is used otherwise).
    household: Household | None = None
    street: str = ""
    place_detail: str = ""
    agreement: Agreement | None = None
    reporter_visible: bool = False


def _clean_text(text: str) -> str:
    return "\n".join(line.rstrip() for line in (text or "").strip().splitlines())


def _check_text(text: str, field: str = "text", required: bool = True) -> None:
    if required and not text:
        raise ValidationError({field: _("Write what is wrong.")})
    if len(text) > TEXT_MAX_CHARS:
        raise ValidationError(
            {
                field: _(
                    "Your text is too long: at most %(limit)d characters, now %(length)d. "
                    "Make it shorter."
                )
                % {"limit": TEXT_MAX_CHARS, "length": len(text)}
            }
        )


def report_create(
    *,
    neighbourhood: Neighbourhood,
    data: ReportInput,
    reporter: Resident | None = None,
    entered_by: User | None = None,
    photo: UploadedFile | None = None,
    idempotency_key: str | None = None,
) -> Report:
    """Store a report (by a resident online, or typed in by a worker); a retry stores it once."""
    text = _clean_text(data.text)
    _check_text(text)
    if data.kind not in Report.Kind.values:
        raise ValidationError({"kind": _("Choose what kind of problem it is.")})
    if data.place not in Report.Place.values:
        raise ValidationError({"place": _("Choose where the problem is.")})
    household = reporter.household if reporter is not None else data.household
    if household is not None and household.neighbourhood_id != neighbourhood.pk:
        raise ValidationError(
            {"household": _("This address is not in this neighbourhood. Choose another one.")}
        )
    street = data.street.strip()
    place_detail = data.place_detail.strip()
    if street and street not in street_names(neighbourhood=neighbourhood):
        raise ValidationError(
            {
                "street": _(
                    "This street is not in %(name)s. Choose a street of this neighbourhood."
                )
                % {"name": neighbourhood.name}
            }
        )
    if data.place == Report.Place.HOME:
        if household is None:
            raise ValidationError(
                {"household": _("Choose the address of the home with the problem.")}
            )
        street = household.street
    elif data.place == Report.Place.COMMON_AREA:
        if not place_detail:
            raise ValidationError(
                {"place_detail": _("Say where exactly, for example: the bicycle shed.")}
            )
    elif not street:
        raise ValidationError({"street": _("Choose the street.")})
    if data.agreement is not None and data.agreement.neighbourhood_id != neighbourhood.pk:
        raise ValidationError({"agreement": _("This agreement is not in this neighbourhood.")})
    clean_photo = clean_photo_field(photo)

    def create() -> Report:
        report = Report(
            neighbourhood=neighbourhood,
            kind=data.kind,
            text=text,
            place=data.place,
            household=household,
            street=street,
            place_detail=place_detail,
            agreement=data.agreement,
            reporter=reporter,
            entered_by=entered_by,
            reporter_visible=data.reporter_visible,
            status=Report.Status.RECEIVED,
        )
        if clean_photo is not None:
            report.photo = clean_photo
        report.full_clean()
        report.save()
        ReportEvent.objects.create(
            report=report,
            from_status="",
            to_status=Report.Status.RECEIVED,
            by=entered_by,
            at=report.created_at,
        )
        return report

    report, _created = run_once(
        key=idempotency_key, scope="report_create", model=Report, create=create
    )
    return report


def _allowed_labels(status: str) -> str:
    allowed = Report.PIPELINE.get(status, set())
    return ", ".join(str(Report.Status(s).label) for s in Report.Status.values if s in allowed)


def report_set_status(
    *,
    report: Report,
    to_status: str,
    actor: User,
    answer: str = "",
    assigned_to: Any = None,
    planned_on: datetime.date | None = None,
    redirect_to: str = "",
) -> Report:
    """Move a report one step along its pipeline, timed, with an optional answer to the reporter."""
    answer = _clean_text(answer)
    _check_text(answer, field="answer", required=False)
    redirect_to = (redirect_to or "").strip()
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        from_status = report.status
        if to_status not in Report.PIPELINE.get(from_status, set()):
            allowed = _allowed_labels(from_status)
            message = (
                _("A report that is “%(from)s” cannot become “%(to)s”. It can become: %(allowed)s.")
                if allowed
                else _("A report that is “%(from)s” cannot change any more.")
            )
            raise ValidationError(
                {
                    "to_status": message
                    % {
                        "from": Report.Status(from_status).label,
                        "to": Report.Status(to_status).label
                        if to_status in Report.Status.values
                        else to_status,
                        "allowed": allowed,
                    }
                }
            )
        if to_status == Report.Status.NOT_OURS and not redirect_to:
            raise ValidationError(
                {"redirect_to": _("Say where the resident can go with this instead.")}
            )
        if to_status == Report.Status.PLANNED and planned_on is None:
            raise ValidationError({"planned_on": _("Choose the day the work is planned.")})
        now = timezone.now()
        report.status = to_status
        if report.first_answer_at is None:
            report.first_answer_at = now
        if to_status == Report.Status.ASSIGNED:
            report.assigned_to = assigned_to or actor
            # A report that comes back is not resolved or closed any more.
            report.resolved_at = None
            report.closed_at = None
        elif to_status == Report.Status.PLANNED:
            report.planned_on = planned_on
        elif to_status == Report.Status.RESOLVED:
            report.resolved_at = now
        elif to_status == Report.Status.CLOSED:
            report.closed_at = now
        elif to_status == Report.Status.NOT_OURS:
            report.redirect_to = redirect_to
            report.closed_at = now
        report.full_clean()
        report.save()
        event = ReportEvent(
            report=report,
            from_status=from_status,
            to_status=to_status,
            answer=answer,
            by=actor,
            at=now,
        )
        event.full_clean()
        event.save()
        audit_record(
            actor=actor,
            action="report.status_changed",
            target=report,
            neighbourhood_id=report.neighbourhood_id,
            data={"from": from_status, "to": to_status},
        )
        _notify_later(event)
    return report


def report_answer(*, report: Report, answer: str, actor: User) -> ReportEvent:
    """Answer the reporter without changing the status."""
    answer = _clean_text(answer)
    if not answer:
        raise ValidationError({"answer": _("Write your answer.")})
    _check_text(answer, field="answer")
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        now = timezone.now()
        if report.first_answer_at is None:
            report.first_answer_at = now
            report.save(update_fields=["first_answer_at", "updated_at"])
        event = ReportEvent(
            report=report,
            from_status=report.status,
            to_status=report.status,
            answer=answer,
            by=actor,
            at=now,
        )
        event.full_clean()
        event.save()
        audit_record(
            actor=actor,
            action="report.answered",
            target=report,
            neighbourhood_id=report.neighbourhood_id,
        )
        _notify_later(event)
    return event


def report_reporter_viewed(*, report: Report, actor: User) -> None:
    """Write down that a staff member saw who reported (name and address)."""
    audit_record(
        actor=actor,
        action="report.reporter_viewed",
        target=report,
        neighbourhood_id=report.neighbourhood_id,
    )


def _notify_later(event: ReportEvent) -> None:
    from samen.agreements.notices_reports import notify_report_changed

    event_id = event.pk
    transaction.on_commit(lambda: notify_report_changed(event_id=event_id))


def resident_reports_anonymise(*, resident: Resident) -> int:
    """Unlink a resident's reports from them (account erasure); the problem itself stays."""
    return Report.objects.filter(reporter=resident).update(
        reporter=None, household=None, reporter_visible=False, updated_at=timezone.now()
    )
