"""Shared base model, the audit log and idempotency keys."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """A model that knows when it was created and last changed."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        abstract = True


# Plain words for the audit actions that apps record; an unknown action shows its code.
AUDIT_ACTIONS = {
    "household.viewed": _("looked at a household"),
    "household.join_code_renewed": _("made a new household code"),
    "resident.created": _("added a resident"),
    "resident.changed": _("changed a resident's details"),
    "role.assigned": _("gave a role"),
    "role.revoked": _("took a role away"),
    "tenant_import.uploaded": _("uploaded a tenant list"),
    "tenant_import.confirmed": _("confirmed a tenant list import"),
    "tenant_import.cancelled": _("cancelled a tenant list import"),
    "tenant_import.applied": _("a tenant list import was saved"),
    "print_job.started": _("started a PDF with household codes"),
    "print_job.downloaded": _("downloaded a PDF with household codes"),
    "household.postcard_printed": _("printed a household's postcard"),
    "contribution.changed": _("changed a contribution"),
    "contribution.deleted": _("deleted a contribution"),
    "contributions.exported": _("downloaded all contributions"),
    "resident.erased": _("a resident erased their account"),
    "api_key.created": _("made an API key"),
    "api_key.revoked": _("switched off an API key"),
    "api.contributions_listed": _("read the contributions with an API key"),
    "agreement.status_changed": _("changed the status of an agreement"),
    "report.status_changed": _("changed the status of a report"),
    "report.answered": _("answered a report"),
    "report.reporter_viewed": _("looked at who made a report"),
    "committee.attendance_set": _("recorded who came to a committee meeting"),
    "committee.minutes_shared": _("shared minutes with the housing company"),
    "committee.minutes_unshared": _("stopped sharing minutes with the housing company"),
    "committee.meeting_invited": _("invited the committee to a meeting"),
    "committee.membership_start": _("added someone to the committee"),
    "committee.membership_end": _("ended a term in the committee"),
}


class AuditEvent(models.Model):
    """One staff action on personal data (or another event worth keeping)."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=80)
    target_type = models.CharField(_("object type"), max_length=80, blank=True)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    neighbourhood_id = models.BigIntegerField(_("neighbourhood"), null=True, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_type}:{self.target_id}"

    @property
    def action_label(self) -> str:
        """Return the action in words (the code itself if it has no words yet)."""
        return str(AUDIT_ACTIONS.get(self.action, self.action))


class IdempotencyKey(models.Model):
    """A key sent with a create; a second create with the same key returns the first result."""

    key = models.CharField(max_length=64)
    scope = models.CharField(max_length=80)
    object_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("idempotency key")
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="idempotency_scope_key_unique")
        ]

    def __str__(self) -> str:
        return f"{self.scope}:{self.key}"
