"""Print jobs: a PDF made in the background, with its progress and its file."""

import posixpath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samen.core.models import TimeStampedModel


def print_job_upload_to(job: "PrintJob", filename: str) -> str:
    """Store the PDF under MEDIA_ROOT/print/<neighbourhood id>/ with the job id in the name."""
    return posixpath.join("print", str(job.neighbourhood_id), f"{job.kind}-{job.pk}.pdf")


class PrintJob(TimeStampedModel):
    """One PDF of a printable kind for a neighbourhood, made by a background task."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to start")
        RUNNING = "running", _("busy")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    neighbourhood = models.ForeignKey(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="print_jobs",
    )
    # A key of the printable registry (printing/registry.py); not a choices field, because
    # every app adds its own kinds.
    kind = models.CharField(_("kind"), max_length=64)
    params = models.JSONField(_("settings"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("to do"), default=0)
    done = models.PositiveIntegerField(_("done"), default=0)
    file = models.FileField(_("file"), upload_to=print_job_upload_to, blank=True, max_length=200)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Why a job failed, as a code (see services.FAILURE_MESSAGES); the details go to the log.
    error = models.CharField(_("error"), max_length=200, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("print job")
        verbose_name_plural = _("print jobs")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["neighbourhood", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done__lte=models.F("total")), name="print_job_done_lte_total"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse(
            "printing:job_detail", kwargs={"slug": self.neighbourhood.slug, "pk": self.pk}
        )

    @property
    def percent(self) -> int:
        """Return the progress in whole percent."""
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def is_active(self) -> bool:
        """Whether the job still has to run or is running."""
        return self.status in {self.Status.QUEUED, self.Status.RUNNING}

    @property
    def kind_label(self) -> str:
        """Return the kind in words (its key when no app registers it any more)."""
        from samen.printing.registry import printables

        return str(printables.get(self.kind).label) if self.kind in printables else self.kind
