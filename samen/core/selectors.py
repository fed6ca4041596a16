"""Reads shared by every app: the audit log."""

from django.db.models import QuerySet

from samen.core.models import AuditEvent


def audit_events_of(*, neighbourhood_id: int) -> QuerySet[AuditEvent]:
    """Return a neighbourhood's audit events, newest first, with who did them."""
    return (
        AuditEvent.objects.filter(neighbourhood_id=neighbourhood_id)
        .select_related("actor")
        .order_by("-created_at", "-id")
    )
