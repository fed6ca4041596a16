"""Idempotent creates: a double submit, a retry or a replayed sync stores one record.

A form carries a random key (rendered once with the empty form); the service that creates
the object calls `run_once`. The first call inserts the key and the object in one
transaction; a later call with the same key finds the key and returns the object it
created, without creating another.
"""

import uuid
from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from samen.core.models import IdempotencyKey

M = TypeVar("M", bound=models.Model)


def new_key() -> str:
    """Make a fresh idempotency key."""
    return uuid.uuid4().hex


def run_once(
    *, key: str | None, scope: str, model: type[M], create: Callable[[], M]
) -> tuple[M, bool]:
    """Create once per (scope, key); return the object and whether it was created now."""
    if not key:
        with transaction.atomic():
            return create(), True
    existing = IdempotencyKey.objects.filter(scope=scope, key=key).first()
    if existing is not None:
        return model._default_manager.get(pk=existing.object_id), False
    try:
        with transaction.atomic():
            record = IdempotencyKey.objects.create(scope=scope, key=key)
            obj = create()
            record.object_id = str(obj.pk)
            record.save(update_fields=["object_id"])
            return obj, True
    except IntegrityError:
        # A concurrent request with the same key won the race; return what it made.
        existing = IdempotencyKey.objects.filter(scope=scope, key=key).first()
        if existing is None or not existing.object_id:
            raise
        return model._default_manager.get(pk=existing.object_id), False


class IdempotentFormMixin(forms.Form):
    """Adds a hidden idempotency key to a form (a fresh one for every empty form)."""

    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", new_key())

    def clean_idempotency_key(self) -> str:
        """Accept only a plain hex key."""
        key = self.cleaned_data.get("idempotency_key", "")
        if key and not all(c in "0123456789abcdef-" for c in key.lower()):
            raise forms.ValidationError(_("This form has expired. Please submit it again."))
        return key
