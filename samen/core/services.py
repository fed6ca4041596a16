"""Writes shared by every app: the audit log."""

from typing import Any

from django.db import models

from samen.core.models import AuditEvent


def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    neighbourhood_id: int | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit event; the actor may be anonymous (stored as no one)."""
    event = AuditEvent(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        neighbourhood_id=neighbourhood_id,
        data=data or {},
    )
    event.full_clean()
    event.save()
    return event
