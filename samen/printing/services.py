"""Writes of the printing app: start a print job, run it, print one household's card.

A job goes QUEUED → RUNNING → DONE (or FAILED). `print_job_start` stores the job and queues
the task once the job is committed; the task calls `print_job_run`, which renders the PDF in
chunks (ten postcards at a time) and writes the progress after every chunk, outside any
transaction, so the job page (another connection) sees it move. The file is stored before the
job turns DONE, so a DONE job always has its file.
"""

import datetime
import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.accounts.models import User
from samen.core.idempotency import run_once
from samen.core.services import audit_record
from samen.neighbourhoods.models import Household, Neighbourhood
from samen.printing.models import PrintJob
from samen.printing.pdf import render_pdf, render_pdf_in_chunks
from samen.printing.postcards import (
    TEMPLATE as POSTCARD_TEMPLATE,
)
from samen.printing.postcards import (
    clean_postcard_params,
    postcard_cards,
    postcard_context,
)
from samen.printing.registry import printables

logger = logging.getLogger(__name__)

Status = PrintJob.Status

# The status pipeline; a service refuses any other change.
ALLOWED = {
    Status.QUEUED: {Status.RUNNING},
    Status.RUNNING: {Status.DONE, Status.FAILED},
}

# Why a job failed, stored as a code in PrintJob.error.
FAILURE_MESSAGES = {
    "empty": _("There was nothing to print. Does this neighbourhood have households yet?"),
    "unknown_kind": _("Samen does not know how to make this PDF any more."),
    "unexpected": _("Something went wrong while making the PDF. Try again, or ask for help."),
    "stopped": _("Making the PDF stopped halfway. Start it again."),
}
# A running job that has not moved for this long lost its worker (a restart, a crash).
STUCK_AFTER = datetime.timedelta(minutes=30)


def print_job_start(
    *,
    neighbourhood: Neighbourhood,
    kind: str,
    params: dict[str, Any],
    actor: User | None,
    idempotency_key: str | None = None,
) -> PrintJob:
    """Store a print job and queue its task on commit; a repeated key returns the first job."""
    from samen.printing.tasks import run_print_job

    printable = printables.get(kind)  # raises ValidationError for an unknown kind
    cleaned = printable.clean_params(dict(params or {}))

    def create() -> PrintJob:
        job = PrintJob(
            neighbourhood=neighbourhood,
            kind=kind,
            params=cleaned,
            status=Status.QUEUED,
            created_by=actor,
        )
        job.full_clean(exclude=["created_by"])
        job.save()
        if printable.personal_data:
            audit_record(
                actor=actor,
                action="print_job.started",
                target=job,
                neighbourhood_id=neighbourhood.pk,
                data={"kind": kind},
            )
        pk = job.pk
        # Queue only once the job is committed, or a worker may not find it yet.
        transaction.on_commit(lambda: run_print_job.enqueue(pk))
        return job

    job, _created = run_once(
        key=idempotency_key,
        scope=f"print_job_start:{neighbourhood.pk}",
        model=PrintJob,
        create=create,
    )
    return job


def _move(job_id: int, *, source: str, target: str, **fields: Any) -> bool:
    """Change a job's status if it is still `source`; refuse moves outside the pipeline."""
    if target not in ALLOWED.get(source, set()):
        raise ValueError(f"A print job cannot go from {source} to {target}.")
    now = timezone.now()
    if target in {Status.DONE, Status.FAILED}:
        fields["finished_at"] = now
    moved = PrintJob.objects.filter(pk=job_id, status=source).update(
        status=target, updated_at=now, **fields
    )
    return bool(moved)


def _finish(job_id: int, status: str, **fields: Any) -> None:
    _move(job_id, source=Status.RUNNING, target=status, **fields)


def print_job_run(*, job_id: int) -> PrintJob | None:
    """Render a queued job's PDF, moving `done` after every chunk; end DONE or FAILED."""
    # QUEUED → RUNNING in one statement, so two workers cannot both run the job.
    if not _move(job_id, source=Status.QUEUED, target=Status.RUNNING, done=0):
        logger.info("Print job %s is not queued; nothing to do.", job_id)
        return None
    job = PrintJob.objects.select_related("neighbourhood").get(pk=job_id)

    def progress(done: int) -> None:
        PrintJob.objects.filter(pk=job_id).update(done=done, updated_at=timezone.now())

    try:
        if job.kind not in printables:
            _finish(job_id, Status.FAILED, error="unknown_kind")
            return PrintJob.objects.get(pk=job_id)
        work = printables.get(job.kind).build(neighbourhood=job.neighbourhood, params=job.params)
        if work.items is None:
            PrintJob.objects.filter(pk=job_id).update(total=1)
            pdf = render_pdf(template_name=work.template_name, context=work.context)
            progress(1)
        else:
            items = list(work.items)
            if not items:
                _finish(job_id, Status.FAILED, error="empty")
                return PrintJob.objects.get(pk=job_id)
            PrintJob.objects.filter(pk=job_id).update(total=len(items))
            pdf = render_pdf_in_chunks(
                template_name=work.template_name,
                context=work.context,
                items=items,
                chunk_context=work.chunk_context,
                chunk_size=work.chunk_size,
                progress=progress,
            )
        job.file.save(work.filename, ContentFile(pdf), save=False)
        _finish(job_id, Status.DONE, file=job.file.name, filename=work.filename)
    except Exception:
        logger.exception("Print job %s failed.", job_id)
        _finish(job_id, Status.FAILED, error="unexpected")
    return PrintJob.objects.get(pk=job_id)


def print_jobs_fail_stuck(*, older_than: datetime.timedelta = STUCK_AFTER) -> int:
    """Mark running jobs without progress for `older_than` as failed; return how many."""
    now = timezone.now()
    return PrintJob.objects.filter(status=Status.RUNNING, updated_at__lt=now - older_than).update(
        status=Status.FAILED, error="stopped", finished_at=now, updated_at=now
    )


def print_job_download(*, job: PrintJob, actor: User) -> Any:
    """Open a finished job's PDF for download; write the download of personal data to the log."""
    if job.status != Status.DONE or not job.file:
        raise ValidationError(_("This PDF is not ready."), code="not_ready")
    handle = job.file.open("rb")
    if job.kind in printables and printables.get(job.kind).personal_data:
        audit_record(
            actor=actor,
            action="print_job.downloaded",
            target=job,
            neighbourhood_id=job.neighbourhood_id,
            data={"kind": job.kind},
        )
    return handle


def postcard_render(*, household: Household, actor: User, return_line: str = "") -> bytes:
    """Render one household's card (two pages) at once, and write it to the audit log."""
    params = clean_postcard_params({"return_line": return_line})
    pdf = render_pdf(
        template_name=POSTCARD_TEMPLATE,
        context={
            **postcard_context(household.neighbourhood, params["return_line"]),
            "cards": postcard_cards([household]),
        },
    )
    audit_record(
        actor=actor,
        action="household.postcard_printed",
        target=household,
        neighbourhood_id=household.neighbourhood_id,
    )
    return pdf
